//! `int` and `bool`: CPython 3.11's `PyLongObject` layout (30-bit digits in `u32`s), so
//! `sys.getsizeof(n)` is `24 + 4 * ndigits` (28 for 1..2**30). Arithmetic takes an `i64`
//! fast path for values up to two digits and falls back to `num-bigint`.

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};
use pymm_mem::{Obj, ObjRef};

use crate::exc::{Exc, R, new_exc};
use crate::object::*;
use crate::state::sg;

const SHIFT: u32 = 30;
const MASK: u64 = (1 << SHIFT) - 1;

/// The base-2**30 digits of `m`, least significant first (at most 5 for 128 bits),
/// on the stack.
fn digits_of_u128(mut m: u128) -> ([u32; 5], usize) {
    let mut d = [0u32; 5];
    let mut n = 0;
    while m != 0 {
        d[n] = (m as u64 & MASK) as u32;
        m >>= SHIFT;
        n += 1;
    }
    (d, n)
}

/// How CPython 3.11 sizes a new int's block. tracemalloc traces the size requested,
/// `sys.getsizeof` counts the digits in use: pymm reproduces both.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum IntAlloc {
    /// `PyLong_FromLong` and one-digit arithmetic results (`_PyLong_FromMedium`):
    /// `sizeof(PyLongObject)`, 32 bytes, for a one-digit value, else the digits in use.
    FromLong,
    /// `_PyLong_New` for the digits in use (`PyLong_FromSsize_t`: `len()`, indices).
    Exact,
    /// `_PyLong_New(n)` normalised afterwards: `x_add`, `x_sub`, `x_mul`, a parsed
    /// string.
    AtLeast(usize),
}

impl IntAlloc {
    /// The digits to allocate for a value of `n` digits.
    fn capacity(self, n: usize) -> usize {
        match self {
            IntAlloc::FromLong if n == 1 => 2,
            IntAlloc::FromLong | IntAlloc::Exact => n,
            IntAlloc::AtLeast(c) => c.max(n),
        }
    }
}

fn alloc_digits(ty: &'static pymm_mem::TypeInfo, neg: bool, d: &[u32], how: IntAlloc) -> R {
    let n = d.len() as isize;
    ObjRef::new_var_copied_padded(
        ty,
        IntBody {
            size: if neg { -n } else { n },
        },
        d,
        how.capacity(d.len()),
    )
    .map_err(|_| crate::exc::memory_error())
}

/// An int object for `v`, built outside the small-int cache.
fn alloc_u128(neg: bool, m: u128, how: IntAlloc) -> R {
    let (d, n) = digits_of_u128(m);
    alloc_digits(&INT_T, neg, &d[..n], how)
}

pub(crate) fn alloc_small(v: i64) -> Result<ObjRef, Exc> {
    alloc_u128(v < 0, v.unsigned_abs() as u128, IntAlloc::FromLong)
}

pub(crate) fn alloc_bool(b: bool) -> ObjRef {
    // CPython's bools are ints with one digit (False has ob_size 0).
    ObjRef::new_var(
        &BOOL_T,
        IntBody { size: b as isize },
        if b { vec![1] } else { vec![] },
    )
    .expect("out of memory at start-up")
}

/// An int object for `v` (cached for -5..=256), as `PyLong_FromLong` makes it.
#[inline]
pub fn from_i64(v: i64) -> R {
    from_i64_as(v, IntAlloc::FromLong)
}

/// An int object for `v` (cached for -5..=256), its block sized as `how` says.
#[inline]
pub fn from_i64_as(v: i64, how: IntAlloc) -> R {
    if (-5..=256).contains(&v) {
        return Ok(sg().small_ints[(v + 5) as usize].clone());
    }
    alloc_u128(v < 0, v.unsigned_abs() as u128, how)
}

/// An int object for a size or an index, as `PyLong_FromSsize_t` makes it.
#[inline]
pub fn from_ssize(v: usize) -> R {
    match i64::try_from(v) {
        Ok(v) => from_i64_as(v, IntAlloc::Exact),
        Err(_) => alloc_u128(false, v as u128, IntAlloc::Exact),
    }
}

/// An int object for `v`.
pub fn from_i128(v: i128) -> R {
    from_i128_as(v, IntAlloc::FromLong)
}

fn from_i128_as(v: i128, how: IntAlloc) -> R {
    if let Ok(x) = i64::try_from(v) {
        return from_i64_as(x, how);
    }
    alloc_u128(v < 0, v.unsigned_abs(), how)
}

/// An int object for a big integer.
pub fn from_big(v: &BigInt) -> R {
    from_big_as(v, IntAlloc::FromLong)
}

/// [`from_big`] with the block sized as `how` says.
pub fn from_big_as(v: &BigInt, how: IntAlloc) -> R {
    if let Some(x) = v.to_i64() {
        return from_i64_as(x, how);
    }
    let neg = v.sign() == Sign::Minus;
    let bytes = v.magnitude().to_u32_digits();
    // Re-pack base 2**32 digits into base 2**30.
    let mut d = Vec::new();
    let mut acc: u64 = 0;
    let mut bits = 0u32;
    for w in bytes {
        acc |= (w as u64) << bits;
        bits += 32;
        while bits >= SHIFT {
            d.push((acc & MASK) as u32);
            acc >>= SHIFT;
            bits -= SHIFT;
        }
    }
    if acc != 0 {
        d.push(acc as u32);
    }
    while d.last() == Some(&0) {
        d.pop();
    }
    alloc_digits(&INT_T, neg, &d, how)
}

/// How CPython 3.11 allocates the result of `a op b` on two ints (`longobject.c`): the
/// one-digit operands take the `_PyLong_FromSTwoDigits` path; otherwise a sum or a
/// difference gets `x_add`'s one digit more than the longer operand, or `x_sub`'s
/// length of the operands once equal leading digits are dropped, a product the sum of
/// the lengths, a shift the digits it adds or drops.
pub fn op_alloc(op: pymm_compiler::BinaryOperator, a: Obj<'_>, b: Obj<'_>) -> IntAlloc {
    use pymm_compiler::BinaryOperator as B;
    let (Some(ha), Some(hb)) = (a.downcast::<IntBody>(), b.downcast::<IntBody>()) else {
        return IntAlloc::FromLong;
    };
    let (da, db) = (
        a.var_items::<IntBody>().unwrap_or(&[]),
        b.var_items::<IntBody>().unwrap_or(&[]),
    );
    let (na, nb) = (da.len(), db.len());
    let medium = na <= 1 && nb <= 1;
    let x_add = || IntAlloc::AtLeast(na.max(nb) + 1);
    let x_sub = || {
        if na != nb {
            return IntAlloc::AtLeast(na.max(nb));
        }
        let top = (0..na).rev().find(|&i| da[i] != db[i]);
        IntAlloc::AtLeast(top.map_or(0, |i| i + 1))
    };
    let same_sign = (ha.size < 0) == (hb.size < 0);
    match op {
        _ if medium && !matches!(op, B::Lshift | B::InplaceLshift) => IntAlloc::FromLong,
        B::Add | B::InplaceAdd if same_sign => x_add(),
        B::Add | B::InplaceAdd => x_sub(),
        B::Subtract | B::InplaceSubtract if same_sign => x_sub(),
        B::Subtract | B::InplaceSubtract => x_add(),
        B::Multiply | B::InplaceMultiply => IntAlloc::AtLeast(na + nb),
        B::Lshift | B::InplaceLshift => {
            let shift = to_i64(b).unwrap_or(0).max(0) as usize;
            let (words, rem) = (shift / SHIFT as usize, shift % SHIFT as usize);
            if words == 0 && na <= 1 {
                IntAlloc::FromLong
            } else {
                IntAlloc::AtLeast(na + words + usize::from(rem != 0))
            }
        }
        B::Rshift | B::InplaceRshift => {
            let shift = to_i64(b).unwrap_or(0).max(0) as usize;
            IntAlloc::AtLeast(na.saturating_sub(shift / SHIFT as usize))
        }
        _ => IntAlloc::Exact,
    }
}

/// The int `r`, the result of `a op b`, allocated as CPython allocates it.
#[inline]
pub fn from_i64_op(r: i64, op: pymm_compiler::BinaryOperator, a: Obj<'_>, b: Obj<'_>) -> R {
    if (-5..=256).contains(&r) {
        return Ok(sg().small_ints[(r + 5) as usize].clone());
    }
    alloc_op_result(r, op, a, b)
}

/// [`from_i64_op`] past the small ints, out of line: the eval loop's arithmetic keeps
/// only the cache test.
#[inline(never)]
fn alloc_op_result(r: i64, op: pymm_compiler::BinaryOperator, a: Obj<'_>, b: Obj<'_>) -> R {
    alloc_u128(r < 0, r.unsigned_abs() as u128, op_alloc(op, a, b))
}

/// Whether `o` is an int (or bool, or a subclass).
#[inline]
pub fn is_int(o: Obj<'_>) -> bool {
    matches!(kind(o), Kind::Int | Kind::Bool)
}

/// The value of an exact `int` (not a bool or subclass) of at most two 30-bit digits:
/// the operands of the eval loop's arithmetic and comparison fast paths.
#[inline]
pub fn exact_small(o: Obj<'_>) -> Option<i64> {
    if !core::ptr::eq(o.type_info(), &INT_T) {
        return None;
    }
    let size = o.downcast::<IntBody>()?.size;
    let d = o.var_items::<IntBody>()?;
    let m = match *d {
        [] => 0,
        [x] => x as i64,
        [x, y] => x as i64 | (y as i64) << SHIFT,
        _ => return None,
    };
    Some(if size < 0 { -m } else { m })
}

/// The value as `i64`, if it is an int that fits.
#[inline]
pub fn to_i64(o: Obj<'_>) -> Option<i64> {
    let b = o.downcast::<IntBody>()?;
    let d = o.var_items::<IntBody>()?;
    let m: u64 = match d.len() {
        0 => 0,
        1 => d[0] as u64,
        2 => d[0] as u64 | (d[1] as u64) << SHIFT,
        3 if d[2] < 8 => d[0] as u64 | (d[1] as u64) << SHIFT | (d[2] as u64) << 60,
        // Digits are normalised: three digits from 2**63 up, or more, fit only as
        // -2**63 itself.
        3 if b.size < 0 && d[2] == 8 && d[1] == 0 && d[0] == 0 => return Some(i64::MIN),
        _ => return None,
    };
    if b.size < 0 {
        if m <= i64::MAX as u64 + 1 {
            Some((m as i64).wrapping_neg())
        } else {
            None
        }
    } else if m <= i64::MAX as u64 {
        Some(m as i64)
    } else {
        None
    }
}

/// The value as a big integer.
pub fn to_big(o: Obj<'_>) -> BigInt {
    let Some(b) = o.downcast::<IntBody>() else {
        return BigInt::zero();
    };
    let d = o.var_items::<IntBody>().unwrap_or(&[]);
    let mut v = BigInt::zero();
    for &x in d.iter().rev() {
        v = (v << SHIFT) + BigInt::from(x);
    }
    if b.size < 0 { -v } else { v }
}

/// Number of 30-bit digits (for `__sizeof__`).
pub fn ndigits(o: Obj<'_>) -> usize {
    o.downcast::<IntBody>().map_or(0, |b| b.size.unsigned_abs())
}

/// The value as `i128`, for ints below 2**127 in magnitude.
fn to_i128(o: Obj<'_>) -> Option<i128> {
    let b = o.downcast::<IntBody>()?;
    let d = o.var_items::<IntBody>()?;
    // Four digits are 120 bits; a fifth may add 7 more.
    if d.len() > 5 || (d.len() == 5 && d[4] >= 1 << 7) {
        return None;
    }
    let m = d
        .iter()
        .rev()
        .fold(0u128, |acc, &x| (acc << SHIFT) | x as u128) as i128;
    Some(if b.size < 0 { -m } else { m })
}

/// `+ - * // % & | ^ >>` on ints below 2**127 whose result fits in 128 bits:
/// exact without a big integer (the 64-bit LCGs programs write live here).
fn binop_i128(op: pymm_compiler::BinaryOperator, a: Obj<'_>, b: Obj<'_>) -> Option<R> {
    use pymm_compiler::BinaryOperator as B;
    let (x, y) = (to_i128(a)?, to_i128(b)?);
    let r = match op {
        B::Add | B::InplaceAdd => x.checked_add(y),
        B::Subtract | B::InplaceSubtract => x.checked_sub(y),
        B::Multiply | B::InplaceMultiply => x.checked_mul(y),
        B::And | B::InplaceAnd => Some(x & y),
        B::Or | B::InplaceOr => Some(x | y),
        B::Xor | B::InplaceXor => Some(x ^ y),
        B::Rshift | B::InplaceRshift if (0..128).contains(&y) => Some(x >> y),
        B::FloorDivide | B::InplaceFloorDivide if y != 0 => x
            .checked_div_euclid(y)
            .map(|_| num_integer::Integer::div_floor(&x, &y)),
        B::Remainder | B::InplaceRemainder if y != 0 => x
            .checked_rem(y)
            .map(|_| num_integer::Integer::mod_floor(&x, &y)),
        _ => None,
    }?;
    Some(from_i128_as(r, op_alloc(op, a, b)))
}

/// Binary arithmetic on two ints; `None` if the operator does not apply.
pub fn binop(op: pymm_compiler::BinaryOperator, a: Obj<'_>, b: Obj<'_>) -> Option<R> {
    use pymm_compiler::BinaryOperator as B;
    // bool & | ^ bool stays a bool.
    if kind(a) == Kind::Bool
        && kind(b) == Kind::Bool
        && matches!(
            op,
            B::And | B::InplaceAnd | B::Or | B::InplaceOr | B::Xor | B::InplaceXor
        )
    {
        let (p, q) = (is_true(a), is_true(b));
        let r = match op {
            B::And | B::InplaceAnd => p & q,
            B::Or | B::InplaceOr => p | q,
            _ => p ^ q,
        };
        return Some(Ok(crate::state::pybool(r)));
    }
    if let (Some(x), Some(y)) = (to_i64(a), to_i64(b)) {
        let r = match op {
            B::Add | B::InplaceAdd => x.checked_add(y),
            B::Subtract | B::InplaceSubtract => x.checked_sub(y),
            B::Multiply | B::InplaceMultiply => x.checked_mul(y),
            B::FloorDivide | B::InplaceFloorDivide => {
                if y == 0 {
                    return Some(Err(zero_div("integer division or modulo by zero")));
                }
                x.checked_div_euclid(y)
                    .map(|_| num_integer::Integer::div_floor(&x, &y))
            }
            B::Remainder | B::InplaceRemainder => {
                if y == 0 {
                    return Some(Err(zero_div("integer modulo by zero")));
                }
                x.checked_rem(y).map(|_| x.mod_floor(&y))
            }
            B::And | B::InplaceAnd => Some(x & y),
            B::Or | B::InplaceOr => Some(x | y),
            B::Xor | B::InplaceXor => Some(x ^ y),
            B::Lshift | B::InplaceLshift => {
                if y < 0 {
                    return Some(Err(new_exc("ValueError", "negative shift count")));
                }
                if y < 63 && x.unsigned_abs() < (1u64 << (62 - y)) {
                    Some(x << y)
                } else {
                    None
                }
            }
            B::Rshift | B::InplaceRshift => {
                if y < 0 {
                    return Some(Err(new_exc("ValueError", "negative shift count")));
                }
                Some(if y >= 64 {
                    if x < 0 { -1 } else { 0 }
                } else {
                    x >> y
                })
            }
            B::TrueDivide | B::InplaceTrueDivide => {
                if y == 0 {
                    return Some(Err(zero_div("division by zero")));
                }
                if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                    return Some(crate::ops::new_float(x as f64 / y as f64));
                }
                None
            }
            B::Power | B::InplacePower => {
                if y < 0 {
                    if x == 0 {
                        return Some(Err(zero_div("0.0 cannot be raised to a negative power")));
                    }
                    return Some(crate::ops::new_float((x as f64).powf(y as f64)));
                }
                u32::try_from(y).ok().and_then(|e| x.checked_pow(e))
            }
            _ => return None,
        };
        if let Some(r) = r {
            return Some(from_i64_op(r, op, a, b));
        }
    }
    // An operand or the result past 64 bits: 128 bits before big integers.
    if let Some(r) = binop_i128(op, a, b) {
        return Some(r);
    }
    let (x, y) = (to_big(a), to_big(b));
    let r = match op {
        B::Add | B::InplaceAdd => x + y,
        B::Subtract | B::InplaceSubtract => x - y,
        B::Multiply | B::InplaceMultiply => x * y,
        B::FloorDivide | B::InplaceFloorDivide => {
            if y.is_zero() {
                return Some(Err(zero_div("integer division or modulo by zero")));
            }
            x.div_floor(&y)
        }
        B::Remainder | B::InplaceRemainder => {
            if y.is_zero() {
                return Some(Err(zero_div("integer modulo by zero")));
            }
            x.mod_floor(&y)
        }
        B::And | B::InplaceAnd => x & y,
        B::Or | B::InplaceOr => x | y,
        B::Xor | B::InplaceXor => x ^ y,
        B::Lshift | B::InplaceLshift => {
            let Some(s) = y.to_usize() else {
                return Some(Err(if y.is_negative() {
                    new_exc("ValueError", "negative shift count")
                } else {
                    new_exc("OverflowError", "too many digits in integer")
                }));
            };
            x << s
        }
        B::Rshift | B::InplaceRshift => {
            if y.is_negative() {
                return Some(Err(new_exc("ValueError", "negative shift count")));
            }
            match y.to_usize() {
                Some(s) => x >> s,
                None => {
                    if x.is_negative() {
                        -BigInt::one()
                    } else {
                        BigInt::zero()
                    }
                }
            }
        }
        B::TrueDivide | B::InplaceTrueDivide => {
            if y.is_zero() {
                return Some(Err(zero_div("division by zero")));
            }
            return Some(true_div_big(&x, &y));
        }
        B::Power | B::InplacePower => {
            if y.is_negative() {
                let (xf, yf) = (
                    x.to_f64().unwrap_or(f64::INFINITY),
                    y.to_f64().unwrap_or(f64::NEG_INFINITY),
                );
                if xf == 0.0 {
                    return Some(Err(zero_div("0.0 cannot be raised to a negative power")));
                }
                return Some(crate::ops::new_float(xf.powf(yf)));
            }
            let Some(e) = y.to_u32() else {
                return Some(Err(new_exc("OverflowError", "exponent too large")));
            };
            num_traits::pow(x, e as usize)
        }
        _ => return None,
    };
    Some(from_big_as(&r, op_alloc(op, a, b)))
}

fn true_div_big(x: &BigInt, y: &BigInt) -> R {
    match true_div_f64(x, y) {
        Some(v) => crate::ops::new_float(v),
        None => Err(new_exc(
            "OverflowError",
            "integer division result too large for a float",
        )),
    }
}

/// `x / y` correctly rounded (`long_true_divide`), or `None` when the quotient is
/// too large for a float. `y` is not zero.
pub fn true_div_f64(x: &BigInt, y: &BigInt) -> Option<f64> {
    let negative = x.is_negative() != y.is_negative();
    let signed = |v: f64| if negative { -v } else { v };
    let (a, b) = (x.magnitude(), y.magnitude());
    if a.is_zero() {
        return Some(signed(0.0));
    }
    // Both exact as doubles: one IEEE division rounds correctly.
    if a.bits() <= 53 && b.bits() <= 53 {
        let (af, bf) = (a.to_f64()?, b.to_f64()?);
        return Some(signed(af / bf));
    }
    // Scale so the integer quotient has at least 55 bits (two more than a double
    // keeps), but keep no bits below 2^-1076, two under the smallest subnormal.
    let e = a.bits() as i64 - b.bits() as i64;
    let scale = (55 - e).min(1076);
    let (n, d) = if scale >= 0 {
        (a << scale as usize, b.clone())
    } else {
        (a.clone(), b << (-scale) as usize)
    };
    let (mut q, r) = num_integer::Integer::div_rem(&n, &d);
    if !r.is_zero() {
        // Round to odd: the sticky bit keeps an inexact quotient off a tie.
        q |= num_bigint::BigUint::one();
    }
    let nbits = q.bits() as i64;
    let top = nbits - 1 - scale;
    if top > 1023 {
        return None;
    }
    let drop = if top >= -1022 {
        nbits - 53
    } else {
        scale - 1074
    };
    let drop = drop.max(0) as usize;
    let mut m = &q >> drop;
    if drop > 0 {
        let rem = &q - (&m << drop);
        let half = num_bigint::BigUint::one() << (drop - 1);
        if rem > half || (rem == half && m.bit(0)) {
            m += 1u32;
        }
    }
    let mut v = m.to_f64()?;
    // Exact scaling by 2^(drop - scale), in steps that stay in range.
    let mut k = drop as i64 - scale;
    while k != 0 {
        let step = k.clamp(-1000, 1000);
        v *= 2f64.powi(step as i32);
        k -= step;
    }
    if v.is_infinite() {
        return None;
    }
    Some(signed(v))
}

fn zero_div(msg: &str) -> Exc {
    new_exc("ZeroDivisionError", msg)
}

/// `-x`, `~x`, `abs(x)`.
pub fn neg(a: Obj<'_>) -> R {
    match to_i64(a).and_then(i64::checked_neg) {
        Some(v) => from_i64(v),
        None => from_big(&-to_big(a)),
    }
}

pub fn invert(a: Obj<'_>) -> R {
    match to_i64(a) {
        Some(v) => from_i64(!v),
        None => from_big(&(-to_big(a) - 1)),
    }
}

/// Three-way comparison.
pub fn cmp(a: Obj<'_>, b: Obj<'_>) -> std::cmp::Ordering {
    match (to_i64(a), to_i64(b)) {
        (Some(x), Some(y)) => x.cmp(&y),
        _ => to_big(a).cmp(&to_big(b)),
    }
}

/// `hash(int)`: the value modulo the Mersenne prime 2**61 - 1, with -1 mapped to -2.
pub fn hash(a: Obj<'_>) -> isize {
    const P: i128 = (1 << 61) - 1;
    let h = match to_i64(a) {
        Some(v) => {
            let m = (v.unsigned_abs() as i128) % P;
            if v < 0 { -m } else { m }
        }
        None => {
            let b = to_big(a);
            let m = (b.abs() % BigInt::from(P)).to_i128().unwrap_or(0);
            if b.is_negative() { -m } else { m }
        }
    };
    let h = h as isize;
    if h == -1 { -2 } else { h }
}

/// `repr(int)`.
pub fn repr(a: Obj<'_>) -> String {
    if kind(a) == Kind::Bool {
        return if to_i64(a) == Some(1) {
            "True"
        } else {
            "False"
        }
        .to_string();
    }
    match to_i64(a) {
        Some(v) => v.to_string(),
        None => to_big(a).to_string(),
    }
}

/// Whether the int is nonzero.
pub fn is_true(a: Obj<'_>) -> bool {
    a.downcast::<IntBody>().is_some_and(|b| b.size != 0)
}

/// `int` from a float (truncating).
pub fn from_f64(f: f64) -> R {
    if f.is_nan() {
        return Err(new_exc("ValueError", "cannot convert float NaN to integer"));
    }
    if f.is_infinite() {
        return Err(new_exc(
            "OverflowError",
            "cannot convert float infinity to integer",
        ));
    }
    let t = f.trunc();
    if t.abs() < 9.0e18 {
        return from_i64(t as i64);
    }
    from_big(&float_to_big(t))
}

fn float_to_big(f: f64) -> BigInt {
    let bits = f.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64 - 1075;
    let mant = (bits & ((1 << 52) - 1)) | (1 << 52);
    let m = BigInt::from(mant);
    let v = if exp >= 0 {
        m << exp as usize
    } else {
        m >> (-exp) as usize
    };
    if f < 0.0 { -v } else { v }
}

/// Converts to `f64`, raising `OverflowError` when too large.
pub fn to_f64(a: Obj<'_>) -> Result<f64, Exc> {
    match to_i64(a) {
        Some(v) => Ok(v as f64),
        None => {
            let f = to_big(a).to_f64().unwrap_or(f64::INFINITY);
            if f.is_infinite() {
                Err(new_exc(
                    "OverflowError",
                    "int too large to convert to float",
                ))
            } else {
                Ok(f)
            }
        }
    }
}

/// Parses an int literal as `int(s, base)` does, with the block CPython allocates for
/// it: `long_from_binary_base` sizes it for the bits of every digit given,
/// `PyLong_FromString` otherwise for `digits * log(base) / log(2**30) + 1` digits.
pub fn parse(s: &str, base: u32) -> Option<(BigInt, IntAlloc)> {
    let t = s.trim();
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let mut base = base;
    let mut t = t;
    let lower = t.to_ascii_lowercase();
    for (p, b) in [("0x", 16), ("0o", 8), ("0b", 2)] {
        if (base == 0 || base == b) && lower.starts_with(p) {
            base = b;
            t = &t[2..];
            if t.starts_with('_') {
                t = &t[1..];
            }
            break;
        }
    }
    if base == 0 {
        if t.len() > 1 && t.starts_with('0') && t.chars().any(|c| c != '0' && c != '_') {
            return None;
        }
        base = 10;
    }
    if t.is_empty() || t.starts_with('_') || t.ends_with('_') || t.contains("__") {
        return None;
    }
    let digits: String = t.chars().filter(|&c| c != '_').collect();
    let v = BigInt::parse_bytes(digits.as_bytes(), base)?;
    let n = digits.len();
    let size = if base.is_power_of_two() {
        (n * base.trailing_zeros() as usize).div_ceil(SHIFT as usize)
    } else {
        (n as f64 * (base as f64).ln() / ((1u64 << SHIFT) as f64).ln() + 1.0) as usize
    };
    Some((if neg { -v } else { v }, IntAlloc::AtLeast(size)))
}

thread_local! {
    /// `sys.get_int_max_str_digits()`: 0 means unlimited.
    static MAX_STR_DIGITS: std::cell::Cell<usize> = const { std::cell::Cell::new(4300) };
}

/// The current int/str conversion digit limit (0 = unlimited).
pub fn max_str_digits() -> usize {
    MAX_STR_DIGITS.with(|c| c.get())
}

/// Sets the int/str conversion digit limit (0 = unlimited).
pub fn set_max_str_digits(n: usize) {
    MAX_STR_DIGITS.with(|c| c.set(n));
}

/// Errors if a decimal rendering (`s`, possibly signed) exceeds the digit limit.
pub fn check_str_digits_out(s: &str) -> Result<(), Exc> {
    let limit = max_str_digits();
    let n = s.len() - usize::from(s.starts_with('-'));
    if limit > 0 && n > limit {
        return Err(new_exc(
            "ValueError",
            &format!(
                "Exceeds the limit ({limit} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit"
            ),
        ));
    }
    Ok(())
}

/// Errors if a string of `n` digits in a non-power-of-two base is over the limit.
pub fn check_str_digits_in(n: usize) -> Result<(), Exc> {
    let limit = max_str_digits();
    if limit > 0 && n > limit {
        return Err(new_exc(
            "ValueError",
            &format!(
                "Exceeds the limit ({limit} digits) for integer string conversion: value has {n} digits; use sys.set_int_max_str_digits() to increase the limit"
            ),
        ));
    }
    Ok(())
}

/// `repr(int)` subject to the digit limit.
pub fn repr_checked(a: Obj<'_>) -> Result<String, Exc> {
    let s = repr(a);
    if s.len() > 640 {
        check_str_digits_out(&s)?;
    }
    Ok(s)
}
