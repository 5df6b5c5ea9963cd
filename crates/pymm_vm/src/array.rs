//! `array.array`: compact arrays of machine numbers (CPython's `Modules/arraymodule.c`).
//! The items live unboxed in one buffer in pymm's heap, grown with CPython's
//! `array_resize` policy, so `sys.getsizeof` reports what CPython reports: the 64-byte
//! `arrayobject`, the GC head, and the allocated item bytes.

use pymm_compiler::{BinaryOperator as B, ComparisonOperator as C};
use pymm_mem::{Obj, ObjRef};

use crate::builtins::to_index;
use crate::call::{Kw, check_args};
use crate::exc::{R, memory_error, new_exc, type_error, value_error};
use crate::object::*;
use crate::state::none;
use crate::typeobj::obj_type_name;

/// The supported type codes and their item sizes.
const CODES: &[(char, usize)] = &[
    ('b', 1),
    ('B', 1),
    ('u', 4),
    ('h', 2),
    ('H', 2),
    ('i', 4),
    ('I', 4),
    ('l', 8),
    ('L', 8),
    ('q', 8),
    ('Q', 8),
    ('f', 4),
    ('d', 8),
];

fn itemsize(code: char) -> usize {
    CODES.iter().find(|c| c.0 == code).map_or(1, |c| c.1)
}

fn body(o: Obj<'_>) -> &ArrayBody {
    o.downcast::<ArrayBody>().expect("array")
}

/// A Python-level value of one item.
#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
enum Item {
    Int(i128),
    Float(f64),
    Char(char),
}

fn decode(code: char, b: &[u8]) -> Item {
    let mut w = [0u8; 8];
    w[..b.len()].copy_from_slice(b);
    let u = u64::from_le_bytes(w);
    match code {
        'b' => Item::Int(b[0] as i8 as i128),
        'h' => Item::Int(u as u16 as i16 as i128),
        'i' => Item::Int(u as u32 as i32 as i128),
        'l' | 'q' => Item::Int(u as i64 as i128),
        'B' | 'H' | 'I' | 'L' | 'Q' => Item::Int(u as i128),
        'f' => Item::Float(f32::from_bits(u as u32) as f64),
        'd' => Item::Float(f64::from_bits(u)),
        _ => Item::Char(char::from_u32(u as u32).unwrap_or('\u{fffd}')),
    }
}

fn range_of(code: char) -> (i128, i128, &'static str) {
    match code {
        'b' => (i8::MIN as i128, i8::MAX as i128, "signed char"),
        'B' => (0, u8::MAX as i128, "unsigned byte integer"),
        'h' => (i16::MIN as i128, i16::MAX as i128, "signed short integer"),
        'H' => (0, u16::MAX as i128, "unsigned short"),
        'i' => (i32::MIN as i128, i32::MAX as i128, "signed integer"),
        'I' => (0, u32::MAX as i128, "unsigned int"),
        'L' => (0, u64::MAX as i128, "unsigned long"),
        'Q' => (0, u64::MAX as i128, "unsigned long long"),
        'q' => (i64::MIN as i128, i64::MAX as i128, "signed long long"),
        _ => (i64::MIN as i128, i64::MAX as i128, "signed long"),
    }
}

/// Converts a Python value to the bytes of one item, with CPython's errors.
fn encode(code: char, v: &ObjRef) -> R<Vec<u8>> {
    let size = itemsize(code);
    match code {
        'f' | 'd' => {
            let x = crate::builtins::to_f64(v).map_err(|_| {
                type_error(format!("must be real number, not {}", obj_type_name(v)))
            })?;
            Ok(if code == 'f' {
                (x as f32).to_le_bytes().to_vec()
            } else {
                x.to_le_bytes().to_vec()
            })
        }
        'u' => {
            if kind(v.as_obj()) != Kind::Str || crate::str::char_len(v.as_obj()) != 1 {
                return Err(type_error(format!(
                    "array item must be unicode character, not {}",
                    obj_type_name(v)
                )));
            }
            let c = crate::str::as_str(v.as_obj())
                .chars()
                .next()
                .unwrap_or('\0');
            Ok((c as u32).to_le_bytes().to_vec())
        }
        _ => {
            if !crate::int::is_int(v.as_obj()) {
                return Err(type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    obj_type_name(v)
                )));
            }
            let big = crate::int::to_big(v.as_obj());
            let (lo, hi, what) = range_of(code);
            let n = num_traits::ToPrimitive::to_i128(&big);
            match n {
                Some(n) if n < lo => Err(new_exc(
                    "OverflowError",
                    &format!("{what} is less than minimum"),
                )),
                Some(n) if n > hi => Err(new_exc(
                    "OverflowError",
                    &format!("{what} is greater than maximum"),
                )),
                Some(n) => Ok((n as u128).to_le_bytes()[..size].to_vec()),
                None => Err(new_exc(
                    "OverflowError",
                    "Python int too large to convert to C long",
                )),
            }
        }
    }
}

fn to_py(i: Item) -> R {
    match i {
        Item::Int(n) => crate::int::from_i128(n),
        Item::Float(f) => crate::ops::new_float(f),
        Item::Char(c) => crate::str::new_str(&c.to_string()),
    }
}

fn items(o: Obj<'_>) -> Vec<Item> {
    let b = body(o);
    let size = itemsize(b.typecode);
    b.data
        .to_vec()
        .chunks(size)
        .map(|c| decode(b.typecode, c))
        .collect()
}

/// Replaces the item bytes; the allocation follows `array_resize`: unchanged while it
/// fits and is at least half used, otherwise `(n >> 4) + (len < 8 ? 3 : 7) + n` items.
fn set_bytes(o: Obj<'_>, new: &[u8]) -> R<()> {
    let b = body(o);
    let size = itemsize(b.typecode);
    let newsize = new.len() / size;
    let cur_len = b.data.len() / size;
    let allocated = b.data.capacity() / size;
    let alloc = if allocated >= newsize && newsize >= allocated >> 1 {
        allocated
    } else if newsize == 0 {
        0
    } else {
        (newsize >> 4) + if cur_len < 8 { 3 } else { 7 } + newsize
    };
    drop(b.data.truncate(0));
    b.data
        .set_capacity((alloc * size).max(new.len()))
        .map_err(|_| memory_error())?;
    for &x in new {
        b.data.push(x).map_err(|_| memory_error())?;
    }
    Ok(())
}

fn new_array(code: char, bytes: &[u8], exact: bool) -> R {
    let o = ObjRef::new(
        &ARRAY_T,
        ArrayBody {
            typecode: code,
            data: Default::default(),
            weaklist: Default::default(),
        },
    )
    .map_err(|_| memory_error())?;
    if exact {
        let b = body(o.as_obj());
        b.data
            .set_capacity(bytes.len())
            .map_err(|_| memory_error())?;
        for &x in bytes {
            b.data.push(x).map_err(|_| memory_error())?;
        }
    } else {
        append_bytes(o.as_obj(), bytes)?;
    }
    o.track();
    Ok(o)
}

/// Appends items one at a time, as `array_iter_extend` does (so growth matches).
fn append_bytes(o: Obj<'_>, bytes: &[u8]) -> R<()> {
    let size = itemsize(body(o).typecode);
    for chunk in bytes.chunks(size) {
        let mut d = body(o).data.to_vec();
        d.extend_from_slice(chunk);
        set_bytes(o, &d)?;
    }
    Ok(())
}

/// `array.array(typecode[, initializer])`.
pub fn ctor(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    if !kw.is_empty() {
        return Err(type_error("array.array() takes no keyword arguments"));
    }
    check_args("array", args, 1, 2)?;
    let tc = &args[0];
    let code = match (
        kind(tc.as_obj()),
        crate::str::as_str(tc.as_obj())
            .chars()
            .collect::<Vec<_>>()
            .as_slice(),
    ) {
        (Kind::Str, [c]) => *c,
        _ => {
            return Err(type_error(format!(
                "array() argument 1 must be a unicode character, not {}",
                obj_type_name(tc)
            )));
        }
    };
    if !CODES.iter().any(|c| c.0 == code) {
        return Err(value_error(
            "bad typecode (must be b, B, u, h, H, i, I, l, L, q, Q, f or d)",
        ));
    }
    let Some(init) = args.get(1) else {
        return new_array(code, &[], true);
    };
    match kind(init.as_obj()) {
        Kind::Bytes | Kind::ByteArray => {
            let b = crate::bytearray::bytes_like(init).unwrap_or_default();
            if !b.len().is_multiple_of(itemsize(code)) {
                return Err(value_error("bytes length not a multiple of item size"));
            }
            new_array(code, &b, true)
        }
        Kind::Str if code != 'u' => Err(type_error(format!(
            "cannot use a str to initialize an array with typecode '{code}'"
        ))),
        _ => {
            let is_seq = matches!(kind(init.as_obj()), Kind::List | Kind::Tuple | Kind::Str);
            let mut bytes = Vec::new();
            let vals = if kind(init.as_obj()) == Kind::Str {
                crate::str::as_str(init.as_obj())
                    .chars()
                    .map(|c| crate::str::new_str(&c.to_string()))
                    .collect::<R<Vec<_>>>()?
            } else {
                crate::iter::collect(init)?
            };
            for v in &vals {
                bytes.extend(encode(code, v)?);
            }
            // Lists and tuples are copied at their exact size; other iterables grow item by item.
            new_array(code, &bytes, is_seq)
        }
    }
}

/// `repr(array)`.
pub fn repr(o: &ObjRef) -> R<String> {
    let b = body(o.as_obj());
    let its = items(o.as_obj());
    if its.is_empty() {
        return Ok(format!("array('{}')", b.typecode));
    }
    if b.typecode == 'u' {
        let s: String = its
            .iter()
            .map(|i| if let Item::Char(c) = i { *c } else { '?' })
            .collect();
        return Ok(format!("array('u', {})", crate::str::repr(&s)));
    }
    let parts: Vec<String> = its
        .into_iter()
        .map(|i| to_py(i).and_then(|v| crate::ops::repr_of(&v)))
        .collect::<R<_>>()?;
    Ok(format!("array('{}', [{}])", b.typecode, parts.join(", ")))
}

/// `sys.getsizeof` body part: the struct plus the allocated items.
pub fn sizeof(o: Obj<'_>) -> usize {
    64 + body(o).data.capacity()
}

/// `len(array)`.
pub fn len(o: Obj<'_>) -> usize {
    let b = body(o);
    b.data.len() / itemsize(b.typecode)
}

/// `a[k]`.
pub fn getitem(o: &ObjRef, k: &ObjRef) -> R {
    let b = body(o.as_obj());
    let its = items(o.as_obj());
    if kind(k.as_obj()) == Kind::Slice {
        let (start, _stop, step, n) = crate::builtins::slice_of(k, its.len())?;
        let size = itemsize(b.typecode);
        let d = b.data.to_vec();
        let mut out = Vec::with_capacity(n * size);
        for i in 0..n {
            let at = (start + step * i as i64) as usize * size;
            out.extend_from_slice(&d[at..at + size]);
        }
        return new_array(b.typecode, &out, true);
    }
    let i = to_index(k)?;
    let idx = crate::seq::norm_index(i, its.len())
        .ok_or_else(|| new_exc("IndexError", "array index out of range"))?;
    to_py(its[idx])
}

/// `a[k] = v` and `del a[k]`.
pub fn setitem(o: &ObjRef, k: &ObjRef, v: Option<ObjRef>) -> R<()> {
    let b = body(o.as_obj());
    let size = itemsize(b.typecode);
    let mut d = b.data.to_vec();
    let n = d.len() / size;
    if kind(k.as_obj()) == Kind::Slice {
        let (start, stop, step, m) = crate::builtins::slice_of(k, n)?;
        let new = match &v {
            Some(v)
                if kind(v.as_obj()) == Kind::Array && body(v.as_obj()).typecode == b.typecode =>
            {
                body(v.as_obj()).data.to_vec()
            }
            Some(_) => {
                return Err(type_error(
                    "can only assign array (not \"list\") to array slice",
                ));
            }
            None => Vec::new(),
        };
        if step == 1 {
            let (a, e) = (start as usize * size, stop.max(start) as usize * size);
            d.splice(a..e.min(d.len()), new);
        } else if v.is_none() {
            let idx: Vec<usize> = (0..m).map(|i| (start + step * i as i64) as usize).collect();
            d = d
                .chunks(size)
                .enumerate()
                .filter(|(i, _)| !idx.contains(i))
                .flat_map(|(_, c)| c.to_vec())
                .collect();
        } else {
            return Err(value_error(
                "extended slice assignment is not supported by pymm's array yet",
            ));
        }
        return set_bytes(o.as_obj(), &d);
    }
    let i = to_index(k)?;
    let idx = crate::seq::norm_index(i, n)
        .ok_or_else(|| new_exc("IndexError", "array assignment index out of range"))?;
    match v {
        Some(v) => {
            let e = encode(b.typecode, &v)?;
            d[idx * size..(idx + 1) * size].copy_from_slice(&e);
        }
        None => {
            d.drain(idx * size..(idx + 1) * size);
        }
    }
    set_bytes(o.as_obj(), &d)
}

/// `a + b`, `a * n`.
pub fn binop(op: B, a: &ObjRef, b: &ObjRef) -> R<Option<ObjRef>> {
    match op {
        B::Add | B::InplaceAdd
            if kind(a.as_obj()) == Kind::Array && kind(b.as_obj()) == Kind::Array =>
        {
            let (x, y) = (body(a.as_obj()), body(b.as_obj()));
            if x.typecode != y.typecode {
                return Err(type_error("bad argument type for built-in operation"));
            }
            let mut d = x.data.to_vec();
            d.extend(y.data.to_vec());
            if op == B::InplaceAdd {
                set_bytes(a.as_obj(), &d)?;
                return Ok(Some(a.clone()));
            }
            new_array(x.typecode, &d, true).map(Some)
        }
        B::Multiply | B::InplaceMultiply => {
            let (arr, n) = if kind(a.as_obj()) == Kind::Array {
                (a, b)
            } else {
                (b, a)
            };
            if !crate::int::is_int(n.as_obj()) {
                return Ok(None);
            }
            let x = body(arr.as_obj());
            let d = crate::builtins::try_repeat(
                &x.data.to_vec(),
                crate::builtins::repeat_count(n.as_obj())?,
            )?;
            if op == B::InplaceMultiply {
                set_bytes(arr.as_obj(), &d)?;
                return Ok(Some(arr.clone()));
            }
            new_array(x.typecode, &d, true).map(Some)
        }
        _ => Ok(None),
    }
}

/// Comparisons between arrays (item by item, as sequences).
pub fn compare(a: &ObjRef, b: &ObjRef, op: C) -> Option<bool> {
    if kind(a.as_obj()) != Kind::Array || kind(b.as_obj()) != Kind::Array {
        return None;
    }
    let (x, y) = (items(a.as_obj()), items(b.as_obj()));
    let ord = x.partial_cmp(&y)?;
    Some(match op {
        C::Equal => x == y,
        C::NotEqual => x != y,
        C::Less => ord.is_lt(),
        C::LessEqual => ord.is_le(),
        C::Greater => ord.is_gt(),
        C::GreaterEqual => ord.is_ge(),
    })
}

/// `x in a`.
pub fn contains(o: &ObjRef, x: &ObjRef) -> R<bool> {
    for i in items(o.as_obj()) {
        if crate::ops::eq_bool(&to_py(i)?, x)? {
            return Ok(true);
        }
    }
    Ok(false)
}

fn this(args: &[ObjRef], name: &str) -> R<ObjRef> {
    match args.first() {
        Some(o) if kind(o.as_obj()) == Kind::Array => Ok(o.clone()),
        _ => Err(type_error(format!(
            "descriptor '{name}' requires an 'array.array' object"
        ))),
    }
}

fn m_append(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "append")?;
    check_args("append", &args[1..], 1, 1)?;
    let e = encode(body(o.as_obj()).typecode, &args[1])?;
    append_bytes(o.as_obj(), &e)?;
    Ok(none())
}

fn m_extend(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "extend")?;
    check_args("extend", &args[1..], 1, 1)?;
    let code = body(o.as_obj()).typecode;
    let src = &args[1];
    if kind(src.as_obj()) == Kind::Array {
        if body(src.as_obj()).typecode != code {
            return Err(type_error("can only extend with array of same kind"));
        }
        let mut d = body(o.as_obj()).data.to_vec();
        d.extend(body(src.as_obj()).data.to_vec());
        set_bytes(o.as_obj(), &d)?;
        return Ok(none());
    }
    for v in crate::iter::collect(src)? {
        let e = encode(code, &v)?;
        append_bytes(o.as_obj(), &e)?;
    }
    Ok(none())
}

fn m_pop(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "pop")?;
    check_args("pop", &args[1..], 0, 1)?;
    let n = len(o.as_obj());
    if n == 0 {
        return Err(new_exc("IndexError", "pop from empty array"));
    }
    let i = match args.get(1) {
        Some(i) => to_index(i)?,
        None => -1,
    };
    let idx = crate::seq::norm_index(i, n)
        .ok_or_else(|| new_exc("IndexError", "pop index out of range"))?;
    let v = to_py(items(o.as_obj())[idx])?;
    setitem(&o, &crate::int::from_i64(idx as i64)?, None)?;
    Ok(v)
}

fn m_insert(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "insert")?;
    check_args("insert", &args[1..], 2, 2)?;
    let b = body(o.as_obj());
    let size = itemsize(b.typecode);
    let n = len(o.as_obj()) as i64;
    let mut i = to_index(&args[1])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    let at = i.min(n) as usize * size;
    let e = encode(b.typecode, &args[2])?;
    let mut d = b.data.to_vec();
    d.splice(at..at, e);
    set_bytes(o.as_obj(), &d)?;
    Ok(none())
}

fn find(o: &ObjRef, x: &ObjRef) -> R<Option<usize>> {
    for (i, it) in items(o.as_obj()).into_iter().enumerate() {
        if crate::ops::eq_bool(&to_py(it)?, x)? {
            return Ok(Some(i));
        }
    }
    Ok(None)
}

fn m_remove(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "remove")?;
    check_args("remove", &args[1..], 1, 1)?;
    match find(&o, &args[1])? {
        Some(i) => {
            setitem(&o, &crate::int::from_i64(i as i64)?, None)?;
            Ok(none())
        }
        None => Err(value_error("array.remove(x): x not in array")),
    }
}

fn m_index(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "index")?;
    check_args("index", &args[1..], 1, 1)?;
    match find(&o, &args[1])? {
        Some(i) => crate::int::from_i64(i as i64),
        None => Err(value_error("array.index(x): x not in array")),
    }
}

fn m_count(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "count")?;
    check_args("count", &args[1..], 1, 1)?;
    let mut n = 0;
    for it in items(o.as_obj()) {
        if crate::ops::eq_bool(&to_py(it)?, &args[1])? {
            n += 1;
        }
    }
    crate::int::from_i64(n)
}

fn m_tolist(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "tolist")?;
    crate::seq::new_list(items(o.as_obj()).into_iter().map(to_py).collect::<R<_>>()?)
}

fn m_tobytes(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "tobytes")?;
    crate::builtins::new_bytes(&body(o.as_obj()).data.to_vec())
}

fn m_frombytes(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "frombytes")?;
    check_args("frombytes", &args[1..], 1, 1)?;
    let b = crate::bytearray::bytes_like(&args[1])
        .ok_or_else(|| type_error("a bytes-like object is required"))?;
    if !b.len().is_multiple_of(itemsize(body(o.as_obj()).typecode)) {
        return Err(value_error("bytes length not a multiple of item size"));
    }
    let mut d = body(o.as_obj()).data.to_vec();
    d.extend(b);
    set_bytes(o.as_obj(), &d)?;
    Ok(none())
}

fn m_fromlist(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "fromlist")?;
    check_args("fromlist", &args[1..], 1, 1)?;
    if kind(args[1].as_obj()) != Kind::List {
        return Err(type_error("arg must be list"));
    }
    let code = body(o.as_obj()).typecode;
    let mut d = body(o.as_obj()).data.to_vec();
    for v in crate::seq::list_items(args[1].as_obj()) {
        d.extend(encode(code, &v)?);
    }
    set_bytes(o.as_obj(), &d)?;
    Ok(none())
}

fn m_reverse(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "reverse")?;
    let b = body(o.as_obj());
    let size = itemsize(b.typecode);
    let d: Vec<u8> = b
        .data
        .to_vec()
        .chunks(size)
        .rev()
        .flatten()
        .copied()
        .collect();
    set_bytes(o.as_obj(), &d)?;
    Ok(none())
}

fn m_buffer_info(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "buffer_info")?;
    crate::seq::new_tuple(vec![
        crate::int::from_i64(o.as_obj().addr() as i64)?,
        crate::int::from_i64(len(o.as_obj()) as i64)?,
    ])
}

/// Attributes of arrays that are not methods.
pub fn attr(o: &ObjRef, name: &str) -> R<Option<ObjRef>> {
    let b = body(o.as_obj());
    Ok(match name {
        "typecode" => Some(crate::str::new_str(&b.typecode.to_string())?),
        "itemsize" => Some(crate::int::from_i64(itemsize(b.typecode) as i64)?),
        _ => None,
    })
}

/// The `array` module.
pub fn module_setup(d: &ObjRef) {
    let t = crate::state::builtin_type(Kind::Array);
    let td = &crate::typeobj::tb(t.as_obj()).dict;
    let methods: &[(&'static str, NativeFn)] = &[
        ("append", m_append),
        ("extend", m_extend),
        ("pop", m_pop),
        ("insert", m_insert),
        ("remove", m_remove),
        ("index", m_index),
        ("count", m_count),
        ("tolist", m_tolist),
        ("tobytes", m_tobytes),
        ("frombytes", m_frombytes),
        ("fromlist", m_fromlist),
        ("reverse", m_reverse),
        ("buffer_info", m_buffer_info),
    ];
    for &(n, f) in methods {
        crate::dict::set_str(td, n, crate::call::new_builtin(n, f, "array.array"));
    }
    crate::dict::set_str(td, "__hash__", none());
    crate::dict::set_str(d, "array", t.clone());
    crate::dict::set_str(d, "ArrayType", t);
    if let Ok(s) = crate::str::new_str("bBuhHiIlLqQfd") {
        crate::dict::set_str(d, "typecodes", s);
    }
}
