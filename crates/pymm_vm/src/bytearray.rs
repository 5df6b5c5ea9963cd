//! `bytearray`: a mutable byte buffer in pymm's heap with CPython 3.11's allocation policy
//! (`PyByteArray_Resize`), so `sys.getsizeof` grows exactly as CPython's does
//! (56 + allocated bytes, the allocation including the trailing NUL).

use pymm_compiler::{BinaryOperator as B, ComparisonOperator as C};
use pymm_mem::{Obj, ObjRef};

use crate::builtins::to_index;
use crate::call::{Kw, check_args};
use crate::exc::{R, memory_error, new_exc, type_error, value_error};
use crate::object::*;
use crate::state::none;
use crate::typeobj::obj_type_name;

fn body(o: Obj<'_>) -> &ByteArrayBody {
    o.downcast::<ByteArrayBody>().expect("bytearray")
}

/// Byte `i` of the current contents.
pub fn byte_at(o: Obj<'_>, i: usize) -> Option<u8> {
    o.downcast::<ByteArrayBody>()?.data.get(i)
}

/// The current contents.
pub fn data(o: Obj<'_>) -> Vec<u8> {
    body(o).data.to_vec()
}

/// The allocation for a new size, as `PyByteArray_Resize` decides it.
fn new_alloc(size: usize, cur: usize, alloc: usize) -> usize {
    if size == cur {
        alloc
    } else if size < alloc {
        if size < alloc / 2 { size + 1 } else { alloc }
    } else if (size as f64) <= alloc as f64 * 1.125 {
        size + (size >> 3) + if size < 9 { 3 } else { 6 }
    } else {
        size + 1
    }
}

/// Replaces the contents, resizing the buffer as CPython would.
pub fn set_data(o: Obj<'_>, new: &[u8]) -> R<()> {
    let b = body(o);
    let alloc = new_alloc(new.len(), b.data.len(), b.data.capacity());
    drop(b.data.truncate(0));
    b.data
        .set_capacity(alloc.max(new.len()))
        .map_err(|_| memory_error())?;
    for &x in new {
        b.data.push(x).map_err(|_| memory_error())?;
    }
    Ok(())
}

/// A new bytearray holding `bytes` (allocation `len + 1`, or none when empty).
pub fn new_bytearray(bytes: &[u8]) -> R {
    let o = ObjRef::new(&BYTEARRAY_T, ByteArrayBody::default()).map_err(|_| memory_error())?;
    let b = body(o.as_obj());
    if !bytes.is_empty() {
        b.data
            .set_capacity(bytes.len() + 1)
            .map_err(|_| memory_error())?;
        for &x in bytes {
            b.data.push(x).map_err(|_| memory_error())?;
        }
    }
    Ok(o)
}

/// `sys.getsizeof` body part: the struct plus the buffer.
pub fn sizeof(o: Obj<'_>) -> usize {
    56 + body(o).data.capacity()
}

/// Bytes of a bytes-like object (bytes or bytearray).
pub fn bytes_like(o: &ObjRef) -> Option<Vec<u8>> {
    match kind(o.as_obj()) {
        Kind::Bytes => Some(crate::builtins::bytes_data(o.as_obj()).to_vec()),
        Kind::ByteArray => Some(data(o.as_obj())),
        Kind::MemoryView => Some(crate::memoryview::data(o)),
        _ => None,
    }
}

fn byte_value(v: &ObjRef) -> R<u8> {
    if !crate::int::is_int(v.as_obj()) && crate::typeobj::lookup_special(v, "__index__").is_none() {
        return Err(type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            obj_type_name(v)
        )));
    }
    let n = to_index(v)?;
    if !(0..256).contains(&n) {
        return Err(value_error("byte must be in range(0, 256)"));
    }
    Ok(n as u8)
}

/// Bytes from the argument of `bytearray(x)`, `extend(x)` and slice assignment.
fn bytes_from(x: &ObjRef) -> R<Vec<u8>> {
    if let Some(b) = bytes_like(x) {
        return Ok(b);
    }
    if kind(x.as_obj()) == Kind::Str {
        return Err(type_error("cannot extend bytearray with str"));
    }
    crate::iter::collect(x)?.iter().map(byte_value).collect()
}

/// `bytearray(...)`.
pub fn ctor(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let src = crate::builtins::arg(args, kw, 0, "source");
    let Some(x) = src else {
        return new_bytearray(&[]);
    };
    match kind(x.as_obj()) {
        Kind::Str => {
            let enc = crate::builtins::arg(args, kw, 1, "encoding")
                .ok_or_else(|| type_error("string argument without an encoding"))?;
            let b = crate::methods::str_encode_public(&x, &enc)?;
            new_bytearray(crate::builtins::bytes_data(b.as_obj()))
        }
        Kind::Int | Kind::Bool => {
            let n = to_index(&x)?;
            if n < 0 {
                return Err(value_error("negative count"));
            }
            new_bytearray(&crate::builtins::try_repeat(&[0u8], n as usize)?)
        }
        _ => new_bytearray(&bytes_from(&x)?),
    }
}

/// `repr(bytearray)`.
pub fn repr(o: &ObjRef) -> String {
    format!(
        "bytearray({})",
        crate::builtins::bytes_repr(&data(o.as_obj()))
    )
}

/// `ba[k]`.
pub fn getitem(o: &ObjRef, k: &ObjRef) -> R {
    let d = data(o.as_obj());
    if kind(k.as_obj()) == Kind::Slice {
        let (start, _stop, step, n) = crate::builtins::slice_of(k, d.len())?;
        let picked: Vec<u8> = (0..n)
            .map(|i| d[(start + step * i as i64) as usize])
            .collect();
        return new_bytearray(&picked);
    }
    let i = to_index(k)?;
    let idx = crate::seq::norm_index(i, d.len())
        .ok_or_else(|| new_exc("IndexError", "bytearray index out of range"))?;
    crate::int::from_i64(d[idx] as i64)
}

/// `ba[k] = v` and `del ba[k]`.
pub fn setitem(o: &ObjRef, k: &ObjRef, v: Option<ObjRef>) -> R<()> {
    let mut d = data(o.as_obj());
    if kind(k.as_obj()) == Kind::Slice {
        let (start, stop, step, n) = crate::builtins::slice_of(k, d.len())?;
        let new = match &v {
            Some(v) => bytes_from(v)?,
            None => Vec::new(),
        };
        if step == 1 {
            let (a, b) = (start as usize, (stop.max(start)) as usize);
            d.splice(a..b.min(d.len()), new);
        } else {
            let idx: Vec<usize> = (0..n).map(|i| (start + step * i as i64) as usize).collect();
            match v {
                None => {
                    let mut keep = Vec::with_capacity(d.len());
                    for (i, x) in d.iter().enumerate() {
                        if !idx.contains(&i) {
                            keep.push(*x);
                        }
                    }
                    d = keep;
                }
                Some(_) => {
                    if new.len() != n {
                        return Err(value_error(format!(
                            "attempt to assign bytes of size {} to extended slice of size {n}",
                            new.len()
                        )));
                    }
                    for (j, i) in idx.into_iter().enumerate() {
                        d[i] = new[j];
                    }
                }
            }
        }
        return set_data(o.as_obj(), &d);
    }
    let i = to_index(k)?;
    let idx = crate::seq::norm_index(i, d.len())
        .ok_or_else(|| new_exc("IndexError", "bytearray index out of range"))?;
    match v {
        Some(v) => {
            body(o.as_obj())
                .data
                .replace(idx, byte_value(&v)?)
                .map_err(|_| new_exc("IndexError", "bytearray index out of range"))?;
            Ok(())
        }
        None => {
            d.remove(idx);
            set_data(o.as_obj(), &d)
        }
    }
}

/// Binary operators with a bytearray operand.
pub fn binop(op: B, a: &ObjRef, b: &ObjRef) -> R<Option<ObjRef>> {
    let (ka, kb) = (kind(a.as_obj()), kind(b.as_obj()));
    match op {
        B::Add | B::InplaceAdd => {
            let (Some(x), Some(y)) = (bytes_like(a), bytes_like(b)) else {
                return Ok(None);
            };
            let mut r = x;
            r.extend_from_slice(&y);
            if op == B::InplaceAdd && ka == Kind::ByteArray {
                set_data(a.as_obj(), &r)?;
                return Ok(Some(a.clone()));
            }
            if ka == Kind::ByteArray {
                new_bytearray(&r).map(Some)
            } else {
                crate::builtins::new_bytes(&r).map(Some)
            }
        }
        B::Multiply | B::InplaceMultiply => {
            let (ba, n) = if ka == Kind::ByteArray && crate::int::is_int(b.as_obj()) {
                (a, b)
            } else if kb == Kind::ByteArray && crate::int::is_int(a.as_obj()) {
                (b, a)
            } else {
                return Ok(None);
            };
            let n = crate::builtins::repeat_count(n.as_obj())?;
            let r = crate::builtins::try_repeat(&data(ba.as_obj()), n)?;
            if op == B::InplaceMultiply {
                set_data(ba.as_obj(), &r)?;
                return Ok(Some(ba.clone()));
            }
            new_bytearray(&r).map(Some)
        }
        _ => Ok(None),
    }
}

/// Comparisons between bytes-like objects.
pub fn compare(a: &ObjRef, b: &ObjRef, op: C) -> Option<bool> {
    let (x, y) = (bytes_like(a)?, bytes_like(b)?);
    Some(match op {
        C::Equal => x == y,
        C::NotEqual => x != y,
        C::Less => x < y,
        C::LessEqual => x <= y,
        C::Greater => x > y,
        C::GreaterEqual => x >= y,
    })
}

/// `x in bytearray`.
pub fn contains(o: &ObjRef, x: &ObjRef) -> R<bool> {
    let d = data(o.as_obj());
    if let Some(sub) = bytes_like(x) {
        return Ok(sub.is_empty() || d.windows(sub.len()).any(|w| w == sub.as_slice()));
    }
    Ok(d.contains(&byte_value(x)?))
}

fn this(args: &[ObjRef], name: &str) -> R<ObjRef> {
    match args.first() {
        Some(o) if kind(o.as_obj()) == Kind::ByteArray => Ok(o.clone()),
        _ => Err(type_error(format!(
            "descriptor '{name}' requires a 'bytearray' object"
        ))),
    }
}

fn append(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "append")?;
    check_args("append", &args[1..], 1, 1)?;
    let mut d = data(o.as_obj());
    d.push(byte_value(&args[1])?);
    set_data(o.as_obj(), &d)?;
    Ok(none())
}

fn extend(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "extend")?;
    check_args("extend", &args[1..], 1, 1)?;
    let mut d = data(o.as_obj());
    d.extend(bytes_from(&args[1])?);
    set_data(o.as_obj(), &d)?;
    Ok(none())
}

fn pop(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "pop")?;
    check_args("pop", &args[1..], 0, 1)?;
    let mut d = data(o.as_obj());
    if d.is_empty() {
        return Err(new_exc("IndexError", "pop from empty bytearray"));
    }
    let i = match args.get(1) {
        Some(i) => to_index(i)?,
        None => -1,
    };
    let idx = crate::seq::norm_index(i, d.len())
        .ok_or_else(|| new_exc("IndexError", "pop index out of range"))?;
    let v = d.remove(idx);
    set_data(o.as_obj(), &d)?;
    crate::int::from_i64(v as i64)
}

fn insert(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "insert")?;
    check_args("insert", &args[1..], 2, 2)?;
    let mut d = data(o.as_obj());
    let n = d.len() as i64;
    let mut i = to_index(&args[1])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    d.insert(i.min(n) as usize, byte_value(&args[2])?);
    set_data(o.as_obj(), &d)?;
    Ok(none())
}

fn remove(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "remove")?;
    check_args("remove", &args[1..], 1, 1)?;
    let mut d = data(o.as_obj());
    let v = byte_value(&args[1])?;
    let Some(i) = d.iter().position(|&x| x == v) else {
        return Err(value_error("value not found in bytearray"));
    };
    d.remove(i);
    set_data(o.as_obj(), &d)?;
    Ok(none())
}

fn clear(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "clear")?;
    set_data(o.as_obj(), &[])?;
    Ok(none())
}

fn copy(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "copy")?;
    new_bytearray(&data(o.as_obj()))
}

fn reverse(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "reverse")?;
    let mut d = data(o.as_obj());
    d.reverse();
    set_data(o.as_obj(), &d)?;
    Ok(none())
}

/// Runs a `bytes` method on a bytes copy and converts bytes results back to bytearray.
fn via_bytes(args: &[ObjRef], kw: &Kw, name: &str) -> R {
    let o = this(args, name)?;
    let b = crate::builtins::new_bytes(&data(o.as_obj()))?;
    let m = crate::typeobj::getattr(&b, &crate::str::intern(name))?;
    let rest: Vec<ObjRef> = args[1..]
        .iter()
        .map(|a| match bytes_like(a) {
            Some(x) if kind(a.as_obj()) == Kind::ByteArray => crate::builtins::new_bytes(&x),
            _ => Ok(a.clone()),
        })
        .collect::<R<_>>()?;
    let r = crate::call::call_kw(&m, &rest, kw)?;
    to_bytearray_result(r)
}

fn to_bytearray_result(r: ObjRef) -> R {
    match kind(r.as_obj()) {
        Kind::Bytes => new_bytearray(crate::builtins::bytes_data(r.as_obj())),
        Kind::List => crate::seq::new_list(
            crate::seq::list_items(r.as_obj())
                .into_iter()
                .map(to_bytearray_result)
                .collect::<R<_>>()?,
        ),
        Kind::Tuple => crate::seq::new_tuple(
            crate::seq::tuple_items(r.as_obj())
                .iter()
                .cloned()
                .map(to_bytearray_result)
                .collect::<R<_>>()?,
        ),
        _ => Ok(r),
    }
}

macro_rules! via_bytes_methods {
    ($($f:ident => $name:literal;)*) => {
        $(fn $f(args: &[ObjRef], kw: &Kw) -> R { via_bytes(args, kw, $name) })*
        const VIA_BYTES: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

via_bytes_methods! {
    m_decode => "decode";
    m_hex => "hex";
    m_upper => "upper";
    m_lower => "lower";
    m_strip => "strip";
    m_lstrip => "lstrip";
    m_rstrip => "rstrip";
    m_split => "split";
    m_rsplit => "rsplit";
    m_replace => "replace";
    m_startswith => "startswith";
    m_endswith => "endswith";
    m_find => "find";
    m_rfind => "rfind";
    m_index => "index";
    m_count => "count";
    m_join => "join";
    m_isdigit => "isdigit";
    m_isalpha => "isalpha";
    m_isspace => "isspace";
    m_title => "title";
    m_translate => "translate";
    m_capitalize => "capitalize";
    m_partition => "partition";
    m_rpartition => "rpartition";
    m_splitlines => "splitlines";
    m_rindex => "rindex";
    m_islower => "islower";
    m_isupper => "isupper";
    m_isalnum => "isalnum";
    m_isascii => "isascii";
    m_istitle => "istitle";
    m_swapcase => "swapcase";
    m_center => "center";
    m_ljust => "ljust";
    m_rjust => "rjust";
    m_zfill => "zfill";
    m_expandtabs => "expandtabs";
    m_removeprefix => "removeprefix";
    m_removesuffix => "removesuffix";
}

/// The methods of `bytearray`.
pub fn register() {
    let t = crate::state::builtin_type(Kind::ByteArray);
    let d = &crate::typeobj::tb(t.as_obj()).dict;
    let own: &[(&'static str, NativeFn)] = &[
        ("append", append),
        ("extend", extend),
        ("pop", pop),
        ("insert", insert),
        ("remove", remove),
        ("clear", clear),
        ("copy", copy),
        ("reverse", reverse),
    ];
    for &(n, f) in own.iter().chain(VIA_BYTES.iter()) {
        crate::dict::set_str(d, n, crate::call::new_builtin(n, f, "bytearray"));
    }
    crate::dict::set_str(d, "__hash__", none());
}
