//! The native `_struct` module: packing values into C-layout bytes and back
//! (CPython's `Modules/_struct.c` behaviour: byte orders `@ = < > !`, native sizes and
//! alignment for `@`, standard sizes otherwise, and its error messages). `struct.py`
//! wraps it in the module's API (`Struct`, `iter_unpack`, `pack_into`, ...).

use num_bigint::BigInt;
use num_traits::{ToPrimitive, Zero};
use pymm_mem::ObjRef;

use crate::call::{Kw, check_args};
use crate::exc::{Exc, R, new_exc, type_error};
use crate::object::{Kind, NativeFn, kind};
use crate::state::{none, pybool};

/// The module's functions.
pub fn module_functions() -> &'static [(&'static str, NativeFn)] {
    &[
        ("calcsize", calcsize),
        ("pack", pack),
        ("unpack", unpack),
        ("_set_error", set_error),
    ]
}

thread_local! {
    /// `struct.error`, which struct.py defines and hands over (see [`set_error`]).
    /// `ManuallyDrop`: the object belongs to the thread's pymm_mem runtime.
    static ERROR: std::mem::ManuallyDrop<std::cell::RefCell<Option<ObjRef>>> =
        const { std::mem::ManuallyDrop::new(std::cell::RefCell::new(None)) };
}

fn set_error(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_set_error", args, 1, 1)?;
    ERROR.with(|e| *e.borrow_mut() = Some(args[0].clone()));
    Ok(none())
}

/// A `struct.error` with `msg`.
fn error(msg: impl Into<String>) -> Exc {
    let msg = msg.into();
    let made = ERROR
        .with(|e| e.borrow().clone())
        .map(|cls| crate::str::new_str(&msg).and_then(|m| crate::call::call(&cls, &[m])));
    match made {
        Some(Ok(e)) => Exc(e),
        Some(Err(e)) => e,
        None => new_exc("ValueError", &msg),
    }
}

#[derive(Clone, Copy, PartialEq)]
enum Order {
    Native,
    NativeStd,
    Little,
    Big,
}

struct Item {
    code: char,
    count: usize,
    size: usize,
    offset: usize,
}

/// The parsed format: its items and total size.
struct Layout {
    order: Order,
    items: Vec<Item>,
    size: usize,
}

fn item_size(code: char, native: bool) -> Option<usize> {
    Some(match code {
        'x' | 'c' | 'b' | 'B' | '?' | 's' | 'p' => 1,
        'h' | 'H' | 'e' => 2,
        'i' | 'I' | 'f' => 4,
        'l' | 'L' => {
            if native {
                8
            } else {
                4
            }
        }
        'q' | 'Q' | 'd' => 8,
        'n' | 'N' | 'P' if native => 8,
        _ => return None,
    })
}

fn parse(fmt: &str) -> Result<Layout, Exc> {
    let mut chars = fmt.chars().peekable();
    let order = match chars.peek() {
        Some('@') => Order::Native,
        Some('=') => Order::NativeStd,
        Some('<') => Order::Little,
        Some('>') | Some('!') => Order::Big,
        _ => Order::Native,
    };
    if matches!(chars.peek(), Some('@' | '=' | '<' | '>' | '!')) {
        chars.next();
    }
    let native = order == Order::Native;
    let mut items = Vec::new();
    let mut size = 0usize;
    while let Some(c) = chars.next() {
        if c.is_whitespace() {
            continue;
        }
        let mut count = 1usize;
        let mut code = c;
        if c.is_ascii_digit() {
            let mut n = c.to_digit(10).unwrap_or(0) as usize;
            loop {
                match chars.next() {
                    Some(d) if d.is_ascii_digit() => {
                        n = n
                            .checked_mul(10)
                            .and_then(|n| n.checked_add(d.to_digit(10).unwrap_or(0) as usize))
                            .ok_or_else(|| error("total struct size too long"))?;
                    }
                    Some(d) => {
                        code = d;
                        break;
                    }
                    None => return Err(error("repeat count given without format specifier")),
                }
            }
            count = n;
        }
        let isize_ = item_size(code, native).ok_or_else(|| error("bad char in struct format"))?;
        if native && !matches!(code, 's' | 'p' | 'x' | 'c' | 'b' | 'B' | '?') {
            size = size.next_multiple_of(isize_);
        }
        items.push(Item {
            code,
            count,
            size: isize_,
            offset: size,
        });
        size = count
            .checked_mul(isize_)
            .and_then(|n| size.checked_add(n))
            .ok_or_else(|| error("total struct size too long"))?;
    }
    Ok(Layout { order, items, size })
}

fn fmt_arg(o: &ObjRef) -> R<String> {
    match kind(o.as_obj()) {
        Kind::Str => Ok(crate::str::as_str(o.as_obj()).into_owned()),
        Kind::Bytes => Ok(String::from_utf8_lossy(
            &crate::bytearray::bytes_like(o).unwrap_or_default(),
        )
        .into_owned()),
        _ => Err(type_error(format!(
            "Struct() argument 1 must be a str or bytes object, not {}",
            crate::typeobj::obj_type_name(o)
        ))),
    }
}

fn calcsize(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("calcsize", args, 1, 1)?;
    let l = parse(&fmt_arg(&args[0])?)?;
    crate::int::from_i64(l.size as i64)
}

fn put_int(out: &mut [u8], v: &BigInt, size: usize, order: Order) {
    let bytes = v.to_signed_bytes_le();
    let fill = if v.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    let mut le: Vec<u8> = (0..size).map(|i| *bytes.get(i).unwrap_or(&fill)).collect();
    if order == Order::Big {
        le.reverse();
    }
    out[..size].copy_from_slice(&le);
}

fn get_int(data: &[u8], signed: bool, order: Order) -> BigInt {
    let mut le = data.to_vec();
    if order == Order::Big {
        le.reverse();
    }
    if signed {
        BigInt::from_signed_bytes_le(&le)
    } else {
        BigInt::from_bytes_le(num_bigint::Sign::Plus, &le)
    }
}

fn int_value(o: &ObjRef) -> R<BigInt> {
    if crate::int::is_int(o.as_obj()) {
        return Ok(crate::int::to_big(o.as_obj()));
    }
    if crate::typeobj::lookup_special(o, "__index__").is_some() {
        let i = crate::call::call(
            &crate::typeobj::lookup_special(o, "__index__").unwrap_or_else(none),
            &[o.clone()],
        )?;
        if crate::int::is_int(i.as_obj()) {
            return Ok(crate::int::to_big(i.as_obj()));
        }
    }
    Err(error("required argument is not an integer"))
}

/// CPython's messages: the one- and two-byte codes by their C names, the four-byte
/// signed ones with their bounds, "argument out of range" for the rest.
fn int_range_error(code: char, size: usize, lo: &BigInt, hi: &BigInt) -> Exc {
    match code {
        'b' => error("byte format requires -128 <= number <= 127"),
        'B' => error("ubyte format requires 0 <= number <= 255"),
        'h' => error("short format requires -32768 <= number <= 32767"),
        'H' => error("ushort format requires 0 <= number <= 65535"),
        'i' | 'l' if size == 4 => error(format!("'{code}' format requires {lo} <= number <= {hi}")),
        _ => error("argument out of range"),
    }
}

fn pack_float(out: &mut [u8], x: f64, code: char, order: Order) -> R<()> {
    let mut bytes: Vec<u8> = match code {
        'd' => x.to_le_bytes().to_vec(),
        // CPython 3.11 packs a double too large for 'f' as infinity.
        'f' => (x as f32).to_le_bytes().to_vec(),
        _ => {
            let h = f64_to_half(x)
                .ok_or_else(|| new_exc("OverflowError", "float too large to pack with e format"))?;
            h.to_le_bytes().to_vec()
        }
    };
    if order == Order::Big {
        bytes.reverse();
    }
    out[..bytes.len()].copy_from_slice(&bytes);
    Ok(())
}

/// IEEE 754 binary16, rounded to nearest even; `None` when a finite value overflows.
fn f64_to_half(x: f64) -> Option<u16> {
    let sign: u16 = if x.is_sign_negative() { 0x8000 } else { 0 };
    if x.is_nan() {
        return Some(sign | 0x7e00);
    }
    let a = x.abs();
    if a.is_infinite() {
        return Some(sign | 0x7c00);
    }
    if a == 0.0 {
        return Some(sign);
    }
    // The binary exponent of a normal double (a half's range is far above the
    // subnormal doubles).
    let e = ((a.to_bits() >> 52) & 0x7ff) as i32 - 1023;
    if e < -14 {
        // Subnormal: a multiple of 2^-24; 1024 of them carry into the smallest normal.
        return Some(sign | round_half_even(a * 2f64.powi(24)) as u16);
    }
    // Normal: ten fraction bits.
    let mut q = round_half_even(a / 2f64.powi(e) * 1024.0) as u32;
    let mut e = e;
    if q == 2048 {
        q = 1024;
        e += 1;
    }
    if e > 15 {
        return None;
    }
    Some(sign | (((e + 15) as u16) << 10) | (q as u16 & 0x3ff))
}

fn round_half_even(v: f64) -> f64 {
    let r = v.round();
    if (v - v.trunc()).abs() == 0.5 && r % 2.0 != 0.0 {
        r - v.signum()
    } else {
        r
    }
}

fn half_to_f64(h: u16) -> f64 {
    let sign = if h & 0x8000 != 0 { -1.0 } else { 1.0 };
    let e = ((h >> 10) & 0x1f) as i32;
    let f = (h & 0x3ff) as f64;
    sign * match e {
        0 => f * 2f64.powi(-24),
        31 => {
            if f == 0.0 {
                f64::INFINITY
            } else {
                f64::NAN
            }
        }
        _ => (1.0 + f / 1024.0) * 2f64.powi(e - 15),
    }
}

/// `n` zero bytes, or `MemoryError` when they cannot be had (a format such as
/// `'1000000000000x'`, or `os.urandom(10**13)`).
pub fn zeroed(n: usize) -> R<Vec<u8>> {
    let mut v = Vec::new();
    v.try_reserve_exact(n)
        .map_err(|_| crate::exc::memory_error())?;
    v.resize(n, 0);
    Ok(v)
}

/// `pack(fmt, *values)`.
fn pack(args: &[ObjRef], _kw: &Kw) -> R {
    if args.is_empty() {
        return Err(type_error("pack expected at least 1 argument, got 0"));
    }
    let layout = parse(&fmt_arg(&args[0])?)?;
    let values = &args[1..];
    let needed: usize = layout
        .items
        .iter()
        .map(|it| match it.code {
            'x' => 0,
            's' | 'p' => 1,
            _ => it.count,
        })
        .sum();
    if values.len() != needed {
        return Err(error(format!(
            "pack expected {needed} items for packing (got {})",
            values.len()
        )));
    }
    let order = if layout.order == Order::Big {
        Order::Big
    } else {
        Order::Little
    };
    let mut out = zeroed(layout.size)?;
    let mut vi = 0;
    for it in &layout.items {
        match it.code {
            'x' => {}
            's' | 'p' => {
                let v = &values[vi];
                vi += 1;
                if !matches!(kind(v.as_obj()), Kind::Bytes | Kind::ByteArray) {
                    return Err(error(format!(
                        "argument for '{}' must be a bytes object",
                        it.code
                    )));
                }
                let data = crate::bytearray::bytes_like(v).unwrap_or_default();
                let dst = &mut out[it.offset..it.offset + it.count];
                if it.code == 's' {
                    let n = data.len().min(it.count);
                    dst[..n].copy_from_slice(&data[..n]);
                } else if it.count > 0 {
                    let n = data.len().min(it.count - 1).min(255);
                    dst[0] = n as u8;
                    dst[1..1 + n].copy_from_slice(&data[..n]);
                }
            }
            code => {
                for k in 0..it.count {
                    let v = &values[vi];
                    vi += 1;
                    let at = it.offset + k * it.size;
                    let dst = &mut out[at..at + it.size];
                    match code {
                        'c' => {
                            let b = if kind(v.as_obj()) == Kind::Bytes {
                                crate::bytearray::bytes_like(v).unwrap_or_default()
                            } else {
                                Vec::new()
                            };
                            if b.len() != 1 {
                                return Err(error(
                                    "char format requires a bytes object of length 1",
                                ));
                            }
                            dst[0] = b[0];
                        }
                        '?' => dst[0] = u8::from(crate::ops::truthy(v)?),
                        'e' | 'f' | 'd' => {
                            let x = crate::builtins::to_f64(v)
                                .map_err(|_| error("required argument is not a float"))?;
                            pack_float(dst, x, code, order)?;
                        }
                        _ => {
                            let x = int_value(v)?;
                            let bits = (it.size * 8) as u32;
                            let signed = code.is_ascii_lowercase();
                            let (lo, hi) = if signed {
                                (
                                    -(BigInt::from(1) << (bits - 1)),
                                    (BigInt::from(1) << (bits - 1)) - 1,
                                )
                            } else {
                                (BigInt::zero(), (BigInt::from(1) << bits) - 1)
                            };
                            if x < lo || x > hi {
                                return Err(int_range_error(code, it.size, &lo, &hi));
                            }
                            put_int(dst, &x, it.size, order);
                        }
                    }
                }
            }
        }
    }
    crate::builtins::new_bytes(&out)
}

/// `unpack(fmt, buffer)`.
fn unpack(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("unpack", args, 2, 2)?;
    let layout = parse(&fmt_arg(&args[0])?)?;
    if crate::bytearray::bytes_like(&args[1]).is_none() {
        return Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            crate::typeobj::obj_type_name(&args[1])
        )));
    }
    let data = crate::bytearray::bytes_like(&args[1]).unwrap_or_default();
    if data.len() != layout.size {
        return Err(error(format!(
            "unpack requires a buffer of {} bytes",
            layout.size
        )));
    }
    let order = if layout.order == Order::Big {
        Order::Big
    } else {
        Order::Little
    };
    let mut out = Vec::new();
    for it in &layout.items {
        match it.code {
            'x' => {}
            's' => out.push(crate::builtins::new_bytes(
                &data[it.offset..it.offset + it.count],
            )?),
            'p' => {
                let field = &data[it.offset..it.offset + it.count];
                // CPython 3.11 computes a length of -1 for a zero-width pascal string.
                let Some((&len, body)) = field.split_first() else {
                    return Err(new_exc(
                        "SystemError",
                        "Negative size passed to PyBytes_FromStringAndSize",
                    ));
                };
                let n = (len as usize).min(body.len());
                out.push(crate::builtins::new_bytes(&body[..n])?);
            }
            code => {
                for k in 0..it.count {
                    let at = it.offset + k * it.size;
                    let b = &data[at..at + it.size];
                    out.push(match code {
                        'c' => crate::builtins::new_bytes(b)?,
                        '?' => pybool(b[0] != 0),
                        'd' | 'f' | 'e' => {
                            let mut le = b.to_vec();
                            if order == Order::Big {
                                le.reverse();
                            }
                            let v = match code {
                                'd' => f64::from_le_bytes(le[..8].try_into().unwrap_or([0; 8])),
                                'f' => f64::from(f32::from_le_bytes(
                                    le[..4].try_into().unwrap_or([0; 4]),
                                )),
                                _ => half_to_f64(u16::from_le_bytes(
                                    le[..2].try_into().unwrap_or([0; 2]),
                                )),
                            };
                            crate::ops::new_float(v)?
                        }
                        _ => {
                            let v = get_int(b, code.is_ascii_lowercase(), order);
                            match v.to_i64() {
                                Some(i) => crate::int::from_i64(i)?,
                                None => crate::int::from_big(&v)?,
                            }
                        }
                    });
                }
            }
        }
    }
    crate::seq::new_tuple(out)
}

#[cfg(test)]
mod tests {
    use super::{f64_to_half, half_to_f64};

    #[test]
    fn half_round_trips() {
        for x in [
            0.0,
            1.0,
            -2.5,
            65504.0,
            6.103515625e-05,
            5.960464477539063e-08,
            0.1,
        ] {
            let h = f64_to_half(x).expect("fits");
            let back = half_to_f64(h);
            assert!((back - x).abs() <= x.abs() * 1e-3 + 6e-8, "{x} -> {back}");
        }
        assert_eq!(f64_to_half(65520.0), None);
        assert_eq!(f64_to_half(1.0), Some(0x3c00));
        assert_eq!(f64_to_half(-2.0), Some(0xc000));
    }
}
