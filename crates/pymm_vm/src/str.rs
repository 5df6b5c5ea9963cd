//! `str` with PEP 393 compact storage: ASCII strings are a 48-byte `PyASCIIObject`
//! followed by the bytes and a NUL; others a 72-byte `PyCompactUnicodeObject` followed by
//! latin-1, UCS-2 or UCS-4 code units and a NUL unit — so `sys.getsizeof` matches
//! CPython 3.11 for every string.

use std::borrow::Cow;

use pymm_mem::{Obj, ObjRef};

use crate::exc::{R, memory_error};
use crate::object::*;

pub const KIND_SHIFT: u32 = 2;
const ASCII_BIT: u32 = 1 << 6;
const COMPACT_BIT: u32 = 1 << 5;

/// Allocates a new (not interned) string.
pub fn alloc_str(s: &str) -> R {
    if s.is_ascii() {
        let body = StrBody {
            length: s.len(),
            hash: std::cell::Cell::new(-1),
            state: std::cell::Cell::new((1 << KIND_SHIFT) | COMPACT_BIT | ASCII_BIT),
            nbytes: s.len() + 1,
        };
        return ObjRef::new_var_copied_parts(&STR_T, body, &[s.as_bytes(), &[0]])
            .map_err(|_| memory_error());
    }
    let (body, items) = wide_body(s, COMPACT_BIT);
    ObjRef::new_var(&WSTR_T, body, items).map_err(|_| memory_error())
}

/// The PEP 393 storage of `s` in the general body: the narrowest kind that holds its
/// characters, the code units with a terminating NUL, and the state (`flags`, the kind,
/// and the ASCII bit when `s` is ASCII and `flags` is not compact: compact ASCII
/// strings use [`StrBody`]).
fn wide_body(s: &str, flags: u32) -> (WideStrBody, Vec<u8>) {
    let len = s.chars().count();
    let maxc = s.chars().map(|c| c as u32).max().unwrap_or(0);
    let k: usize = if maxc < 256 {
        1
    } else if maxc < 65536 {
        2
    } else {
        4
    };
    let mut items = Vec::with_capacity((len + 1) * k);
    for c in s.chars().chain(std::iter::once('\0')) {
        items.extend_from_slice(&(c as u32).to_le_bytes()[..k]);
    }
    let ascii = if maxc < 128 && flags & COMPACT_BIT == 0 {
        ASCII_BIT
    } else {
        0
    };
    let body = WideStrBody {
        base: StrBody {
            length: len,
            hash: std::cell::Cell::new(-1),
            state: std::cell::Cell::new(((k as u32) << KIND_SHIFT) | flags | ascii),
            nbytes: items.len(),
        },
        utf8_length: 0,
        utf8: 0,
        wstr_length: 0,
    };
    (body, items)
}

/// An instance of a str subclass (`info`, whose body is a [`WideStrBody`]) holding `s`,
/// tracked, as CPython's non-compact subclass strings are.
pub fn alloc_str_instance(info: &'static pymm_mem::TypeInfo, s: &str) -> R {
    let (body, items) = wide_body(s, 0);
    let o = ObjRef::new_var(info, body, items).map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

/// A new string object, sharing the empty string and one-character latin-1 strings.
pub fn new_str(s: &str) -> R {
    let b = s.as_bytes();
    if b.is_empty() {
        return Ok(crate::state::sg().empty_str.clone());
    }
    if b.len() == 1 {
        return Ok(crate::state::sg().latin1[b[0] as usize].clone());
    }
    if b.len() == 2 && b[0] & 0xe0 == 0xc0 {
        let c = s.chars().next().map_or(0, |c| c as u32);
        if c < 256 {
            return Ok(crate::state::sg().latin1[c as usize].clone());
        }
    }
    alloc_str(s)
}

/// A new string object even for one latin-1 character: what CPython's operations that
/// fill a fresh `PyUnicode_New` buffer return (case mappings, `replace`), unlike
/// [`new_str`], which hands out the cached one-character strings as
/// `_PyUnicode_FromUCS1` does. The empty string is always the singleton.
pub fn new_str_fresh(s: &str) -> R {
    if s.is_empty() {
        return Ok(crate::state::sg().empty_str.clone());
    }
    alloc_str(s)
}

/// The interned string for `s` (identifiers, attribute names).
/// A cached interned name: the static text's address and length, and the string object.
type StaticName = ((usize, usize), Option<ObjRef>);

/// Whether `o` is an interned string (the interned table holds it).
#[inline]
pub fn is_interned(o: Obj<'_>) -> bool {
    str_body(o).is_some_and(|b| b.state.get() & 3 != 0)
}

/// `intern` for names known at compile time: a direct-mapped cache by the address of the
/// static text avoids hashing the name on every special-method lookup.
pub fn intern_static(s: &'static str) -> ObjRef {
    const N: usize = 256;
    thread_local! {
        static CACHE: std::mem::ManuallyDrop<std::cell::RefCell<Vec<StaticName>>> =
            const { std::mem::ManuallyDrop::new(std::cell::RefCell::new(Vec::new())) };
    }
    let key = (s.as_ptr() as usize, s.len());
    let slot = ((key.0 >> 3) ^ key.1).wrapping_mul(0x9E37_79B9) % N;
    CACHE.with(|c| {
        if let Ok(v) = c.try_borrow()
            && let Some((k, Some(o))) = v.get(slot)
            && *k == key
        {
            return o.clone();
        }
        let o = intern(s);
        if let Ok(mut v) = c.try_borrow_mut() {
            if v.is_empty() {
                v.resize_with(N, || ((0, 0), None));
            }
            let old = std::mem::replace(&mut v[slot], (key, Some(o.clone())));
            drop(v);
            drop(old);
        }
        o
    })
}

pub fn intern(s: &str) -> ObjRef {
    if let Some(o) = crate::state::rt().interned.borrow().get(s) {
        return o.clone();
    }
    add_interned(s, new_str(s).expect("out of memory interning a name"))
}

/// `PyUnicode_InternInPlace`: the interned string equal to the exact str `o`; `o`
/// itself becomes it when no equal string is interned yet.
pub fn intern_in_place(o: &ObjRef) -> ObjRef {
    let text = as_str(o.as_obj());
    if let Some(t) = crate::state::rt().interned.borrow().get(text.as_ref()) {
        return t.clone();
    }
    add_interned(&text, o.clone())
}

/// Marks `o`, a new str with the text `s`, interned and enters it in the table.
fn add_interned(s: &str, o: ObjRef) -> ObjRef {
    if let Some(b) = str_body(o.as_obj()) {
        b.state.set(b.state.get() | 1);
    }
    crate::state::rt()
        .interned
        .borrow_mut()
        .insert(s.into(), o.clone());
    o
}

/// The common part of both string bodies.
#[inline]
pub fn str_body(o: Obj<'_>) -> Option<&StrBody> {
    match o.downcast::<StrBody>() {
        Some(b) => Some(b),
        None => o.downcast::<WideStrBody>().map(|w| &w.base),
    }
}

/// Whether `o` is a str (or a subclass).
#[inline]
pub fn is_str(o: Obj<'_>) -> bool {
    kind(o) == Kind::Str
}

/// The string's text. Borrowed for ASCII strings; decoded for the others.
#[inline]
pub fn as_str(o: Obj<'_>) -> Cow<'_, str> {
    if let (Some(b), Some(items)) = (o.downcast::<StrBody>(), o.var_items::<StrBody>()) {
        return Cow::Borrowed(std::str::from_utf8(&items[..b.length]).unwrap_or(""));
    }
    if let (Some(w), Some(items)) = (o.downcast::<WideStrBody>(), o.var_items::<WideStrBody>()) {
        let k = ((w.base.state.get() >> KIND_SHIFT) & 7) as usize;
        let n = w.base.length;
        let mut s = String::with_capacity(n * 2);
        for i in 0..n {
            let mut c = [0u8; 4];
            c[..k].copy_from_slice(&items[i * k..(i + 1) * k]);
            s.push(char::from_u32(u32::from_le_bytes(c)).unwrap_or('\u{fffd}'));
        }
        return Cow::Owned(s);
    }
    Cow::Borrowed("")
}

/// Whether the string equals the ASCII text `s` (a length test first, no decoding).
#[inline]
pub fn is_ascii_text(o: Obj<'_>, s: &str) -> bool {
    match (o.downcast::<StrBody>(), o.var_items::<StrBody>()) {
        (Some(b), Some(items)) => b.length == s.len() && &items[..b.length] == s.as_bytes(),
        _ => is_ascii(o) && as_str(o) == s,
    }
}

/// Code point `i` (PEP 393 storage is indexed directly).
pub fn char_at(o: Obj<'_>, i: usize) -> Option<char> {
    if let (Some(b), Some(items)) = (o.downcast::<StrBody>(), o.var_items::<StrBody>()) {
        return (i < b.length).then(|| items[i] as char);
    }
    let (w, items) = (o.downcast::<WideStrBody>()?, o.var_items::<WideStrBody>()?);
    if i >= w.base.length {
        return None;
    }
    let k = ((w.base.state.get() >> KIND_SHIFT) & 7) as usize;
    let mut c = [0u8; 4];
    c[..k].copy_from_slice(items.get(i * k..(i + 1) * k)?);
    char::from_u32(u32::from_le_bytes(c))
}

/// The `n` code points at `start`, `start + step`, ... as a new string (the caller
/// has clamped the slice to the string).
pub fn substring(o: Obj<'_>, start: i64, step: i64, n: usize) -> R {
    if let (Some(b), Some(items)) = (o.downcast::<StrBody>(), o.var_items::<StrBody>()) {
        let bytes = &items[..b.length];
        if step == 1 {
            let a = start as usize;
            return new_str(std::str::from_utf8(&bytes[a..a + n]).unwrap_or(""));
        }
        let picked: Vec<u8> = (0..n)
            .map(|i| bytes[(start + i as i64 * step) as usize])
            .collect();
        return new_str(std::str::from_utf8(&picked).unwrap_or(""));
    }
    let text: String = (0..n)
        .filter_map(|i| char_at(o, (start + i as i64 * step) as usize))
        .collect();
    new_str(&text)
}

/// The length in code points.
#[inline]
pub fn char_len(o: Obj<'_>) -> usize {
    str_body(o).map_or(0, |b| b.length)
}

/// Whether the string is pure ASCII.
#[inline]
pub fn is_ascii(o: Obj<'_>) -> bool {
    str_body(o).is_some_and(|b| b.state.get() & ASCII_BIT != 0)
}

/// `hash(str)`: cached in the object. (CPython randomises string hashes per process;
/// pymm uses a fixed SipHash-1-3 key, so the values differ but the properties hold.)
pub fn hash(o: Obj<'_>) -> isize {
    let Some(b) = str_body(o) else { return 0 };
    let h = b.hash.get();
    if h != -1 {
        return h;
    }
    let s = as_str(o);
    let mut h = if s.is_empty() { 0 } else { fnv(s.as_bytes()) };
    if h == -1 {
        h = -2;
    }
    b.hash.set(h);
    h
}

fn fnv(b: &[u8]) -> isize {
    let mut h: u64 = 0xcbf29ce484222325;
    for &x in b {
        h ^= x as u64;
        h = h.wrapping_mul(0x100000001b3);
    }
    h ^= h >> 29;
    h = h.wrapping_mul(0xbf58476d1ce4e5b9);
    h ^= h >> 32;
    h as isize
}

/// String equality.
#[inline]
pub fn eq(a: Obj<'_>, b: Obj<'_>) -> bool {
    if a.addr() == b.addr() {
        return true;
    }
    let (Some(x), Some(y)) = (str_body(a), str_body(b)) else {
        return false;
    };
    if x.length != y.length {
        return false;
    }
    let (hx, hy) = (x.hash.get(), y.hash.get());
    if hx != -1 && hy != -1 && hx != hy {
        return false;
    }
    as_str(a) == as_str(b)
}

/// `repr(str)` with CPython's quoting rules.
pub fn repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if (0x80..0xa0).contains(&(c as u32)) || c == '\u{ad}' => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if !is_printable(c) => {
                let v = c as u32;
                if v < 0x100 {
                    out.push_str(&format!("\\x{v:02x}"));
                } else if v < 0x10000 {
                    out.push_str(&format!("\\u{v:04x}"));
                } else {
                    out.push_str(&format!("\\U{v:08x}"));
                }
            }
            c => out.push(c),
        }
    }
    out.push(quote);
    out
}

/// `str.isprintable` for one character: not in a category CPython 3.11's Unicode
/// database (14.0.0) calls unprintable (Cc, Cf, Cs, Co, Cn, Zl, Zp, Zs other than space).
pub fn is_printable(c: char) -> bool {
    let v = c as u32;
    if (0x20..0x7f).contains(&v) {
        return true;
    }
    let table = crate::unicase::NON_PRINTABLE;
    // The last range starting at or before `v`.
    let i = table.partition_point(|&(start, _)| start <= v);
    i == 0 || table[i - 1].1 < v
}

/// `ascii(str)`: `repr` with non-ASCII characters escaped.
pub fn ascii_repr(s: &str) -> String {
    let r = repr(s);
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let v = c as u32;
        if v < 0x80 {
            out.push(c);
        } else if v < 0x100 {
            out.push_str(&format!("\\x{v:02x}"));
        } else if v < 0x10000 {
            out.push_str(&format!("\\u{v:04x}"));
        } else {
            out.push_str(&format!("\\U{v:08x}"));
        }
    }
    out
}

/// `ascii(o)`: `repr(o)` with non-ASCII characters escaped.
pub fn ascii_repr_obj(o: &ObjRef) -> R<String> {
    let r = crate::ops::repr_of(o)?;
    if r.is_ascii() {
        return Ok(r);
    }
    let mut out = String::with_capacity(r.len());
    for c in r.chars() {
        let v = c as u32;
        if v < 0x80 {
            out.push(c);
        } else if v < 0x100 {
            out.push_str(&format!("\\x{v:02x}"));
        } else if v < 0x10000 {
            out.push_str(&format!("\\u{v:04x}"));
        } else {
            out.push_str(&format!("\\U{v:08x}"));
        }
    }
    Ok(out)
}

/// `fmt % args`: printf-style formatting (`%s`, `%r`, `%a`, `%d`, `%i`, `%u`, `%x`, `%X`,
/// `%o`, `%e`, `%E`, `%f`, `%F`, `%g`, `%G`, `%c`, `%%`, with flags, width, precision,
/// `*`, and `%(name)s` with a mapping).
pub fn percent_format(fmt: &ObjRef, args: &ObjRef) -> R {
    let f = as_str(fmt.as_obj()).into_owned();
    new_str(&percent_format_impl(&f, args, false)?)
}

/// `bytes % args` (and bytearray): the format's bytes as latin-1 text through the
/// same machinery, with bytes's rules for %s/%b, %r/%a and %c.
pub fn bytes_percent_format(fmt: &[u8], args: &ObjRef) -> R<Vec<u8>> {
    let f: String = fmt.iter().map(|&b| b as char).collect();
    let out = percent_format_impl(&f, args, true)?;
    Ok(out.chars().map(|c| c as u32 as u8).collect())
}

fn percent_format_impl(f: &str, args: &ObjRef, bytes_mode: bool) -> R<String> {
    use crate::exc::{new_exc, type_error, value_error};
    use crate::object::{Kind, kind};
    let latin1 = |b: &[u8]| -> String { b.iter().map(|&c| c as char).collect() };
    // `PyTuple_Check`: subclass instances (namedtuples) too.
    let is_tuple = kind(args.as_obj()) == Kind::Tuple;
    let items: Vec<ObjRef> = if is_tuple {
        crate::seq::tuple_items(args.as_obj()).to_vec()
    } else {
        vec![args.clone()]
    };
    let is_mapping = !is_tuple
        && kind(args.as_obj()) != Kind::Str
        && !(bytes_mode && matches!(kind(args.as_obj()), Kind::Bytes | Kind::ByteArray))
        && crate::typeobj::lookup_special(args, "__getitem__").is_some()
        || kind(args.as_obj()) == Kind::Dict;
    let mut next = 0usize;
    let mut take = |what: &str| -> R<ObjRef> {
        let _ = what;
        let v = items
            .get(next)
            .cloned()
            .ok_or_else(|| type_error("not enough arguments for format string"))?;
        next += 1;
        Ok(v)
    };
    let chars: Vec<char> = f.chars().collect();
    let mut out = String::new();
    let mut i = 0;
    let mut used_mapping = false;
    while i < chars.len() {
        let c = chars[i];
        if c != '%' {
            out.push(c);
            i += 1;
            continue;
        }
        i += 1;
        let mut key: Option<String> = None;
        if chars.get(i) == Some(&'(') {
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '(' => depth += 1,
                    ')' => depth -= 1,
                    _ => {}
                }
                j += 1;
            }
            if depth > 0 {
                return Err(value_error("incomplete format key"));
            }
            key = Some(chars[i + 1..j - 1].iter().collect());
            i = j;
        }
        let mut flags = String::new();
        while let Some(&ch) = chars.get(i) {
            if "-+ #0".contains(ch) {
                flags.push(ch);
                i += 1;
            } else {
                break;
            }
        }
        let mut width: Option<i64> = None;
        if chars.get(i) == Some(&'*') {
            width = Some(crate::builtins::to_index(&take("width")?)?);
            i += 1;
        } else {
            let st = i;
            while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
                i += 1;
            }
            if i > st {
                width = chars[st..i].iter().collect::<String>().parse().ok();
            }
        }
        if let Some(w) = width {
            crate::builtins::check_alloc(w.unsigned_abs() as usize)?;
        }
        let mut prec: Option<usize> = None;
        if chars.get(i) == Some(&'.') {
            i += 1;
            if chars.get(i) == Some(&'*') {
                prec = Some(crate::builtins::to_index(&take("precision")?)?.max(0) as usize);
                i += 1;
            } else {
                let st = i;
                while chars.get(i).is_some_and(|c| c.is_ascii_digit()) {
                    i += 1;
                }
                prec = Some(chars[st..i].iter().collect::<String>().parse().unwrap_or(0));
            }
        }
        while chars.get(i).is_some_and(|c| "hlL".contains(*c)) {
            i += 1;
        }
        let Some(&conv) = chars.get(i) else {
            return Err(value_error("incomplete format"));
        };
        i += 1;
        if conv == '%' {
            out.push('%');
            continue;
        }
        let v = match &key {
            Some(k) => {
                if !is_mapping {
                    return Err(type_error("format requires a mapping"));
                }
                used_mapping = true;
                let key = if bytes_mode {
                    crate::builtins::new_bytes(
                        &k.chars().map(|c| c as u32 as u8).collect::<Vec<u8>>(),
                    )?
                } else {
                    new_str(k)?
                };
                crate::ops::getitem(args, &key)?
            }
            None => {
                if is_mapping && !is_tuple && kind(args.as_obj()) == Kind::Dict {
                    used_mapping = true;
                    args.clone()
                } else {
                    take("value")?
                }
            }
        };
        let left = flags.contains('-');
        let zero = flags.contains('0') && !left;
        let sign = if flags.contains('+') {
            "+"
        } else if flags.contains(' ') {
            " "
        } else {
            ""
        };
        let alt = flags.contains('#');
        let body = match conv {
            's' | 'b' if bytes_mode => {
                let s = match kind(v.as_obj()) {
                    Kind::Bytes => latin1(crate::builtins::bytes_data(v.as_obj())),
                    Kind::ByteArray => latin1(&crate::bytearray::data(v.as_obj())),
                    _ => match crate::typeobj::lookup_special(&v, "__bytes__") {
                        Some(m) => {
                            let b = crate::call::call(&m, &[v.clone()])?;
                            latin1(crate::builtins::bytes_data(b.as_obj()))
                        }
                        None => {
                            return Err(type_error(format!(
                                "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
                                crate::typeobj::obj_type_name(&v)
                            )));
                        }
                    },
                };
                match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                }
            }
            'c' if bytes_mode => match kind(v.as_obj()) {
                Kind::Bytes if crate::builtins::bytes_data(v.as_obj()).len() == 1 => {
                    latin1(crate::builtins::bytes_data(v.as_obj()))
                }
                _ if crate::int::is_int(v.as_obj()) => {
                    let n = crate::int::to_i64(v.as_obj()).unwrap_or(-1);
                    if !(0..256).contains(&n) {
                        return Err(new_exc("OverflowError", "%c arg not in range(256)"));
                    }
                    (n as u8 as char).to_string()
                }
                _ => {
                    return Err(type_error(
                        "%c requires an integer in range(256) or a single byte",
                    ));
                }
            },
            's' => {
                let s = crate::ops::str_of(&v)?;
                match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                }
            }
            'r' | 'a' => {
                let s = if conv == 'r' && !bytes_mode {
                    crate::ops::repr_of(&v)?
                } else {
                    ascii_repr_obj(&v)?
                };
                match prec {
                    Some(p) => s.chars().take(p).collect(),
                    None => s,
                }
            }
            'c' => {
                if kind(v.as_obj()) == Kind::Str {
                    if char_len(v.as_obj()) != 1 {
                        return Err(type_error("%c requires int or char"));
                    }
                    as_str(v.as_obj()).into_owned()
                } else {
                    let n = crate::builtins::to_index(&v)?;
                    char::from_u32(n as u32)
                        .ok_or_else(|| new_exc("OverflowError", "%c arg not in range(0x110000)"))?
                        .to_string()
                }
            }
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' => {
                let n = if crate::int::is_int(v.as_obj()) {
                    v.clone()
                } else if kind(v.as_obj()) == Kind::Float && matches!(conv, 'd' | 'i' | 'u') {
                    crate::int::from_f64(crate::ops::float_val(&v).unwrap_or(0.0).trunc())?
                } else if let Some(f) = crate::typeobj::lookup_special(
                    &v,
                    if matches!(conv, 'd' | 'i' | 'u') {
                        "__int__"
                    } else {
                        "__index__"
                    },
                ) {
                    crate::call::call(&f, &[v.clone()])?
                } else {
                    let what = if matches!(conv, 'd' | 'i' | 'u') {
                        "a real number"
                    } else {
                        "an integer"
                    };
                    return Err(type_error(format!(
                        "%{conv} format: {what} is required, not {}",
                        crate::typeobj::obj_type_name(&v)
                    )));
                };
                let (neg, mut digits) = match crate::int::to_i64(n.as_obj()) {
                    // Most operands fit a machine word: no big-integer conversion.
                    Some(x) => {
                        let m = x.unsigned_abs();
                        let d = match conv {
                            'x' => format!("{m:x}"),
                            'X' => format!("{m:X}"),
                            'o' => format!("{m:o}"),
                            _ => m.to_string(),
                        };
                        (x < 0, d)
                    }
                    None => {
                        let big = crate::int::to_big(n.as_obj());
                        let mag = big.magnitude();
                        let d = match conv {
                            'x' => mag.to_str_radix(16),
                            'X' => mag.to_str_radix(16).to_uppercase(),
                            'o' => mag.to_str_radix(8),
                            _ => mag.to_str_radix(10),
                        };
                        (big.sign() == num_bigint::Sign::Minus, d)
                    }
                };
                if !matches!(conv, 'x' | 'X' | 'o') {
                    crate::int::check_str_digits_out(&digits)?;
                }
                if let Some(p) = prec
                    && digits.len() < p
                {
                    digits = "0".repeat(p - digits.len()) + &digits;
                }
                let prefix = match (alt, conv) {
                    (true, 'x') => "0x",
                    (true, 'X') => "0X",
                    (true, 'o') => "0o",
                    _ => "",
                };
                let sgn = if neg { "-" } else { sign };
                pad_num(sgn, prefix, &digits, width, left, zero)
            }
            'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
                let x = crate::builtins::to_f64(&v).map_err(|_| {
                    type_error(format!(
                        "must be real number, not {}",
                        crate::typeobj::obj_type_name(&v)
                    ))
                })?;
                let spec = format!(
                    "{}{}.{}{}",
                    if alt { "#" } else { "" },
                    "",
                    prec.unwrap_or(6),
                    conv
                );
                let s = crate::format::format_float(x.abs(), &spec)?;
                let sgn = if x.is_sign_negative() && !x.is_nan() {
                    "-"
                } else {
                    sign
                };
                pad_num(sgn, "", &s, width, left, zero && x.is_finite())
            }
            other => {
                return Err(value_error(format!(
                    "unsupported format character '{other}' (0x{:x}) at index {}",
                    other as u32,
                    i - 1
                )));
            }
        };
        let body = if matches!(
            conv,
            'd' | 'i' | 'u' | 'x' | 'X' | 'o' | 'e' | 'E' | 'f' | 'F' | 'g' | 'G'
        ) {
            body
        } else {
            pad_num("", "", &body, width, left, false)
        };
        out.push_str(&body);
    }
    if next < items.len()
        && !used_mapping
        && !(items.len() == 1 && !is_tuple && next == 0 && is_mapping)
    {
        return Err(type_error(if bytes_mode {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

fn pad_num(
    sign: &str,
    prefix: &str,
    digits: &str,
    width: Option<i64>,
    left: bool,
    zero: bool,
) -> String {
    let len = sign.len() + prefix.len() + digits.chars().count();
    let w = width.map_or(0, |w| w.unsigned_abs() as usize);
    let left = left || width.is_some_and(|w| w < 0);
    if len >= w {
        return format!("{sign}{prefix}{digits}");
    }
    let fill = w - len;
    if left {
        format!("{sign}{prefix}{digits}{}", " ".repeat(fill))
    } else if zero {
        format!("{sign}{prefix}{}{digits}", "0".repeat(fill))
    } else {
        format!("{}{sign}{prefix}{digits}", " ".repeat(fill))
    }
}
