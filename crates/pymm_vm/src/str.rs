//! `str` with PEP 393 compact storage: ASCII strings are a 48-byte `PyASCIIObject`
//! followed by the bytes and a NUL; others a 72-byte `PyCompactUnicodeObject` followed by
//! latin-1, UCS-2 or UCS-4 code units and a NUL unit — so `sys.getsizeof` matches
//! CPython 3.11 for every string.

use std::borrow::Cow;

use pymm_mem::{Obj, ObjRef};

use crate::exc::{R, memory_error};
use crate::object::*;

const KIND_SHIFT: u32 = 2;
const ASCII_BIT: u32 = 1 << 6;
const COMPACT_BIT: u32 = 1 << 5;

/// Allocates a new (not interned) string.
pub fn alloc_str(s: &str) -> R {
    let len = s.chars().count();
    if len == s.len() {
        let mut items = Vec::with_capacity(s.len() + 1);
        items.extend_from_slice(s.as_bytes());
        items.push(0);
        let body = StrBody {
            length: len,
            hash: std::cell::Cell::new(-1),
            state: std::cell::Cell::new((1 << KIND_SHIFT) | COMPACT_BIT | ASCII_BIT),
            nbytes: items.len(),
        };
        return ObjRef::new_var(&STR_T, body, items).map_err(|_| memory_error());
    }
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
        let c = c as u32;
        items.extend_from_slice(&c.to_le_bytes()[..k]);
    }
    let body = WideStrBody {
        base: StrBody {
            length: len,
            hash: std::cell::Cell::new(-1),
            state: std::cell::Cell::new(((k as u32) << KIND_SHIFT) | COMPACT_BIT),
            nbytes: items.len(),
        },
        utf8_length: 0,
        utf8: 0,
        wstr_length: 0,
    };
    ObjRef::new_var(&WSTR_T, body, items).map_err(|_| memory_error())
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

/// The interned string for `s` (identifiers, attribute names).
pub fn intern(s: &str) -> ObjRef {
    let rt = crate::state::rt();
    if let Some(o) = rt.interned.borrow().get(s) {
        return o.clone();
    }
    let o = new_str(s).expect("out of memory interning a name");
    if let Some(b) = str_body(o.as_obj()) {
        b.state.set(b.state.get() | 1);
    }
    rt.interned.borrow_mut().insert(s.into(), o.clone());
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

/// The length in code points.
#[inline]
pub fn char_len(o: Obj<'_>) -> usize {
    str_body(o).map_or(0, |b| b.length)
}

/// Whether the string is pure ASCII.
#[inline]
pub fn is_ascii(o: Obj<'_>) -> bool {
    o.downcast::<StrBody>().is_some()
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
    let quote = if s.contains('\'') && !s.contains('"') { '"' } else { '\'' };
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

/// An approximation of `str.isprintable` for one character (Unicode categories Cc, Cf,
/// Cs, Co, Cn, Zl, Zp, Zs other than space are not printable).
pub fn is_printable(c: char) -> bool {
    let v = c as u32;
    if v < 0x20 || (0x7f..0xa0).contains(&v) {
        return false;
    }
    !matches!(v,
        0xad | 0x600..=0x605 | 0x61c | 0x6dd | 0x70f | 0x180e | 0x200b..=0x200f
        | 0x2028..=0x202e | 0x2060..=0x2064 | 0x2066..=0x206f | 0xfeff | 0xfff9..=0xfffb
        | 0xd800..=0xdfff | 0xe000..=0xf8ff | 0xf0000..=0x10ffff | 0xa0 | 0x1680
        | 0x2000..=0x200a | 0x202f | 0x205f | 0x3000)
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
