//! The methods of the built-in types (`str.split`, `list.append`, `dict.get`, ...), the
//! constructors of the built-in types (`int(x)`, `list(it)`, ...), `super`, and the
//! metaclass path of `type(...)`.
//!
//! Methods are method descriptors: native functions stored in their type's dict with
//! the type as owner; attribute lookup binds them to the instance. The receiver is
//! always `args[0]`.

use pymm_compiler::{BinaryOperator as B, ComparisonOperator as C};
use pymm_mem::ObjRef;

use crate::builtins::{Ctor, arg, to_index};
use crate::call::{Kw, call, call_kw, check_args, new_builtin, no_kw};
use crate::exc::{R, new_exc, type_error, value_error};
use crate::iter::collect;
use crate::object::*;
use crate::ops::{eq_bool, float_val, hash, new_float, repr_of, str_of, truthy};
use crate::state::{builtin_type, is_none, none, pybool};
use crate::typeobj::{obj_type_name, tb};

fn int(v: i64) -> R {
    crate::int::from_i64(v)
}

/// An int for a size, count or index, as `PyLong_FromSsize_t` makes it.
fn ssize(v: usize) -> R {
    crate::int::from_ssize(v)
}

/// [`ssize`] for a result that may be -1 (`str.find`).
fn ssize_or_neg(v: i64) -> R {
    crate::int::from_i64_as(v, crate::int::IntAlloc::Exact)
}

fn s(v: &str) -> R {
    crate::str::new_str(v)
}

/// The receiver of a method descriptor, checked to be of kind `k` (or a subclass).
fn this<'a>(args: &'a [ObjRef], k: Kind, owner: &str, name: &str) -> R<&'a ObjRef> {
    match args.first() {
        Some(o) if kind(o.as_obj()) == k || (k == Kind::Int && kind(o.as_obj()) == Kind::Bool) => {
            Ok(o)
        }
        Some(o) => Err(type_error(format!(
            "descriptor '{name}' for '{owner}' objects doesn't apply to a '{}' object",
            obj_type_name(o)
        ))),
        None => Err(type_error(format!(
            "unbound method {owner}.{name}() needs an argument"
        ))),
    }
}

fn add(k: Kind, owner: &'static str, name: &'static str, f: NativeFn) {
    let t = builtin_type(k);
    crate::dict::set_str(&tb(t.as_obj()).dict, name, new_builtin(name, f, owner));
}

fn add_to(t: &ObjRef, owner: &'static str, name: &'static str, f: NativeFn) {
    crate::dict::set_str(&tb(t.as_obj()).dict, name, new_builtin(name, f, owner));
}

// ---------------------------------------------------------------------------------------
// str

fn sv(o: &ObjRef) -> String {
    crate::str::as_str(o.as_obj()).into_owned()
}

fn str_arg(o: &ObjRef, what: &str) -> R<String> {
    if kind(o.as_obj()) == Kind::Str {
        Ok(sv(o))
    } else {
        Err(type_error(format!(
            "{what} must be str, not {}",
            obj_type_name(o)
        )))
    }
}

macro_rules! str_self {
    ($args:expr, $name:expr) => {
        sv(this($args, Kind::Str, "str", $name)?)
    };
}

fn opt_chars(args: &[ObjRef], name: &str) -> R<Option<String>> {
    match args.get(1) {
        None => Ok(None),
        Some(o) if is_none(o) => Ok(None),
        Some(o) if kind(o.as_obj()) == Kind::Str => Ok(Some(sv(o))),
        Some(o) => Err(type_error(format!(
            "{name} arg must be None or str, not {}",
            obj_type_name(o)
        ))),
    }
}

fn str_strip_impl(args: &[ObjRef], name: &str, left: bool, right: bool) -> R {
    check_args(name, &args[1.min(args.len())..], 0, 1)?;
    let t = str_self!(args, name);
    let chars = opt_chars(args, name)?;
    let pred = |c: char| match &chars {
        Some(cs) => cs.contains(c),
        None => is_py_space(c),
    };
    let mut r: &str = &t;
    if left {
        r = r.trim_start_matches(pred);
    }
    if right {
        r = r.trim_end_matches(pred);
    }
    s(r)
}

/// `str.__str__`: the string itself, or, for a subclass instance, an exact `str` with
/// its text.
fn str_dunder_str(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__str__", args, 1, 1)?;
    let s = &args[0];
    if kind(s.as_obj()) != Kind::Str {
        return Err(type_error(format!(
            "descriptor '__str__' requires a 'str' object but received a '{}'",
            obj_type_name(s)
        )));
    }
    if crate::typeobj::is_heap_instance(s.as_obj()) {
        crate::str::new_str(&crate::str::as_str(s.as_obj()))
    } else {
        Ok(s.clone())
    }
}

fn str_strip(args: &[ObjRef], _kw: &Kw) -> R {
    str_strip_impl(args, "strip", true, true)
}
fn str_lstrip(args: &[ObjRef], _kw: &Kw) -> R {
    str_strip_impl(args, "lstrip", true, false)
}
fn str_rstrip(args: &[ObjRef], _kw: &Kw) -> R {
    str_strip_impl(args, "rstrip", false, true)
}

/// Whitespace as `str.split()` sees it (`Py_UNICODE_ISSPACE`): Unicode white space and
/// the separators U+001C..U+001F.
pub fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c)
}

/// `split_whitespace` (Objects/stringlib/split.h): at most `max` splits; the rest keeps
/// its trailing white space.
fn split_whitespace(t: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = t;
    let mut n = 0;
    loop {
        rest = rest.trim_start_matches(is_py_space);
        if rest.is_empty() {
            return out;
        }
        if n == max {
            out.push(rest);
            return out;
        }
        let end = rest.find(is_py_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = &rest[end..];
        n += 1;
    }
}

/// `rsplit_whitespace`: from the right; the rest keeps its leading white space.
fn rsplit_whitespace(t: &str, max: usize) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = t;
    let mut n = 0;
    loop {
        rest = rest.trim_end_matches(is_py_space);
        if rest.is_empty() {
            break;
        }
        if n == max {
            out.push(rest);
            break;
        }
        let start = rest.rfind(is_py_space).map_or(0, |i| {
            i + rest[i..].chars().next().map_or(1, char::len_utf8)
        });
        out.push(&rest[start..]);
        rest = &rest[..start];
        n += 1;
    }
    out.reverse();
    out
}

fn str_split_impl(args: &[ObjRef], kw: &Kw, right: bool) -> R {
    let name = if right { "rsplit" } else { "split" };
    let t = str_self!(args, name);
    let sep = arg(args, kw, 1, "sep").filter(|o| !is_none(o));
    let maxsplit = match arg(args, kw, 2, "maxsplit") {
        Some(m) => to_index(&m)?,
        None => -1,
    };
    let max = if maxsplit < 0 {
        usize::MAX
    } else {
        maxsplit as usize
    };
    let out: Vec<&str> = match sep {
        None if right => rsplit_whitespace(&t, max),
        None => split_whitespace(&t, max),
        Some(sep) => {
            let sep = str_arg(&sep, "must be str or None")?;
            if sep.is_empty() {
                return Err(value_error("empty separator"));
            }
            if max == usize::MAX {
                t.split(sep.as_str()).collect()
            } else if !right {
                t.splitn(max + 1, sep.as_str()).collect()
            } else {
                let mut v: Vec<&str> = t.rsplitn(max + 1, sep.as_str()).collect();
                v.reverse();
                v
            }
        }
    };
    let items = out.iter().map(|w| s(w)).collect::<R<Vec<_>>>()?;
    crate::seq::new_list(items)
}

fn str_split(args: &[ObjRef], kw: &Kw) -> R {
    str_split_impl(args, kw, false)
}
fn str_rsplit(args: &[ObjRef], kw: &Kw) -> R {
    str_split_impl(args, kw, true)
}

fn str_splitlines(args: &[ObjRef], kw: &Kw) -> R {
    let t = str_self!(args, "splitlines");
    let keep = match arg(args, kw, 1, "keepends") {
        Some(k) => truthy(&k)?,
        None => false,
    };
    let mut out = Vec::new();
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    let mut start = 0;
    while i < chars.len() {
        let c = chars[i];
        let is_break = matches!(
            c,
            '\n' | '\r'
                | '\x0b'
                | '\x0c'
                | '\x1c'
                | '\x1d'
                | '\x1e'
                | '\u{85}'
                | '\u{2028}'
                | '\u{2029}'
        );
        if is_break {
            let mut end = i + 1;
            if c == '\r' && chars.get(i + 1) == Some(&'\n') {
                end += 1;
            }
            let line: String = chars[start..if keep { end } else { i }].iter().collect();
            out.push(s(&line)?);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < chars.len() {
        let line: String = chars[start..].iter().collect();
        out.push(s(&line)?);
    }
    crate::seq::new_list(out)
}

fn str_join(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("join", &args[1.min(args.len())..], 1, 1)?;
    let sep = str_self!(args, "join");
    let items = collect(&args[1])?;
    let mut out = String::new();
    for (i, it) in items.iter().enumerate() {
        if kind(it.as_obj()) != Kind::Str {
            return Err(type_error(format!(
                "sequence item {i}: expected str instance, {} found",
                obj_type_name(it)
            )));
        }
        if i > 0 {
            out.push_str(&sep);
        }
        out.push_str(&crate::str::as_str(it.as_obj()));
    }
    s(&out)
}

fn str_replace(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("replace", &args[1.min(args.len())..], 2, 3)?;
    let t = str_self!(args, "replace");
    let old = str_arg(&args[1], "replace() argument 1")?;
    let new = str_arg(&args[2], "replace() argument 2")?;
    let count = match args.get(3) {
        Some(c) => to_index(c)?,
        None => -1,
    };
    if (count == 0 || !t.contains(&*old)) && !crate::typeobj::is_heap_instance(args[0].as_obj()) {
        // `unicode_result_unchanged`: nothing to replace gives the string itself.
        return Ok(args[0].clone());
    }
    if count < 0 {
        crate::str::new_str_fresh(&t.replace(&old, &new))
    } else {
        crate::str::new_str_fresh(&t.replacen(&old, &new, count as usize))
    }
}

/// Character-index bounds of `str.find` and friends (`ADJUST_INDICES`): `None` when
/// the start lies past the end of the string or past the end bound, where CPython
/// finds nothing (not even an empty substring).
fn char_bounds(t: &str, args: &[ObjRef], at: usize) -> R<Option<(usize, usize)>> {
    let n = t.chars().count() as i64;
    let norm = |o: Option<&ObjRef>, dflt: i64| -> R<i64> {
        match o {
            None => Ok(dflt),
            Some(o) if is_none(o) => Ok(dflt),
            Some(o) => {
                let v = to_index(o)?;
                Ok(if v < 0 { (v + n).max(0) } else { v })
            }
        }
    };
    let a = norm(args.get(at), 0)?;
    let b = norm(args.get(at + 1), n)?.min(n);
    Ok((a <= n && a <= b).then_some((a as usize, b as usize)))
}

fn byte_offset(t: &str, ci: usize) -> usize {
    t.char_indices().nth(ci).map_or(t.len(), |(b, _)| b)
}

fn str_find_impl(args: &[ObjRef], name: &str, right: bool) -> R<i64> {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(args, &Kw::EMPTY)?;
    check_args(name, &args[1.min(args.len())..], 1, 3)?;
    let t = str_self!(args, name);
    let sub = str_arg(&args[1], &format!("{name}() argument 1"))?;
    let Some((a, b)) = char_bounds(&t, args, 2)? else {
        return Ok(-1);
    };
    let (ba, bb) = (byte_offset(&t, a), byte_offset(&t, b));
    let hay = &t[ba..bb];
    let found = if right {
        hay.rfind(&sub)
    } else {
        hay.find(&sub)
    };
    Ok(match found {
        Some(bi) => (a + hay[..bi].chars().count()) as i64,
        None => -1,
    })
}

fn str_find(args: &[ObjRef], _kw: &Kw) -> R {
    ssize_or_neg(str_find_impl(args, "find", false)?)
}
fn str_rfind(args: &[ObjRef], _kw: &Kw) -> R {
    ssize_or_neg(str_find_impl(args, "rfind", true)?)
}
fn str_index(args: &[ObjRef], _kw: &Kw) -> R {
    match str_find_impl(args, "index", false)? {
        -1 => Err(value_error("substring not found")),
        i => ssize_or_neg(i),
    }
}
fn str_rindex(args: &[ObjRef], _kw: &Kw) -> R {
    match str_find_impl(args, "rindex", true)? {
        -1 => Err(value_error("substring not found")),
        i => ssize_or_neg(i),
    }
}

fn str_count(args: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(args, kw)?;
    check_args("count", &args[1.min(args.len())..], 1, 3)?;
    let t = str_self!(args, "count");
    let sub = str_arg(&args[1], "count() argument 1")?;
    let Some((a, b)) = char_bounds(&t, args, 2)? else {
        return int(0);
    };
    let hay = &t[byte_offset(&t, a)..byte_offset(&t, b)];
    if sub.is_empty() {
        return ssize(hay.chars().count() + 1);
    }
    ssize(hay.matches(&sub).count())
}

fn affix_impl(args: &[ObjRef], name: &str, end: bool) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(args, &Kw::EMPTY)?;
    check_args(name, &args[1.min(args.len())..], 1, 3)?;
    let t = str_self!(args, name);
    let part = char_bounds(&t, args, 2)?.map(|(a, b)| &t[byte_offset(&t, a)..byte_offset(&t, b)]);
    let test = |p: &ObjRef| -> R<bool> {
        if kind(p.as_obj()) != Kind::Str {
            return Err(type_error(format!(
                "{name} first arg must be str or a tuple of str, not {}",
                obj_type_name(p)
            )));
        }
        let p = crate::str::as_str(p.as_obj());
        Ok(part.is_some_and(|part| {
            if end {
                part.ends_with(&*p)
            } else {
                part.starts_with(&*p)
            }
        }))
    };
    let p = &args[1];
    if kind(p.as_obj()) == Kind::Tuple {
        for x in crate::seq::tuple_items(p.as_obj()) {
            if test(x)? {
                return Ok(pybool(true));
            }
        }
        return Ok(pybool(false));
    }
    Ok(pybool(test(p)?))
}

fn str_startswith(args: &[ObjRef], _kw: &Kw) -> R {
    affix_impl(args, "startswith", false)
}
fn str_endswith(args: &[ObjRef], _kw: &Kw) -> R {
    affix_impl(args, "endswith", true)
}

fn str_map(args: &[ObjRef], name: &str, f: fn(&str) -> String) -> R {
    check_args(name, &args[1.min(args.len())..], 0, 0)?;
    let t = str_self!(args, name);
    // `case_operation` builds a new string, never a cached one-character one.
    crate::str::new_str_fresh(&f(&t))
}

/// Appends the titlecase of `c` (`_PyUnicode_ToTitleFull`).
fn push_title(out: &mut String, c: char) {
    match crate::unicase::TITLE_EXCEPTIONS.binary_search_by_key(&c, |e| e.0) {
        Ok(i) => out.push_str(crate::unicase::TITLE_EXCEPTIONS[i].1),
        Err(_) => out.extend(c.to_uppercase()),
    }
}

/// `_PyUnicode_IsCased`: lowercase, uppercase or titlecase.
fn is_cased(c: char) -> bool {
    c.is_lowercase()
        || c.is_uppercase()
        || crate::unicase::TITLE_EXCEPTIONS
            .binary_search_by_key(&c, |e| e.0)
            .is_ok_and(|i| {
                crate::unicase::TITLE_EXCEPTIONS[i]
                    .1
                    .chars()
                    .eq(std::iter::once(c))
            })
}

/// `str.capitalize` (3.8+): the first character in titlecase, the rest in lowercase.
fn capitalize(t: &str) -> String {
    let finals = final_sigmas(t);
    let mut out = String::with_capacity(t.len());
    for (i, c) in t.chars().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower(&mut out, c, i, &finals);
        }
    }
    out
}

/// For each character of `t`, whether it is a capital sigma that lowercases to the
/// final form ς in its context (CPython's `handle_capital_sigma`, which `lower`,
/// `title` and `swapcase` all apply). Read off `str::to_lowercase`, which applies the
/// same rule and maps every other character without context.
fn final_sigmas(t: &str) -> Vec<bool> {
    // Empty (no character is one) for the strings without a capital sigma.
    if !t.contains('\u{3a3}') {
        return Vec::new();
    }
    let lowered: Vec<char> = t.to_lowercase().chars().collect();
    let mut at = 0;
    t.chars()
        .map(|c| {
            let is_final = c == '\u{3a3}' && lowered.get(at) == Some(&'\u{3c2}');
            at += c.to_lowercase().count();
            is_final
        })
        .collect()
}

/// Lowercases character `c` (index `i`) of a string whose final sigmas are `finals`.
fn push_lower(out: &mut String, c: char, i: usize, finals: &[bool]) {
    if finals.get(i) == Some(&true) {
        out.push('\u{3c2}');
    } else {
        out.extend(c.to_lowercase());
    }
}

/// `str.title`: titlecase after an uncased character, lowercase after a cased one.
fn title(t: &str) -> String {
    let finals = final_sigmas(t);
    let mut out = String::with_capacity(t.len());
    let mut prev_cased = false;
    for (i, c) in t.chars().enumerate() {
        if prev_cased {
            push_lower(&mut out, c, i, &finals);
        } else {
            push_title(&mut out, c);
        }
        prev_cased = is_cased(c);
    }
    out
}

/// `str.casefold`: full case folding.
fn casefold(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for c in t.chars() {
        match crate::unicase::CASEFOLD_EXCEPTIONS.binary_search_by_key(&c, |e| e.0) {
            Ok(i) => out.push_str(crate::unicase::CASEFOLD_EXCEPTIONS[i].1),
            Err(_) => out.extend(c.to_lowercase()),
        }
    }
    out
}

fn swapcase(t: &str) -> String {
    let finals = final_sigmas(t);
    let mut out = String::with_capacity(t.len());
    for (i, c) in t.chars().enumerate() {
        if c.is_uppercase() {
            push_lower(&mut out, c, i, &finals);
        } else if c.is_lowercase() {
            out.extend(c.to_uppercase());
        } else {
            out.push(c);
        }
    }
    out
}

fn str_upper(a: &[ObjRef], _k: &Kw) -> R {
    str_map(a, "upper", str::to_uppercase)
}
fn str_lower(a: &[ObjRef], _k: &Kw) -> R {
    str_map(a, "lower", str::to_lowercase)
}
fn str_casefold(a: &[ObjRef], _k: &Kw) -> R {
    str_map(a, "casefold", casefold)
}
fn str_capitalize(a: &[ObjRef], _k: &Kw) -> R {
    str_map(a, "capitalize", capitalize)
}
fn str_title(a: &[ObjRef], _k: &Kw) -> R {
    str_map(a, "title", title)
}
fn str_swapcase(a: &[ObjRef], _k: &Kw) -> R {
    str_map(a, "swapcase", swapcase)
}

fn str_pred(args: &[ObjRef], name: &str, f: fn(&str) -> bool) -> R {
    check_args(name, &args[1.min(args.len())..], 0, 0)?;
    let t = str_self!(args, name);
    Ok(pybool(!t.is_empty() && f(&t)))
}

fn str_isdigit(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isdigit", |t| t.chars().all(is_digit_char))
}
/// Unicode `Numeric_Type=Digit` or `Decimal`: decimal digits plus the superscript,
/// subscript and circled digits CPython's `str.isdigit` accepts.
fn is_digit_char(c: char) -> bool {
    is_decimal_char(c)
        || matches!(c,
            '\u{b2}' | '\u{b3}' | '\u{b9}' | '\u{2070}' | '\u{2074}'..='\u{2079}' | '\u{2080}'..='\u{2089}'
            | '\u{2460}'..='\u{2468}' | '\u{2474}'..='\u{247c}' | '\u{2488}'..='\u{2490}' | '\u{24f5}'..='\u{24fd}'
            | '\u{2776}'..='\u{277e}' | '\u{2780}'..='\u{2788}' | '\u{278a}'..='\u{2792}')
}

/// The ASCII digit for a Unicode decimal digit.
fn decimal_value(c: char) -> char {
    let v = c as u32;
    match ND_STARTS.iter().find(|&&s| v >= s && v < s + 10) {
        Some(&s) => char::from_digit(v - s, 10).unwrap_or(c),
        None => c,
    }
}

const ND_STARTS: &[u32] = &[
    0x30, 0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80, 0x1a90,
    0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50, 0xabf0, 0xff10,
    0x104a0, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6,
];

/// Unicode decimal digits (general category `Nd`), by the blocks of ten that hold them.
pub fn is_decimal_char(c: char) -> bool {
    let v = c as u32;
    ND_STARTS.iter().any(|&s| v >= s && v < s + 10)
}

fn str_isdecimal(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isdecimal", |t| t.chars().all(is_decimal_char))
}
fn str_isnumeric(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isnumeric", |t| t.chars().all(char::is_numeric))
}
fn str_isalpha(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isalpha", |t| t.chars().all(char::is_alphabetic))
}
fn str_isalnum(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isalnum", |t| t.chars().all(char::is_alphanumeric))
}
fn str_isspace(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isspace", |t| t.chars().all(is_py_space))
}
fn str_isupper(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isupper", |t| {
        t.chars().any(|c| c.is_uppercase()) && !t.chars().any(|c| c.is_lowercase())
    })
}
fn str_islower(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "islower", |t| {
        t.chars().any(|c| c.is_lowercase()) && !t.chars().any(|c| c.is_uppercase())
    })
}
fn str_istitle(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "istitle", |t| {
        t.chars().any(char::is_alphabetic) && title(t) == t
    })
}
fn str_isidentifier(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isidentifier", |t| {
        let mut c = t.chars();
        c.next().is_some_and(|f| f == '_' || f.is_alphabetic())
            && c.all(|x| x == '_' || x.is_alphanumeric())
    })
}
fn str_isascii(a: &[ObjRef], _k: &Kw) -> R {
    let t = str_self!(a, "isascii");
    Ok(pybool(t.is_ascii()))
}
fn str_isprintable(a: &[ObjRef], _k: &Kw) -> R {
    let t = str_self!(a, "isprintable");
    Ok(pybool(t.chars().all(crate::str::is_printable)))
}

fn fill_char(args: &[ObjRef], at: usize, name: &str) -> R<char> {
    match args.get(at) {
        None => Ok(' '),
        Some(f) => {
            let t = str_arg(f, &format!("{name}() argument 2"))?;
            let mut c = t.chars();
            match (c.next(), c.next()) {
                (Some(ch), None) => Ok(ch),
                _ => Err(type_error(
                    "The fill character must be exactly one character long",
                )),
            }
        }
    }
}

fn str_pad(args: &[ObjRef], name: &str, align: char) -> R {
    check_args(name, &args[1.min(args.len())..], 1, 2)?;
    let t = str_self!(args, name);
    let width = to_index(&args[1])?;
    let fill = fill_char(args, 2, name)?;
    let n = t.chars().count() as i64;
    if width <= n {
        return Ok(args[0].clone());
    }
    let total = (width - n) as usize;
    let (left, right) = match align {
        '<' => (0, total),
        '>' => (total, 0),
        _ => {
            // CPython's centre: extra padding goes left when the width is odd.
            let left = total / 2 + (total & width as usize & 1);
            (left, total - left)
        }
    };
    let f = fill.to_string();
    crate::builtins::check_alloc(total.saturating_mul(f.len()))?;
    s(&format!("{}{}{}", f.repeat(left), t, f.repeat(right)))
}

fn str_ljust(a: &[ObjRef], _k: &Kw) -> R {
    str_pad(a, "ljust", '<')
}
fn str_rjust(a: &[ObjRef], _k: &Kw) -> R {
    str_pad(a, "rjust", '>')
}
fn str_center(a: &[ObjRef], _k: &Kw) -> R {
    str_pad(a, "center", '^')
}

fn str_zfill(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("zfill", &args[1.min(args.len())..], 1, 1)?;
    let t = str_self!(args, "zfill");
    let width = to_index(&args[1])?;
    let n = t.chars().count() as i64;
    if width <= n {
        return Ok(args[0].clone());
    }
    crate::builtins::check_alloc(width as usize)?;
    let pad = "0".repeat((width - n) as usize);
    let r = if t.starts_with('+') || t.starts_with('-') {
        format!("{}{}{}", &t[..1], pad, &t[1..])
    } else {
        format!("{pad}{t}")
    };
    s(&r)
}

fn str_partition_impl(args: &[ObjRef], right: bool) -> R {
    let name = if right { "rpartition" } else { "partition" };
    check_args(name, &args[1.min(args.len())..], 1, 1)?;
    let t = str_self!(args, name);
    let sep = str_arg(&args[1], "must be str")?;
    if sep.is_empty() {
        return Err(value_error("empty separator"));
    }
    let found = if right { t.rfind(&sep) } else { t.find(&sep) };
    let parts = match found {
        Some(i) => (
            t[..i].to_string(),
            sep.clone(),
            t[i + sep.len()..].to_string(),
        ),
        None if right => (String::new(), String::new(), t.clone()),
        None => (t.clone(), String::new(), String::new()),
    };
    crate::seq::new_tuple(vec![s(&parts.0)?, s(&parts.1)?, s(&parts.2)?])
}

fn str_partition(a: &[ObjRef], _k: &Kw) -> R {
    str_partition_impl(a, false)
}
fn str_rpartition(a: &[ObjRef], _k: &Kw) -> R {
    str_partition_impl(a, true)
}

fn str_removeprefix(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("removeprefix", &args[1.min(args.len())..], 1, 1)?;
    let t = str_self!(args, "removeprefix");
    let p = str_arg(&args[1], "removeprefix() argument")?;
    s(t.strip_prefix(&p).unwrap_or(&t))
}

fn str_removesuffix(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("removesuffix", &args[1.min(args.len())..], 1, 1)?;
    let t = str_self!(args, "removesuffix");
    let p = str_arg(&args[1], "removesuffix() argument")?;
    s(t.strip_suffix(&p).unwrap_or(&t))
}

fn str_expandtabs(args: &[ObjRef], kw: &Kw) -> R {
    let t = str_self!(args, "expandtabs");
    let size = match arg(args, kw, 1, "tabsize") {
        // The tab size is a C int.
        Some(v) => {
            let n = to_index(&v)?;
            i32::try_from(n)
                .map_err(|_| new_exc("OverflowError", "Python int too large to convert to C int"))?
                as i64
        }
        None => 8,
    };
    let mut out = String::new();
    let mut col = 0i64;
    for c in t.chars() {
        match c {
            '\t' => {
                if size > 0 {
                    let n = size - col % size;
                    out.push_str(&" ".repeat(n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    s(&out)
}

fn str_encode(args: &[ObjRef], kw: &Kw) -> R {
    let t = str_self!(args, "encode");
    let enc = match arg(args, kw, 1, "encoding") {
        Some(e) => sv(&e).to_lowercase().replace('_', "-"),
        None => "utf-8".into(),
    };
    match enc.as_str() {
        "utf-8" | "utf8" => crate::builtins::new_bytes(t.as_bytes()),
        "unicode-escape" | "raw-unicode-escape" => {
            crate::builtins::new_bytes(&crate::escapes::encode(&t, enc.starts_with("raw")))
        }
        e if let Some((width, le)) = crate::widecodecs::lookup(e) => {
            crate::builtins::new_bytes(&crate::widecodecs::encode(&t, width, le))
        }
        "ascii" | "latin-1" | "latin1" | "iso-8859-1" => {
            let limit = if enc == "ascii" { 128 } else { 256 };
            let errors = arg(args, kw, 2, "errors")
                .map(|e| sv(&e))
                .unwrap_or_else(|| "strict".into());
            let mut out = Vec::with_capacity(t.len());
            for (i, c) in t.chars().enumerate() {
                let v = c as u32;
                if v < limit {
                    out.push(v as u8);
                    continue;
                }
                match errors.as_str() {
                    "replace" => out.push(b'?'),
                    "ignore" => {}
                    "backslashreplace" => out.extend(
                        if v < 0x100 {
                            format!("\\x{v:02x}")
                        } else if v < 0x10000 {
                            format!("\\u{v:04x}")
                        } else {
                            format!("\\U{v:08x}")
                        }
                        .bytes(),
                    ),
                    "xmlcharrefreplace" => out.extend(format!("&#{v};").bytes()),
                    "strict" => {
                        // The error covers the whole run of unencodable characters.
                        let run = t.chars().skip(i).take_while(|c| *c as u32 >= limit).count();
                        return Err(crate::exc::unicode_error(
                            "UnicodeEncodeError",
                            if limit == 128 { "ascii" } else { "latin-1" },
                            Ok(args[0].clone()),
                            i,
                            i + run,
                            &format!("ordinal not in range({limit})"),
                        ));
                    }
                    other => {
                        return Err(new_exc(
                            "LookupError",
                            &format!("unknown error handler name '{other}'"),
                        ));
                    }
                }
            }
            crate::builtins::new_bytes(&out)
        }
        _ => Err(new_exc("LookupError", &format!("unknown encoding: {enc}"))),
    }
}

/// `s.encode(encoding)` for natives.
pub fn str_encode_public(s: &ObjRef, encoding: &ObjRef) -> R {
    str_encode(&[s.clone(), encoding.clone()], &Kw::EMPTY)
}

fn str_format(args: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(args, kw)?;
    let t = str_self!(args, "format");
    s(&format_template(&t, &args[1..], kw)?)
}

fn str_format_map(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("format_map", &args[1.min(args.len())..], 1, 1)?;
    let t = str_self!(args, "format_map");
    let m = &args[1];
    let kw = Kw(crate::builtins::mapping_items(m)?);
    s(&format_template(&t, &[], &kw)?)
}

/// `str.format`: replacement fields `{name!conv:spec}` with attribute and index access.
pub fn format_template(t: &str, args: &[ObjRef], kw: &Kw) -> R<String> {
    let (mut auto, mut manual) = (0usize, false);
    format_fields(t, args, kw, &mut auto, &mut manual, 2)
}

/// The fields of `t`; a nested field in a format spec continues the automatic
/// numbering (`'{:{}}'.format(x, width)`), and nesting is limited as in CPython's
/// `MarkupIterator` (recursion depth 2).
fn format_fields(
    t: &str,
    args: &[ObjRef],
    kw: &Kw,
    auto: &mut usize,
    manual: &mut bool,
    recursion: usize,
) -> R<String> {
    if recursion == 0 {
        return Err(value_error("Max string recursion exceeded"));
    }
    let mut out = String::new();
    let chars: Vec<char> = t.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '{' {
            if chars.get(i + 1) == Some(&'{') {
                out.push('{');
                i += 2;
                continue;
            }
            // Find the matching close brace (nested braces allowed in the spec).
            let mut depth = 1;
            let mut j = i + 1;
            while j < chars.len() && depth > 0 {
                match chars[j] {
                    '{' => depth += 1,
                    '}' => depth -= 1,
                    _ => {}
                }
                if depth > 0 {
                    j += 1;
                }
            }
            if j >= chars.len() {
                return Err(value_error("Single '{' encountered in format string"));
            }
            let field: String = chars[i + 1..j].iter().collect();
            i = j + 1;
            let (head, spec) = match field.find(':') {
                Some(p) => (&field[..p], &field[p + 1..]),
                None => (field.as_str(), ""),
            };
            let (name, conv) = match head.find('!') {
                Some(p) => (&head[..p], Some(&head[p + 1..])),
                None => (head, None),
            };
            // The first part of the name selects the argument.
            let split = name.find(['.', '[']).unwrap_or(name.len());
            let (first, mut rest) = name.split_at(split);
            let mut v = if first.is_empty() {
                if *manual {
                    return Err(value_error(
                        "cannot switch from manual field specification to automatic field numbering",
                    ));
                }
                let n = *auto;
                let v = args.get(n).cloned().ok_or_else(|| {
                    new_exc(
                        "IndexError",
                        &format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?;
                *auto += 1;
                v
            } else if let Ok(n) = first.parse::<usize>() {
                if *auto > 0 {
                    return Err(value_error(
                        "cannot switch from automatic field numbering to manual field specification",
                    ));
                }
                *manual = true;
                args.get(n).cloned().ok_or_else(|| {
                    new_exc(
                        "IndexError",
                        &format!("Replacement index {n} out of range for positional args tuple"),
                    )
                })?
            } else {
                kw.get(first).ok_or_else(|| {
                    crate::exc::new_exc_args("KeyError", vec![s(first).unwrap_or_else(|_| none())])
                })?
            };
            while !rest.is_empty() {
                if let Some(r) = rest.strip_prefix('.') {
                    let end = r.find(['.', '[']).unwrap_or(r.len());
                    v = crate::typeobj::getattr(&v, &crate::str::intern(&r[..end]))?;
                    rest = &r[end..];
                } else if let Some(r) = rest.strip_prefix('[') {
                    let end = r
                        .find(']')
                        .ok_or_else(|| value_error("Missing ']' in format string"))?;
                    let key = &r[..end];
                    let k = match key.parse::<i64>() {
                        Ok(n) => int(n)?,
                        Err(_) => s(key)?,
                    };
                    v = crate::ops::getitem(&v, &k)?;
                    rest = &r[end + 1..];
                } else {
                    break;
                }
            }
            let v = match conv {
                Some("r") => s(&repr_of(&v)?)?,
                Some("s") => s(&str_of(&v)?)?,
                Some("a") => s(&crate::str::ascii_repr_obj(&v)?)?,
                Some(c) => return Err(value_error(format!("Unknown conversion specifier {c}"))),
                None => v,
            };
            let spec = if spec.contains('{') {
                format_fields(spec, args, kw, auto, manual, recursion - 1)?
            } else {
                spec.to_string()
            };
            out.push_str(&crate::ops::format(&v, &spec)?);
        } else if c == '}' {
            if chars.get(i + 1) == Some(&'}') {
                out.push('}');
                i += 2;
                continue;
            }
            return Err(value_error("Single '}' encountered in format string"));
        } else {
            out.push(c);
            i += 1;
        }
    }
    Ok(out)
}

fn str_maketrans(args: &[ObjRef], _kw: &Kw) -> R {
    let d = crate::dict::try_new_dict()?;
    match args.len() {
        1 => {
            for (k, v) in crate::builtins::mapping_items(&args[0])? {
                let k = if kind(k.as_obj()) == Kind::Str {
                    int(sv(&k).chars().next().map_or(0, |c| c as i64))?
                } else {
                    k
                };
                crate::dict::set(d.as_obj(), k, v)?;
            }
        }
        2 | 3 => {
            let a: Vec<char> = sv(&args[0]).chars().collect();
            let b: Vec<char> = sv(&args[1]).chars().collect();
            if a.len() != b.len() {
                return Err(value_error(
                    "the first two maketrans arguments must have equal length",
                ));
            }
            for (x, y) in a.iter().zip(b.iter()) {
                crate::dict::set(d.as_obj(), int(*x as i64)?, int(*y as i64)?)?;
            }
            if let Some(z) = args.get(2) {
                for c in sv(z).chars() {
                    crate::dict::set(d.as_obj(), int(c as i64)?, none())?;
                }
            }
        }
        _ => return Err(type_error("maketrans() takes at most 3 arguments")),
    }
    Ok(d)
}

fn str_translate(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("translate", &args[1.min(args.len())..], 1, 1)?;
    let t = str_self!(args, "translate");
    let table = &args[1];
    let mut out = String::new();
    for c in t.chars() {
        let k = int(c as i64)?;
        match crate::ops::getitem(table, &k) {
            Ok(v) => match kind(v.as_obj()) {
                Kind::NoneType => {}
                Kind::Str => out.push_str(&crate::str::as_str(v.as_obj())),
                _ => {
                    let n = to_index(&v)?;
                    out.push(char::from_u32(n as u32).ok_or_else(|| {
                        value_error("character mapping must be in range(0x110000)")
                    })?);
                }
            },
            Err(e) if crate::exc::matches(&e.0, "LookupError") => out.push(c),
            Err(e) => return Err(e),
        }
    }
    s(&out)
}

// ---------------------------------------------------------------------------------------
// list

fn list_self<'a>(args: &'a [ObjRef], name: &str) -> R<&'a ObjRef> {
    this(args, Kind::List, "list", name)
}

fn list_append(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "append")?;
    check_args("list.append", &args[1..], 1, 1)?;
    crate::seq::list_append(l.as_obj(), args[1].clone())?;
    Ok(none())
}

fn list_extend(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "extend")?;
    check_args("list.extend", &args[1..], 1, 1)?;
    let items = collect(&args[1])?;
    crate::seq::list_extend(l.as_obj(), items)?;
    Ok(none())
}

fn list_insert(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "insert")?;
    check_args("insert", &args[1..], 2, 2)?;
    let n = crate::seq::list_len(l.as_obj()) as i64;
    let mut i = to_index(&args[1])?;
    if i < 0 {
        i = (i + n).max(0);
    }
    crate::seq::list_insert(l.as_obj(), i.min(n) as usize, args[2].clone())?;
    Ok(none())
}

fn list_pop(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "pop")?;
    check_args("pop", &args[1..], 0, 1)?;
    let n = crate::seq::list_len(l.as_obj());
    if n == 0 {
        return Err(new_exc("IndexError", "pop from empty list"));
    }
    let i = match args.get(1) {
        Some(i) => to_index(i)?,
        None => -1,
    };
    let idx = crate::seq::norm_index(i, n)
        .ok_or_else(|| new_exc("IndexError", "pop index out of range"))?;
    crate::seq::list_pop(l.as_obj(), idx)
        .ok_or_else(|| new_exc("IndexError", "pop index out of range"))
}

fn list_find(l: &ObjRef, x: &ObjRef, start: usize, stop: usize) -> R<Option<usize>> {
    let mut i = start;
    while i < stop.min(crate::seq::list_len(l.as_obj())) {
        let Some(v) = crate::seq::list_get(l.as_obj(), i) else {
            break;
        };
        if v.is(x) || eq_bool(&v, x)? {
            return Ok(Some(i));
        }
        i += 1;
    }
    Ok(None)
}

fn seq_bounds(args: &[ObjRef], at: usize, n: usize) -> R<(usize, usize)> {
    let norm = |o: Option<&ObjRef>, d: usize| -> R<usize> {
        match o {
            None => Ok(d),
            Some(o) => {
                let v = to_index(o)?;
                Ok(if v < 0 {
                    (v + n as i64).max(0) as usize
                } else {
                    (v as usize).min(n)
                })
            }
        }
    };
    Ok((norm(args.get(at), 0)?, norm(args.get(at + 1), n)?))
}

fn list_remove(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "remove")?;
    check_args("list.remove", &args[1..], 1, 1)?;
    match list_find(l, &args[1], 0, usize::MAX)? {
        Some(i) => {
            crate::seq::list_pop(l.as_obj(), i);
            Ok(none())
        }
        None => Err(value_error("list.remove(x): x not in list")),
    }
}

fn list_index(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "index")?;
    check_args("index", &args[1..], 1, 3)?;
    let (a, b) = seq_bounds(args, 2, crate::seq::list_len(l.as_obj()))?;
    match list_find(l, &args[1], a, b)? {
        Some(i) => ssize(i),
        None => Err(value_error(format!(
            "{} is not in list",
            repr_of(&args[1])?
        ))),
    }
}

fn list_count(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "count")?;
    check_args("list.count", &args[1..], 1, 1)?;
    let mut n = 0;
    for v in crate::seq::list_items(l.as_obj()) {
        if v.is(&args[1]) || eq_bool(&v, &args[1])? {
            n += 1;
        }
    }
    ssize(n)
}

fn list_reverse(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "reverse")?;
    crate::seq::list_body(l.as_obj())
        .expect("list")
        .items
        .reverse();
    Ok(none())
}

fn list_copy(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "copy")?;
    crate::seq::new_list(crate::seq::list_items(l.as_obj()))
}

fn list_clear(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "clear")?;
    let n = crate::seq::list_len(l.as_obj());
    crate::seq::list_splice(l.as_obj(), 0, n, Vec::new())?;
    Ok(none())
}

fn list_sort(args: &[ObjRef], kw: &Kw) -> R {
    let l = list_self(args, "sort")?;
    if args.len() > 1 {
        return Err(type_error("sort() takes no positional arguments"));
    }
    list_sort_impl(l, kw)?;
    Ok(none())
}

fn list_init(args: &[ObjRef], _kw: &Kw) -> R {
    let l = list_self(args, "__init__")?;
    check_args("list", &args[1..], 0, 1)?;
    let items = match args.get(1) {
        Some(it) => collect(it)?,
        None => Vec::new(),
    };
    let n = crate::seq::list_len(l.as_obj());
    crate::seq::list_splice(l.as_obj(), 0, n, items)?;
    Ok(none())
}

/// A stable merge sort where the comparison may raise: the first error stops it.
fn merge_sort(
    v: &mut Vec<(ObjRef, ObjRef)>,
    less: &mut dyn FnMut(&ObjRef, &ObjRef) -> R<bool>,
) -> R<()> {
    let n = v.len();
    if n < 2 {
        return Ok(());
    }
    // Insertion sort for small runs, then bottom-up merges.
    const RUN: usize = 32;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start && less(&v[j].0, &v[j - 1].0)? {
                v.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    let mut width = RUN;
    let mut buf: Vec<(ObjRef, ObjRef)> = Vec::with_capacity(n);
    while width < n {
        let mut lo = 0;
        buf.clear();
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            let (mut i, mut j) = (lo, mid);
            while i < mid && j < hi {
                // Take from the right only when strictly less: stability.
                if less(&v[j].0, &v[i].0)? {
                    buf.push(v[j].clone());
                    j += 1;
                } else {
                    buf.push(v[i].clone());
                    i += 1;
                }
            }
            buf.extend_from_slice(&v[i..mid]);
            buf.extend_from_slice(&v[j..hi]);
            lo = hi;
        }
        std::mem::swap(v, &mut buf);
        width *= 2;
    }
    Ok(())
}

/// `list.sort(key=None, reverse=False)`: stable; the list appears empty while sorting,
/// as in CPython.
pub fn list_sort_impl(l: &ObjRef, kw: &Kw) -> R<()> {
    if !kw.is_empty() {
        // `list.sort`'s clinic parser is initialised by its first keyword call (also
        // through `sorted(..., key=...)`).
        crate::call::clinic_parser_init("list.sort", &["key", "reverse"])?;
    }
    let mut key = None;
    let mut reverse = false;
    for (k, v) in &kw.0 {
        match &*crate::str::as_str(k.as_obj()) {
            "key" => key = Some(v.clone()).filter(|v| !is_none(v)),
            "reverse" => reverse = truthy(v)?,
            other => {
                return Err(type_error(format!(
                    "'{other}' is an invalid keyword argument for sort()"
                )));
            }
        }
    }
    let body = crate::seq::list_body(l.as_obj()).expect("list");
    // CPython sorts with the list emptied and puts the saved buffer back afterwards,
    // so the allocated size survives the sort.
    let capacity = body.items.capacity();
    let items = body.items.take_all();
    let mut pairs = Vec::with_capacity(items.len());
    let mut result = Ok(());
    for it in &items {
        match &key {
            Some(f) => match call(f, &[it.clone()]) {
                Ok(k) => pairs.push((k, it.clone())),
                Err(e) => {
                    result = Err(e);
                    break;
                }
            },
            None => pairs.push((it.clone(), it.clone())),
        }
    }
    if result.is_ok() {
        if reverse {
            pairs.reverse();
        }
        // A stable sort gives one order for keys with a total order, whatever the
        // algorithm: such keys are compared as Rust values (the index keeps it stable).
        let perm: Option<Vec<usize>> = plain_keys(&pairs).map(|mut order| {
            order.sort_unstable();
            order.into_iter().map(|(_, i)| i).collect()
        });
        match perm {
            Some(perm) => pairs = perm.into_iter().map(|i| pairs[i].clone()).collect(),
            None => {
                let mut less = |a: &ObjRef, b: &ObjRef| -> R<bool> { fast_less(a, b) };
                result = merge_sort(&mut pairs, &mut less);
            }
        }
        if result.is_ok() && reverse {
            pairs.reverse();
        }
    }
    let sorted: Vec<ObjRef> = if result.is_ok() {
        pairs.into_iter().map(|p| p.1).collect()
    } else {
        items
    };
    let modified = !body.items.is_empty();
    body.items
        .replace_all_with_capacity(sorted, capacity)
        .map_err(|_| crate::exc::memory_error())?;
    result?;
    if modified {
        return Err(value_error("list modified during sort"));
    }
    Ok(())
}

/// A sort key of a built-in type whose `<` is a total order that runs no Python code:
/// an exact int that fits a machine word, an exact ASCII str, or an exact tuple of those.
#[derive(PartialEq, Eq, PartialOrd, Ord)]
enum SortKey<'a> {
    Int(i64),
    Str(&'a str),
    Tuple(Box<[SortKey<'a>]>),
}

/// The sort's keys as [`SortKey`]s with their positions, when every one is such a key and
/// keys that may be compared have the same type (all ints or all strs; tuples whose items
/// at each position are all ints or all strs), so that comparing them raises nothing and
/// runs nothing. `None` sends the sort down the general path.
fn plain_keys(pairs: &[(ObjRef, ObjRef)]) -> Option<Vec<(SortKey<'_>, usize)>> {
    fn scalar(o: &ObjRef) -> Option<SortKey<'_>> {
        let obj = o.as_obj();
        if obj.type_object().is_some() {
            return None;
        }
        match kind(obj) {
            Kind::Int => crate::int::to_i64(obj).map(SortKey::Int),
            // Non-ASCII text would need decoding: the general path compares it.
            Kind::Str => match crate::str::as_str(obj) {
                std::borrow::Cow::Borrowed(t) => Some(SortKey::Str(t)),
                std::borrow::Cow::Owned(_) => None,
            },
            _ => None,
        }
    }
    let tag = |k: &SortKey<'_>| match k {
        SortKey::Int(_) => 0u8,
        SortKey::Str(_) => 1,
        SortKey::Tuple(_) => 2,
    };
    let mut keys = Vec::with_capacity(pairs.len());
    // The tag of the first key, and of the items at each tuple position.
    let mut top = None;
    let mut positions: Vec<u8> = Vec::new();
    for (i, (k, _)) in pairs.iter().enumerate() {
        let obj = k.as_obj();
        let key = if kind(obj) == Kind::Tuple && obj.type_object().is_none() {
            let items = crate::seq::tuple_items(obj);
            let mut v = Vec::with_capacity(items.len());
            for (j, it) in items.iter().enumerate() {
                let x = scalar(it)?;
                match positions.get(j) {
                    Some(&t) if t != tag(&x) => return None,
                    Some(_) => {}
                    None => positions.push(tag(&x)),
                }
                v.push(x);
            }
            SortKey::Tuple(v.into_boxed_slice())
        } else {
            scalar(k)?
        };
        if *top.get_or_insert(tag(&key)) != tag(&key) {
            return None;
        }
        keys.push((key, i));
    }
    Some(keys)
}

fn fast_less(a: &ObjRef, b: &ObjRef) -> R<bool> {
    match (kind(a.as_obj()), kind(b.as_obj())) {
        (Kind::Int, Kind::Int)
            if !crate::typeobj::is_heap_instance(a.as_obj())
                && !crate::typeobj::is_heap_instance(b.as_obj()) =>
        {
            Ok(crate::int::cmp(a.as_obj(), b.as_obj()) == std::cmp::Ordering::Less)
        }
        (Kind::Float, Kind::Float) => Ok(float_val(a).unwrap_or(0.0) < float_val(b).unwrap_or(0.0)),
        (Kind::Str, Kind::Str) => {
            Ok(crate::str::as_str(a.as_obj()) < crate::str::as_str(b.as_obj()))
        }
        (Kind::Tuple, Kind::Tuple)
            if a.as_obj().type_object().is_none() && b.as_obj().type_object().is_none() =>
        {
            tuple_less(a, b)
        }
        _ => crate::eval::compare_op(a, b, C::Less),
    }
}

/// `<` of two exact tuples, as `tuplerichcompare` decides it: the first items that are
/// not equal (identity first, then `==`) decide with `<`; otherwise the shorter tuple
/// is less. Items the sort compares quickly (exact ints, floats, strs) skip `==`.
fn tuple_less(a: &ObjRef, b: &ObjRef) -> R<bool> {
    let (x, y) = (
        crate::seq::tuple_items(a.as_obj()),
        crate::seq::tuple_items(b.as_obj()),
    );
    for (p, q) in x.iter().zip(y) {
        if p.is(q) {
            continue;
        }
        let plain = |o: &ObjRef| {
            matches!(kind(o.as_obj()), Kind::Int | Kind::Float | Kind::Str)
                && o.as_obj().type_object().is_none()
        };
        if plain(p) && plain(q) && kind(p.as_obj()) == kind(q.as_obj()) {
            let equal = match kind(p.as_obj()) {
                Kind::Int => crate::int::cmp(p.as_obj(), q.as_obj()).is_eq(),
                // IEEE: a NaN equals nothing, so it decides with `<` (False).
                Kind::Float => float_val(p) == float_val(q),
                _ => crate::str::eq(p.as_obj(), q.as_obj()),
            };
            if equal {
                continue;
            }
            return fast_less(p, q);
        }
        if !eq_bool(p, q)? {
            return crate::eval::compare_op(p, q, C::Less);
        }
    }
    Ok(x.len() < y.len())
}

// ---------------------------------------------------------------------------------------
// tuple

fn tuple_index(args: &[ObjRef], _kw: &Kw) -> R {
    let t = this(args, Kind::Tuple, "tuple", "index")?;
    check_args("index", &args[1..], 1, 3)?;
    let items = crate::seq::tuple_items(t.as_obj());
    let (a, b) = seq_bounds(args, 2, items.len())?;
    for (i, v) in items.iter().enumerate().take(b).skip(a) {
        if v.is(&args[1]) || eq_bool(v, &args[1])? {
            return ssize(i);
        }
    }
    Err(value_error("tuple.index(x): x not in tuple"))
}

fn tuple_count(args: &[ObjRef], _kw: &Kw) -> R {
    let t = this(args, Kind::Tuple, "tuple", "count")?;
    check_args("tuple.count", &args[1..], 1, 1)?;
    let mut n = 0;
    for v in crate::seq::tuple_items(t.as_obj()) {
        if v.is(&args[1]) || eq_bool(v, &args[1])? {
            n += 1;
        }
    }
    ssize(n)
}

// ---------------------------------------------------------------------------------------
// dict

fn dict_self<'a>(args: &'a [ObjRef], name: &str) -> R<&'a ObjRef> {
    this(args, Kind::Dict, "dict", name)
}

fn new_view(d: &ObjRef, which: u8) -> R {
    let ty = match which {
        0 => &DICT_KEYS_T,
        1 => &DICT_VALUES_T,
        _ => &DICT_ITEMS_T,
    };
    let o = ObjRef::new(ty, DictViewBody { dict: d.clone() })
        .map_err(|_| crate::exc::memory_error())?;
    o.track();
    Ok(o)
}

fn dict_keys(args: &[ObjRef], _kw: &Kw) -> R {
    new_view(dict_self(args, "keys")?, 0)
}
fn dict_values(args: &[ObjRef], _kw: &Kw) -> R {
    new_view(dict_self(args, "values")?, 1)
}
fn dict_items(args: &[ObjRef], _kw: &Kw) -> R {
    new_view(dict_self(args, "items")?, 2)
}

fn dict_get(args: &[ObjRef], _kw: &Kw) -> R {
    let d = dict_self(args, "get")?;
    check_args("get", &args[1..], 1, 2)?;
    Ok(crate::dict::get(d.as_obj(), &args[1])?
        .unwrap_or_else(|| args.get(2).cloned().unwrap_or_else(none)))
}

fn dict_setdefault(args: &[ObjRef], _kw: &Kw) -> R {
    let d = dict_self(args, "setdefault")?;
    check_args("setdefault", &args[1..], 1, 2)?;
    if let Some(v) = crate::dict::get(d.as_obj(), &args[1])? {
        return Ok(v);
    }
    let v = args.get(2).cloned().unwrap_or_else(none);
    crate::dict::set(d.as_obj(), args[1].clone(), v.clone())?;
    Ok(v)
}

fn key_error(k: &ObjRef) -> crate::exc::Exc {
    crate::exc::new_exc_args("KeyError", vec![k.clone()])
}

fn dict_pop(args: &[ObjRef], _kw: &Kw) -> R {
    let d = dict_self(args, "pop")?;
    check_args("pop", &args[1..], 1, 2)?;
    match crate::dict::del(d.as_obj(), &args[1])? {
        Some(v) => Ok(v),
        None => args.get(2).cloned().ok_or_else(|| key_error(&args[1])),
    }
}

fn dict_popitem(args: &[ObjRef], _kw: &Kw) -> R {
    let d = dict_self(args, "popitem")?;
    let Some((k, v)) = crate::dict::items(d.as_obj()).pop() else {
        return Err(new_exc("KeyError", "popitem(): dictionary is empty"));
    };
    crate::dict::del(d.as_obj(), &k)?;
    crate::seq::new_tuple(vec![k, v])
}

/// `dict.update(other, **kw)` and the dict constructor's argument handling.
pub fn dict_update_from(d: &ObjRef, other: Option<&ObjRef>, kw: &Kw) -> R<()> {
    if let Some(o) = other
        && kind(o.as_obj()) == Kind::Dict
        && kind(d.as_obj()) == Kind::Dict
        && crate::typeobj::user_special(o, "__iter__").is_none()
    {
        // `dict_merge`'s path for a dict whose iteration is the dict's own.
        crate::dict::merge(d.as_obj(), o.as_obj())?;
    } else if let Some(o) = other {
        let has_keys = kind(o.as_obj()) == Kind::Dict
            || crate::typeobj::getattr_opt(o, &crate::str::intern("keys"))?.is_some();
        if has_keys {
            for (k, v) in crate::builtins::mapping_items(o)? {
                crate::dict::set(d.as_obj(), k, v)?;
            }
        } else {
            for (i, item) in collect(o)?.into_iter().enumerate() {
                let kv = match collect(&item) {
                    Ok(kv) => kv,
                    Err(_) => {
                        return Err(type_error(format!(
                            "cannot convert dictionary update sequence element #{i} to a sequence"
                        )));
                    }
                };
                if kv.len() != 2 {
                    return Err(value_error(format!(
                        "dictionary update sequence element #{i} has length {}; 2 is required",
                        kv.len()
                    )));
                }
                crate::dict::set(d.as_obj(), kv[0].clone(), kv[1].clone())?;
            }
        }
    }
    for (k, v) in &kw.0 {
        crate::dict::set(d.as_obj(), k.clone(), v.clone())?;
    }
    Ok(())
}

fn dict_update(args: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(args, kw)?;
    let d = dict_self(args, "update")?;
    check_args("update", &args[1..], 0, 1)?;
    dict_update_from(d, args.get(1), kw)?;
    Ok(none())
}

fn dict_init(args: &[ObjRef], kw: &Kw) -> R {
    let d = dict_self(args, "__init__")?;
    check_args("dict", &args[1..], 0, 1)?;
    dict_update_from(d, args.get(1), kw)?;
    Ok(none())
}

fn dict_copy(args: &[ObjRef], _kw: &Kw) -> R {
    let d = dict_self(args, "copy")?;
    crate::dict::copy(d.as_obj())
}

fn dict_clear(args: &[ObjRef], _kw: &Kw) -> R {
    let d = dict_self(args, "clear")?;
    crate::dict::clear(crate::dict::body(d.as_obj()));
    Ok(none())
}

fn dict_fromkeys(args: &[ObjRef], _kw: &Kw) -> R {
    // Called as a class method: args[0] is the class.
    check_args("fromkeys", &args[1.min(args.len())..], 1, 2)?;
    let v = args.get(2).cloned().unwrap_or_else(none);
    let exact = args[0].is(&builtin_type(Kind::Dict));
    // `dict_fromkeys`: `cls()`, filled through `__setitem__` unless it is a plain dict.
    let d = if exact {
        crate::dict::try_new_dict()?
    } else {
        crate::call::call(&args[0], &[])?
    };
    // CPython sizes a plain dict's table at once for a dict's or a set's keys (general
    // entries for a set's).
    let src = args[1].as_obj();
    if exact && !crate::typeobj::is_heap_instance(src) {
        match kind(src) {
            Kind::Dict => crate::dict::presize(
                d.as_obj(),
                crate::dict::len(src),
                crate::dict::body(src).general.get(),
            )?,
            Kind::Set | Kind::FrozenSet => {
                crate::dict::presize(d.as_obj(), crate::ops::len(&args[1])?, true)?
            }
            _ => {}
        }
    }
    for k in collect(&args[1])? {
        if exact {
            crate::dict::set(d.as_obj(), k, v.clone())?;
        } else {
            crate::ops::setitem(&d, k, v.clone())?;
        }
    }
    Ok(d)
}

// ---------------------------------------------------------------------------------------
// set and frozenset

fn any_set<'a>(args: &'a [ObjRef], name: &str) -> R<&'a ObjRef> {
    match args.first() {
        Some(o) if matches!(kind(o.as_obj()), Kind::Set | Kind::FrozenSet) => Ok(o),
        _ => this(args, Kind::Set, "set", name),
    }
}

fn set_self<'a>(args: &'a [ObjRef], name: &str) -> R<&'a ObjRef> {
    this(args, Kind::Set, "set", name)
}

fn set_add(args: &[ObjRef], _kw: &Kw) -> R {
    let st = set_self(args, "add")?;
    check_args("set.add", &args[1..], 1, 1)?;
    crate::builtins::set_add(st, args[1].clone())?;
    Ok(none())
}

fn set_discard(args: &[ObjRef], _kw: &Kw) -> R {
    let st = set_self(args, "discard")?;
    check_args("set.discard", &args[1..], 1, 1)?;
    crate::builtins::set_discard(st, &args[1])?;
    Ok(none())
}

fn set_remove(args: &[ObjRef], _kw: &Kw) -> R {
    let st = set_self(args, "remove")?;
    check_args("set.remove", &args[1..], 1, 1)?;
    if !crate::builtins::set_discard(st, &args[1])? {
        return Err(key_error(&args[1]));
    }
    Ok(none())
}

fn set_pop(args: &[ObjRef], _kw: &Kw) -> R {
    let st = set_self(args, "pop")?;
    let b = st.as_obj().downcast::<SetBody>().expect("set");
    // CPython scans from the finger.
    let n = b.table.len();
    if b.used.get() == 0 || n == 0 {
        return Err(new_exc("KeyError", "pop from an empty set"));
    }
    let mut i = b.finger.get() % n;
    loop {
        if let Some((h, Some(k))) = b.table.get(i)
            && h != -1
        {
            crate::builtins::set_discard(st, &k)?;
            b.finger.set(i + 1);
            return Ok(k);
        }
        i = (i + 1) % n;
    }
}

fn set_clear(args: &[ObjRef], _kw: &Kw) -> R {
    let st = set_self(args, "clear")?;
    crate::builtins::set_clear(st);
    Ok(none())
}

fn set_copy(args: &[ObjRef], _kw: &Kw) -> R {
    let st = any_set(args, "copy")?;
    if kind(st.as_obj()) == Kind::FrozenSet && !crate::typeobj::is_heap_instance(st.as_obj()) {
        return Ok(st.clone());
    }
    crate::builtins::new_set(
        &crate::builtins::set_items(st.as_obj()),
        kind(st.as_obj()) == Kind::FrozenSet,
    )
}

fn as_set(o: &ObjRef) -> R {
    if matches!(kind(o.as_obj()), Kind::Set | Kind::FrozenSet) {
        Ok(o.clone())
    } else {
        crate::builtins::new_set(&collect(o)?, false)
    }
}

fn set_multi(args: &[ObjRef], name: &str, op: B) -> R {
    let st = any_set(args, name)?;
    let mut acc = crate::builtins::new_set(&crate::builtins::set_items(st.as_obj()), false)?;
    for other in &args[1..] {
        acc = crate::ops::binary_op(op, &acc, &as_set(other)?)?;
    }
    if kind(st.as_obj()) == Kind::FrozenSet {
        return crate::builtins::new_set(&crate::builtins::set_items(acc.as_obj()), true);
    }
    Ok(acc)
}

fn set_union(a: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(a, kw)?;
    set_multi(a, "union", B::Or)
}
fn set_intersection(a: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(a, kw)?;
    set_multi(a, "intersection", B::And)
}
fn set_difference(a: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(a, kw)?;
    set_multi(a, "difference", B::Subtract)
}
fn set_symmetric_difference(a: &[ObjRef], _k: &Kw) -> R {
    check_args("symmetric_difference", &a[1.min(a.len())..], 1, 1)?;
    set_multi(a, "symmetric_difference", B::Xor)
}

fn set_update_with(args: &[ObjRef], name: &str, op: B) -> R {
    let st = set_self(args, name)?;
    let r = set_multi(args, name, op)?;
    let items = crate::builtins::set_items(r.as_obj());
    for k in crate::builtins::set_items(st.as_obj()) {
        crate::builtins::set_discard(st, &k)?;
    }
    for k in items {
        crate::builtins::set_add(st, k)?;
    }
    Ok(none())
}

fn set_update(args: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(args, kw)?;
    let st = set_self(args, "update")?;
    for other in &args[1..] {
        crate::builtins::set_update_from(st, other)?;
    }
    Ok(none())
}
fn set_intersection_update(a: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(a, kw)?;
    set_update_with(a, "intersection_update", B::And)
}
fn set_difference_update(a: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::method(a, kw)?;
    let st = set_self(a, "difference_update")?;
    for other in &a[1..] {
        for k in collect(other)? {
            crate::builtins::set_discard(st, &k)?;
        }
    }
    Ok(none())
}
fn set_symmetric_difference_update(a: &[ObjRef], _k: &Kw) -> R {
    set_update_with(a, "symmetric_difference_update", B::Xor)
}

fn set_rel(args: &[ObjRef], name: &str, op: C) -> R {
    let st = any_set(args, name)?;
    check_args(name, &args[1..], 1, 1)?;
    let other = as_set(&args[1])?;
    Ok(pybool(
        crate::builtins::set_compare(st, &other, op)?.unwrap_or(false),
    ))
}

fn set_issubset(a: &[ObjRef], _k: &Kw) -> R {
    set_rel(a, "issubset", C::LessEqual)
}
fn set_issuperset(a: &[ObjRef], _k: &Kw) -> R {
    set_rel(a, "issuperset", C::GreaterEqual)
}
fn set_isdisjoint(args: &[ObjRef], _kw: &Kw) -> R {
    let st = any_set(args, "isdisjoint")?;
    check_args("isdisjoint", &args[1..], 1, 1)?;
    for k in collect(&args[1])? {
        if crate::builtins::set_contains(st, &k)? {
            return Ok(pybool(false));
        }
    }
    Ok(pybool(true))
}

// ---------------------------------------------------------------------------------------
// int, float, bytes

fn int_bit_length(args: &[ObjRef], _kw: &Kw) -> R {
    let i = this(args, Kind::Int, "int", "bit_length")?;
    ssize(crate::int::to_big(i.as_obj()).magnitude().bits() as usize)
}

fn int_bit_count(args: &[ObjRef], _kw: &Kw) -> R {
    let i = this(args, Kind::Int, "int", "bit_count")?;
    let m = crate::int::to_big(i.as_obj());
    int(m
        .magnitude()
        .to_u32_digits()
        .iter()
        .map(|d| d.count_ones() as i64)
        .sum())
}

fn int_conjugate(args: &[ObjRef], _kw: &Kw) -> R {
    let i = this(args, Kind::Int, "int", "conjugate")?;
    crate::int::from_big(&crate::int::to_big(i.as_obj()))
}

fn int_to_bytes(args: &[ObjRef], kw: &Kw) -> R {
    let i = this(args, Kind::Int, "int", "to_bytes")?;
    let length = match arg(args, kw, 1, "length") {
        Some(l) => to_index(&l)?,
        None => 1,
    };
    let order = arg(args, kw, 2, "byteorder")
        .map(|o| sv(&o))
        .unwrap_or_else(|| "big".into());
    let signed = match kw.get("signed") {
        Some(v) => truthy(&v)?,
        None => false,
    };
    let v = crate::int::to_big(i.as_obj());
    if v.sign() == num_bigint::Sign::Minus && !signed {
        return Err(new_exc(
            "OverflowError",
            "can't convert negative int to unsigned",
        ));
    }
    let mut bytes = v.to_signed_bytes_le();
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if bytes.len() > length as usize {
        return Err(new_exc("OverflowError", "int too big to convert"));
    }
    let fill = if v.sign() == num_bigint::Sign::Minus {
        0xff
    } else {
        0
    };
    crate::builtins::check_alloc(length as usize)?;
    bytes.resize(length as usize, fill);
    if order == "big" {
        bytes.reverse();
    } else if order != "little" {
        return Err(value_error("byteorder must be either 'little' or 'big'"));
    }
    crate::builtins::new_bytes(&bytes)
}

fn int_from_bytes(args: &[ObjRef], kw: &Kw) -> R {
    let data = arg(args, kw, 1, "bytes")
        .ok_or_else(|| type_error("from_bytes() missing required argument 'bytes' (pos 1)"))?;
    let order = arg(args, kw, 2, "byteorder")
        .map(|o| sv(&o))
        .unwrap_or_else(|| "big".into());
    let signed = match kw.get("signed") {
        Some(v) => truthy(&v)?,
        None => false,
    };
    let mut b: Vec<u8> = if kind(data.as_obj()) == Kind::Bytes {
        crate::builtins::bytes_data(data.as_obj()).to_vec()
    } else if let Some(v) = crate::bytearray::bytes_like(&data) {
        v
    } else if kind(data.as_obj()) == Kind::Str
        || (crate::typeobj::lookup_special(&data, "__iter__").is_none()
            && crate::typeobj::lookup_special(&data, "__getitem__").is_none())
    {
        // `PyObject_Bytes` refuses text and anything that is not iterable.
        return Err(type_error(format!(
            "cannot convert '{}' object to bytes",
            obj_type_name(&data)
        )));
    } else {
        collect(&data)?
            .iter()
            .map(|x| to_index(x).map(|v| v as u8))
            .collect::<R<_>>()?
    };
    if order == "big" {
        b.reverse();
    }
    let v = if signed {
        num_bigint::BigInt::from_signed_bytes_le(&b)
    } else {
        num_bigint::BigInt::from_bytes_le(num_bigint::Sign::Plus, &b)
    };
    // `_PyLong_FromByteArray` sizes the int for the significant bytes (those past the
    // sign-extension bytes).
    let pad = if signed && b.last().is_some_and(|&x| x & 0x80 != 0) {
        0xff
    } else {
        0
    };
    let significant = b.iter().rposition(|&x| x != pad).map_or(0, |i| i + 1);
    crate::int::from_big_as(
        &v,
        crate::int::IntAlloc::AtLeast((significant * 8).div_ceil(30)),
    )
}

fn float_is_integer(args: &[ObjRef], _kw: &Kw) -> R {
    let f = this(args, Kind::Float, "float", "is_integer")?;
    let v = float_val(f).unwrap_or(0.0);
    Ok(pybool(v.is_finite() && v.fract() == 0.0))
}

fn float_as_integer_ratio(args: &[ObjRef], _kw: &Kw) -> R {
    let f = this(args, Kind::Float, "float", "as_integer_ratio")?;
    let v = float_val(f).unwrap_or(0.0);
    if v.is_nan() {
        return Err(value_error("cannot convert NaN to integer ratio"));
    }
    if v.is_infinite() {
        return Err(new_exc(
            "OverflowError",
            "cannot convert Infinity to integer ratio",
        ));
    }
    let bits = v.to_bits();
    let neg = bits >> 63 != 0;
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (mut m, mut e) = if exp == 0 {
        (mant, -1074)
    } else {
        (mant | (1 << 52), exp - 1075)
    };
    if m == 0 {
        return crate::seq::new_tuple(vec![int(0)?, int(1)?]);
    }
    while m & 1 == 0 && e < 0 {
        m >>= 1;
        e += 1;
    }
    let mut num = num_bigint::BigInt::from(m);
    let mut den = num_bigint::BigInt::from(1);
    if e > 0 {
        num <<= e as usize;
    } else {
        den <<= (-e) as usize;
    }
    if neg {
        num = -num;
    }
    crate::seq::new_tuple(vec![
        crate::int::from_big(&num)?,
        crate::int::from_big(&den)?,
    ])
}

fn float_hex(args: &[ObjRef], _kw: &Kw) -> R {
    let f = this(args, Kind::Float, "float", "hex")?;
    let v = float_val(f).unwrap_or(0.0);
    if v.is_nan() {
        return s("nan");
    }
    if v.is_infinite() {
        return s(if v > 0.0 { "inf" } else { "-inf" });
    }
    let sign = if v.is_sign_negative() { "-" } else { "" };
    if v == 0.0 {
        return s(&format!("{sign}0x0.0p+0"));
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i64;
    let mant = bits & ((1u64 << 52) - 1);
    let (lead, e) = if exp == 0 {
        (0, -1022)
    } else {
        (1, exp - 1023)
    };
    s(&format!(
        "{sign}0x{lead}.{mant:013x}p{}{e}",
        if e >= 0 { "+" } else { "" }
    ))
}

fn float_conjugate(args: &[ObjRef], _kw: &Kw) -> R {
    let f = this(args, Kind::Float, "float", "conjugate")?;
    new_float(float_val(f).unwrap_or(0.0))
}

fn bytes_decode(args: &[ObjRef], kw: &Kw) -> R {
    let b = this(args, Kind::Bytes, "bytes", "decode")?;
    let data = crate::builtins::bytes_data(b.as_obj());
    let enc = arg(args, kw, 1, "encoding")
        .map(|e| sv(&e).to_lowercase().replace('_', "-"))
        .unwrap_or_else(|| "utf-8".into());
    let errors = arg(args, kw, 2, "errors")
        .map(|e| sv(&e))
        .unwrap_or_else(|| "strict".into());
    match enc.as_str() {
        "utf-8" | "utf8" => s(&decode_with_errors(data, &errors, true)?),
        "ascii" if errors != "strict" => s(&decode_with_errors(data, &errors, false)?),
        "ascii" => {
            if let Some(p) = data.iter().position(|&c| c >= 128) {
                return Err(crate::exc::unicode_error(
                    "UnicodeDecodeError",
                    "ascii",
                    crate::builtins::new_bytes(data),
                    p,
                    p + 1,
                    "ordinal not in range(128)",
                ));
            }
            s(std::str::from_utf8(data).unwrap_or_default())
        }
        "latin-1" | "latin1" | "iso-8859-1" => {
            s(&data.iter().map(|&c| c as char).collect::<String>())
        }
        e if let Some((width, le)) = crate::widecodecs::lookup(e) => {
            if !matches!(errors.as_str(), "strict" | "replace" | "ignore") {
                return Err(new_exc(
                    "LookupError",
                    &format!("unknown error handler name '{errors}'"),
                ));
            }
            decoded(
                crate::widecodecs::decode(data, width, le, &errors),
                crate::widecodecs::codec_name(width, le),
                data,
            )
        }
        "unicode-escape" | "raw-unicode-escape" => {
            let raw = enc.starts_with("raw");
            decoded(
                crate::escapes::decode(data, raw),
                if raw {
                    "rawunicodeescape"
                } else {
                    "unicodeescape"
                },
                data,
            )
        }
        _ => Err(new_exc("LookupError", &format!("unknown encoding: {enc}"))),
    }
}

/// The text a codec decoded from `data`, or its error as CPython's `UnicodeDecodeError`.
fn decoded(r: Result<String, crate::escapes::DecodeError>, codec: &str, data: &[u8]) -> R {
    match r {
        Ok(text) => s(&text),
        Err(e) => Err(crate::exc::unicode_error(
            "UnicodeDecodeError",
            codec,
            crate::builtins::new_bytes(data),
            e.start,
            e.end,
            e.reason,
        )),
    }
}

/// UTF-8 (or ASCII) decoding with the `strict`, `ignore`, `replace` and
/// `backslashreplace` error handlers and CPython's error messages.
fn decode_with_errors(data: &[u8], errors: &str, utf8: bool) -> R<String> {
    let codec = if utf8 { "utf-8" } else { "ascii" };
    let mut out = String::new();
    let mut pos = 0;
    while pos < data.len() {
        let rest = &data[pos..];
        let (valid, bad, reason) = if utf8 {
            match std::str::from_utf8(rest) {
                Ok(t) => {
                    out.push_str(t);
                    break;
                }
                Err(e) => {
                    let v = e.valid_up_to();
                    let lead = rest[v];
                    let invalid_start = matches!(lead, 0x80..=0xc1 | 0xf5..=0xff);
                    match e.error_len() {
                        None => (v, rest.len() - v, "unexpected end of data"),
                        Some(_) if invalid_start => (v, 1, "invalid start byte"),
                        Some(n) => (v, n, "invalid continuation byte"),
                    }
                }
            }
        } else {
            match rest.iter().position(|&c| c >= 128) {
                None => {
                    out.extend(rest.iter().map(|&c| c as char));
                    break;
                }
                Some(v) => (v, 1, "ordinal not in range(128)"),
            }
        };
        out.push_str(std::str::from_utf8(&rest[..valid]).unwrap_or_default());
        let start = pos + valid;
        let seg = &data[start..start + bad];
        match errors {
            "ignore" => {}
            "replace" => out.push('\u{fffd}'),
            "backslashreplace" => {
                for c in seg {
                    out.push_str(&format!("\\x{c:02x}"));
                }
            }
            "strict" => {
                return Err(crate::exc::unicode_error(
                    "UnicodeDecodeError",
                    codec,
                    crate::builtins::new_bytes(data),
                    start,
                    start + bad,
                    reason,
                ));
            }
            other => {
                return Err(new_exc(
                    "LookupError",
                    &format!("unknown error handler name '{other}'"),
                ));
            }
        }
        pos = start + bad;
    }
    Ok(out)
}

/// The bytes of a bytes-like argument, or CPython's TypeError.
fn bytes_arg(o: &ObjRef) -> R<Vec<u8>> {
    crate::bytearray::bytes_like(o).ok_or_else(|| {
        type_error(format!(
            "a bytes-like object is required, not '{}'",
            obj_type_name(o)
        ))
    })
}

/// `bytes.translate(table, /, delete=b'')`: bytes in `delete` go, the others are mapped
/// through the 256-byte `table` (`None`: kept).
fn bytes_translate(args: &[ObjRef], kw: &Kw) -> R {
    let b = this(args, Kind::Bytes, "bytes", "translate")?;
    // Argument Clinic's messages: `table` is positional-only.
    match args.len() - 1 {
        0 => {
            return Err(type_error(
                "translate() takes at least 1 positional argument (0 given)",
            ));
        }
        n if n + kw.0.len() > 2 => {
            return Err(type_error(format!(
                "translate() takes at most 2 arguments ({} given)",
                n + kw.0.len()
            )));
        }
        _ => {}
    }
    let table = args[1].clone();
    let table = if kind(table.as_obj()) == Kind::NoneType {
        None
    } else {
        let t = bytes_arg(&table)?;
        if t.len() != 256 {
            return Err(value_error("translation table must be 256 characters long"));
        }
        Some(t)
    };
    let delete = match arg(args, kw, 2, "delete") {
        Some(d) => bytes_arg(&d)?,
        None => Vec::new(),
    };
    let mut gone = [false; 256];
    for &d in &delete {
        gone[d as usize] = true;
    }
    let out: Vec<u8> = crate::builtins::bytes_data(b.as_obj())
        .iter()
        .filter(|&&c| !gone[c as usize])
        .map(|&c| table.as_ref().map_or(c, |t| t[c as usize]))
        .collect();
    if table.is_none() && delete.is_empty() && kind(b.as_obj()) == Kind::Bytes {
        // Nothing changed: CPython returns the object itself.
        return Ok(b.clone());
    }
    crate::builtins::new_bytes(&out)
}

/// `bytes.maketrans(frm, to)`: the identity table with `frm[i]` mapped to `to[i]`.
fn bytes_maketrans(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("maketrans", args, 2, 2)?;
    let (frm, to) = (bytes_arg(&args[0])?, bytes_arg(&args[1])?);
    if frm.len() != to.len() {
        return Err(value_error("maketrans arguments must have same length"));
    }
    let mut table: Vec<u8> = (0..=255).collect();
    for (f, t) in frm.iter().zip(&to) {
        table[*f as usize] = *t;
    }
    crate::builtins::new_bytes(&table)
}

fn bytes_hex(args: &[ObjRef], kw: &Kw) -> R {
    let b = this(args, Kind::Bytes, "bytes", "hex")?;
    check_args("hex", &args[1..], 0, 2)?;
    let data = crate::builtins::bytes_data(b.as_obj());
    hex_with_sep(
        data,
        arg(args, kw, 1, "sep"),
        arg(args, kw, 2, "bytes_per_sep"),
    )
}

/// `bytes.hex(sep, bytes_per_sep)`: groups of `bytes_per_sep` bytes counted from the
/// right (from the left when negative).
pub fn hex_with_sep(data: &[u8], sep: Option<ObjRef>, per: Option<ObjRef>) -> R {
    let plain = || s(&data.iter().map(|c| format!("{c:02x}")).collect::<String>());
    let Some(sep) = sep.filter(|x| !is_none(x)) else {
        return plain();
    };
    let sep: String = match kind(sep.as_obj()) {
        Kind::Str => crate::str::as_str(sep.as_obj()).into_owned(),
        Kind::Bytes => crate::builtins::bytes_data(sep.as_obj())
            .iter()
            .map(|&c| c as char)
            .collect(),
        _ => return Err(type_error("sep must be str or bytes.")),
    };
    if sep.chars().count() != 1 {
        return Err(value_error("sep must be length 1."));
    }
    if !sep.is_ascii() {
        return Err(value_error("sep must be ASCII."));
    }
    let per = match per {
        Some(p) => to_index(&p)?,
        None => 1,
    };
    if per == 0 || data.is_empty() {
        return plain();
    }
    let n = per.unsigned_abs() as usize;
    let mut out = String::new();
    for (i, c) in data.iter().enumerate() {
        let boundary = if per > 0 {
            (data.len() - i).is_multiple_of(n)
        } else {
            i % n == 0
        };
        if i > 0 && boundary {
            out.push_str(&sep);
        }
        out.push_str(&format!("{c:02x}"));
    }
    s(&out)
}

fn bytes_join(args: &[ObjRef], _kw: &Kw) -> R {
    let b = this(args, Kind::Bytes, "bytes", "join")?;
    check_args("join", &args[1..], 1, 1)?;
    let sep = crate::builtins::bytes_data(b.as_obj()).to_vec();
    let mut out = Vec::new();
    for (i, it) in collect(&args[1])?.iter().enumerate() {
        let part = match kind(it.as_obj()) {
            Kind::Bytes => crate::builtins::bytes_data(it.as_obj()).to_vec(),
            Kind::ByteArray => crate::bytearray::data(it.as_obj()),
            _ => {
                return Err(type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    obj_type_name(it)
                )));
            }
        };
        if i > 0 {
            out.extend_from_slice(&sep);
        }
        out.extend_from_slice(&part);
    }
    crate::builtins::new_bytes(&out)
}

// bytes methods that mirror str methods run the str method on the latin-1 decoding (one
// character per byte) and encode the results back.

fn latin1_str(b: &[u8]) -> R {
    s(&b.iter().map(|&c| c as char).collect::<String>())
}

fn to_latin1_arg(o: &ObjRef) -> R {
    match kind(o.as_obj()) {
        Kind::Bytes => latin1_str(crate::builtins::bytes_data(o.as_obj())),
        Kind::Tuple => crate::seq::new_tuple(
            crate::seq::tuple_items(o.as_obj())
                .iter()
                .map(to_latin1_arg)
                .collect::<R<_>>()?,
        ),
        Kind::Str => Err(type_error(format!(
            "a bytes-like object is required, not '{}'",
            obj_type_name(o)
        ))),
        _ => Ok(o.clone()),
    }
}

fn from_latin1_result(o: ObjRef) -> R {
    match kind(o.as_obj()) {
        Kind::Str => crate::builtins::new_bytes(
            &crate::str::as_str(o.as_obj())
                .chars()
                .map(|c| c as u8)
                .collect::<Vec<_>>(),
        ),
        Kind::List => crate::seq::new_list(
            crate::seq::list_items(o.as_obj())
                .into_iter()
                .map(from_latin1_result)
                .collect::<R<_>>()?,
        ),
        Kind::Tuple => crate::seq::new_tuple(
            crate::seq::tuple_items(o.as_obj())
                .iter()
                .cloned()
                .map(from_latin1_result)
                .collect::<R<_>>()?,
        ),
        _ => Ok(o),
    }
}

fn bytes_via(args: &[ObjRef], kw: &Kw, name: &str, f: NativeFn) -> R {
    let b = this(args, Kind::Bytes, "bytes", name)?;
    let mut v = vec![latin1_str(crate::builtins::bytes_data(b.as_obj()))?];
    for a in &args[1..] {
        v.push(to_latin1_arg(a)?);
    }
    let kw = Kw(kw
        .0
        .iter()
        .map(|(k, x)| Ok((k.clone(), to_latin1_arg(x)?)))
        .collect::<R<_>>()?);
    from_latin1_result(f(&v, &kw)?)
}

macro_rules! bytes_methods {
    ($($fname:ident => $pyname:literal, $strfn:ident;)*) => {
        $(fn $fname(args: &[ObjRef], kw: &Kw) -> R {
            bytes_via(args, kw, $pyname, $strfn)
        })*
        const BYTES_VIA_STR: &[(&str, NativeFn)] = &[$(($pyname, $fname)),*];
    };
}

bytes_methods! {
    bytes_upper => "upper", str_upper;
    bytes_lower => "lower", str_lower;
    bytes_strip => "strip", str_strip;
    bytes_lstrip => "lstrip", str_lstrip;
    bytes_rstrip => "rstrip", str_rstrip;
    bytes_split => "split", str_split;
    bytes_rsplit => "rsplit", str_rsplit;
    bytes_splitlines => "splitlines", str_splitlines;
    bytes_replace => "replace", str_replace;
    bytes_startswith => "startswith", str_startswith;
    bytes_endswith => "endswith", str_endswith;
    bytes_find => "find", str_find;
    bytes_rfind => "rfind", str_rfind;
    bytes_index => "index", str_index;
    bytes_rindex => "rindex", str_rindex;
    bytes_count => "count", str_count;
    bytes_capitalize => "capitalize", str_capitalize;
    bytes_title => "title", str_title;
    bytes_swapcase => "swapcase", str_swapcase;
    bytes_isdigit => "isdigit", str_isdecimal;
    bytes_isalpha => "isalpha", str_isalpha_ascii;
    bytes_isalnum => "isalnum", str_isalnum_ascii;
    bytes_isspace => "isspace", str_isspace;
    bytes_isupper => "isupper", str_isupper;
    bytes_islower => "islower", str_islower;
    bytes_center => "center", str_center;
    bytes_ljust => "ljust", str_ljust;
    bytes_rjust => "rjust", str_rjust;
    bytes_zfill => "zfill", str_zfill;
    bytes_partition => "partition", str_partition;
    bytes_rpartition => "rpartition", str_rpartition;
    bytes_removeprefix => "removeprefix", str_removeprefix;
    bytes_removesuffix => "removesuffix", str_removesuffix;
    bytes_expandtabs => "expandtabs", str_expandtabs;
    bytes_istitle => "istitle", str_istitle;
    bytes_isascii => "isascii", str_isascii;
}

fn str_isalpha_ascii(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isalpha", |t| t.chars().all(|c| c.is_ascii_alphabetic()))
}
fn str_isalnum_ascii(a: &[ObjRef], _k: &Kw) -> R {
    str_pred(a, "isalnum", |t| {
        t.chars().all(|c| c.is_ascii_alphanumeric())
    })
}

// ---------------------------------------------------------------------------------------
// generators

fn gen_self<'a>(args: &'a [ObjRef], name: &str) -> R<&'a ObjRef> {
    this(args, Kind::Generator, "generator", name)
}

fn gen_send(args: &[ObjRef], _kw: &Kw) -> R {
    let g = gen_self(args, "send")?;
    check_args("send", &args[1..], 1, 1)?;
    crate::genobj::send(g, args[1].clone())
}

fn gen_throw(args: &[ObjRef], _kw: &Kw) -> R {
    let g = gen_self(args, "throw")?;
    check_args("throw", &args[1..], 1, 3)?;
    let t = &args[1];
    let e = if kind(t.as_obj()) == Kind::Type {
        let a: Vec<ObjRef> = args
            .get(2)
            .filter(|v| !is_none(v))
            .cloned()
            .into_iter()
            .collect();
        let inst = call(t, &a)?;
        if kind(inst.as_obj()) != Kind::BaseException {
            return Err(type_error(
                "exceptions must be classes or instances deriving from BaseException, not type",
            ));
        }
        inst
    } else if kind(t.as_obj()) == Kind::BaseException {
        t.clone()
    } else {
        return Err(type_error(format!(
            "exceptions must be classes or instances deriving from BaseException, not {}",
            obj_type_name(t)
        )));
    };
    crate::genobj::throw(g, crate::exc::Exc(e))
}

/// The arguments of a `__get__` slot wrapper (`wrap_descr_get` unpacks them with an
/// empty function name, hence CPython's " expected at least 1 argument, got 0").
fn check_descr_get_args(args: &[ObjRef]) -> R<()> {
    check_args("", &args[1.min(args.len())..], 1, 2)
}

/// `function.__get__(obj, type=None)`: a bound method (the function itself for `None`).
fn function_get(args: &[ObjRef], _kw: &Kw) -> R {
    check_descr_get_args(args)?;
    if is_none(&args[1]) {
        if args.get(2).is_none_or(is_none) {
            return Err(type_error("__get__(None, None) is invalid"));
        }
        return Ok(args[0].clone());
    }
    crate::call::new_method(args[0].clone(), args[1].clone())
}

/// `staticmethod.__get__(obj, type=None)`: the wrapped callable.
fn staticmethod_get(args: &[ObjRef], _kw: &Kw) -> R {
    check_descr_get_args(args)?;
    if is_none(&args[1]) && args.get(2).is_none_or(is_none) {
        return Err(type_error("__get__(None, None) is invalid"));
    }
    match args[0].as_obj().downcast::<WrapperBody>() {
        Some(w) => Ok(w.0.get()),
        None => Err(type_error(
            "descriptor '__get__' requires a 'staticmethod' object",
        )),
    }
}

/// `classmethod.__get__(obj, type=None)`: the wrapped callable bound to `type` (or to
/// the type of `obj`).
fn classmethod_get(args: &[ObjRef], _kw: &Kw) -> R {
    check_descr_get_args(args)?;
    let cls = match args.get(2).filter(|t| !is_none(t)) {
        Some(t) => t.clone(),
        None if is_none(&args[1]) => {
            return Err(type_error("__get__(None, None) is invalid"));
        }
        None => crate::typeobj::type_of(args[1].as_obj()),
    };
    match args[0].as_obj().downcast::<WrapperBody>() {
        Some(w) => crate::call::new_method(w.0.get(), cls),
        None => Err(type_error(
            "descriptor '__get__' requires a 'classmethod' object",
        )),
    }
}

/// `it.__next__()`: the next item or `StopIteration`.
fn iter_next_m(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__next__", args, 1, 1)?;
    match crate::iter::next(&args[0])? {
        Some(v) => Ok(v),
        None => Err(crate::exc::new_exc_args("StopIteration", vec![])),
    }
}

/// `it.__iter__()`: the iterator itself.
fn iter_self_m(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__iter__", args, 1, 1)?;
    Ok(args[0].clone())
}

fn gen_close(args: &[ObjRef], _kw: &Kw) -> R {
    let g = gen_self(args, "close")?;
    crate::genobj::close(g)?;
    Ok(none())
}

// ---------------------------------------------------------------------------------------
// object, type, exceptions

fn object_init(args: &[ObjRef], kw: &Kw) -> R {
    if args.len() > 1 || !kw.is_empty() {
        let o = &args[0];
        let t = crate::typeobj::type_of(o.as_obj());
        let own_init = crate::typeobj::lookup(t.as_obj(), &crate::str::intern("__init__"))
            .is_some_and(|f| kind(f.as_obj()) == Kind::Function);
        if own_init {
            return Err(type_error(
                "object.__init__() takes exactly one argument (the instance to initialize)",
            ));
        }
        return Err(type_error(format!(
            "{}() takes no arguments",
            crate::typeobj::type_name(t.as_obj())
        )));
    }
    Ok(none())
}

fn object_new(args: &[ObjRef], kw: &Kw) -> R {
    // `tp_new_wrapper` is METH_VARARGS: the call builds a tuple of every argument.
    let _tp = crate::call::TpCallArgs::new(args, kw)?;
    let Some(cls) = args.first() else {
        return Err(type_error("object.__new__(): not enough arguments"));
    };
    if kind(cls.as_obj()) != Kind::Type {
        return Err(type_error(format!(
            "object.__new__(X): X is not a type object ({})",
            obj_type_name(cls)
        )));
    }
    if !tb(cls.as_obj()).is_heap
        && let Some(ctor) = constructor(cls)
    {
        if cls.is(&builtin_type(Kind::Object)) {
            return ctor(cls, &[], &Kw::EMPTY);
        }
        // `tp_new_wrapper`: a built-in type with a constructor of its own.
        let cname = crate::typeobj::type_name(cls.as_obj());
        return Err(type_error(format!(
            "object.__new__({cname}) is not safe, use {cname}.__new__()"
        )));
    }
    crate::typeobj::alloc_instance(cls)
}

/// `BaseException.__new__(cls, *args)`: an instance whose `args` are the arguments
/// (`BaseException_new`; `__init__` is not called).
fn exc_new(args: &[ObjRef], kw: &Kw) -> R {
    let _tp = crate::call::TpCallArgs::new(args, kw)?;
    let bt = crate::exc::exc_type("BaseException");
    let Some(cls) = args.first() else {
        return Err(type_error("BaseException.__new__(): not enough arguments"));
    };
    if kind(cls.as_obj()) != Kind::Type {
        return Err(type_error(format!(
            "BaseException.__new__(X): X is not a type object ({})",
            obj_type_name(cls)
        )));
    }
    if !crate::typeobj::is_subtype(cls.as_obj(), bt.as_obj()) {
        let cname = crate::typeobj::type_name(cls.as_obj());
        return Err(type_error(format!(
            "BaseException.__new__({cname}): {cname} is not a subtype of BaseException"
        )));
    }
    // `OSError_new`: the errno picks the subclass, and the arguments fill the fields.
    let cls = crate::call::oserror_subclass(cls, &args[1..]).unwrap_or_else(|| cls.clone());
    let o = crate::typeobj::alloc_instance(&cls)?;
    if let Some(b) = crate::exc::exc_body(o.as_obj()) {
        b.args.set(crate::seq::new_tuple_cloned(&args[1..])?);
        crate::exc::os_error_parse(&o)?;
    }
    Ok(o)
}

fn object_repr(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__repr__", args, 1, 1)?;
    let o = &args[0];
    let t = crate::typeobj::type_of(o.as_obj());
    let m = crate::typeobj::type_module(t.as_obj());
    let q = tb(t.as_obj()).qualname.borrow().clone();
    let name = if m == "builtins" {
        q
    } else {
        format!("{m}.{q}")
    };
    s(&format!("<{name} object at {:#x}>", o.as_obj().addr()))
}

fn object_str(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__str__", args, 1, 1)?;
    s(&repr_of(&args[0])?)
}

fn object_eq(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__eq__", args, 2, 2)?;
    Ok(if args[0].is(&args[1]) {
        pybool(true)
    } else {
        crate::state::notimpl()
    })
}

fn object_ne(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__ne__", args, 2, 2)?;
    let r = crate::ops::compare(&args[0], &args[1], C::Equal)?;
    Ok(pybool(!truthy(&r)?))
}

fn object_hash(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__hash__", args, 1, 1)?;
    int((args[0].as_obj().addr() >> 4) as i64)
}

fn object_setattr(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__setattr__", args, 3, 3)?;
    crate::typeobj::generic_setattr(&args[0], &args[1], Some(args[2].clone()))?;
    Ok(none())
}

fn object_delattr(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__delattr__", args, 2, 2)?;
    crate::typeobj::generic_setattr(&args[0], &args[1], None)?;
    Ok(none())
}

fn object_getattribute(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__getattribute__", args, 2, 2)?;
    // The generic lookup without the class's own __getattribute__ (which is what
    // `object.__getattribute__(self, name)` in an override asks for). __getattr__ is
    // not consulted here; the caller's slot does that.
    match crate::typeobj::generic_getattr_no_hook(&args[0], &args[1])? {
        Some(v) => Ok(v),
        None => Err(crate::typeobj::attr_error(&args[0], &args[1])),
    }
}

fn object_sizeof(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__sizeof__", args, 1, 1)?;
    ssize(crate::typeobj::object_sizeof(args[0].as_obj()) as usize)
}

fn own_sizeof(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__sizeof__", args, 1, 1)?;
    ssize(crate::modules::basic_sizeof(&args[0]))
}

fn object_dir(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__dir__", args, 1, 1)?;
    crate::call::call(
        &crate::dict::get_str(crate::state::rt().builtins.as_obj(), "dir").unwrap_or_else(none),
        &[args[0].clone()],
    )
}

/// `object.__subclasshook__`: a class method that leaves the decision to the normal
/// mechanism.
fn object_subclasshook(_args: &[ObjRef], _kw: &Kw) -> R {
    Ok(crate::state::notimpl())
}

fn object_init_subclass(_args: &[ObjRef], _kw: &Kw) -> R {
    Ok(none())
}

fn object_format(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__format__", args, 2, 2)?;
    let spec = sv(&args[1]);
    if !spec.is_empty() {
        return Err(type_error(format!(
            "unsupported format string passed to {}.__format__",
            obj_type_name(&args[0])
        )));
    }
    s(&str_of(&args[0])?)
}

fn object_reduce_ex(args: &[ObjRef], _kw: &Kw) -> R {
    Err(type_error(format!(
        "cannot pickle '{}' object",
        obj_type_name(&args[0])
    )))
}

fn type_mro(args: &[ObjRef], _kw: &Kw) -> R {
    let t = this(args, Kind::Type, "type", "mro")?;
    crate::seq::new_list(tb(t.as_obj()).mro.borrow().to_vec())
}

/// `X | Y` for classes (PEP 604): `types.UnionType`, built by `types._union_or`
/// (`NotImplemented` for an operand that cannot be in a union).
fn type_or(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__or__", args, 2, 2)?;
    union_or(&args[0], &args[1])
}

fn type_ror(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__ror__", args, 2, 2)?;
    union_or(&args[1], &args[0])
}

pub fn union_or(a: &ObjRef, b: &ObjRef) -> R {
    let types = crate::builtins::import_module("types")?;
    let f = crate::typeobj::getattr(&types, &crate::str::intern("_union_or"))?;
    call(&f, &[a.clone(), b.clone()])
}

fn type_subclasses(args: &[ObjRef], _kw: &Kw) -> R {
    let t = this(args, Kind::Type, "type", "__subclasses__")?;
    crate::seq::new_list(crate::typeobj::subclasses(t.as_obj()))
}

fn type_new_method(args: &[ObjRef], kw: &Kw) -> R {
    // `tp_new_wrapper` is METH_VARARGS: the call builds a tuple of every argument.
    let _tp = crate::call::TpCallArgs::new(args, kw)?;
    // type.__new__(mcs, name, bases, ns)
    if args.len() != 4 {
        return Err(type_error("type.__new__() takes exactly 3 arguments"));
    }
    let meta = &args[0];
    let name = sv(&args[1]);
    if kind(args[2].as_obj()) != Kind::Tuple {
        return Err(type_error(format!(
            "type.__new__() argument 2 must be tuple, not {}",
            obj_type_name(&args[2])
        )));
    }
    let cls = crate::typeobj::new_class(meta, &name, &args[2], &args[3])?;
    init_subclass(&cls, kw)?;
    Ok(cls)
}

fn type_init_method(_args: &[ObjRef], _kw: &Kw) -> R {
    Ok(none())
}

fn type_call_method(args: &[ObjRef], kw: &Kw) -> R {
    let Some(cls) = args.first() else {
        return Err(type_error(
            "descriptor '__call__' of 'type' object needs an argument",
        ));
    };
    if tb(cls.as_obj()).base_kind == Kind::Type {
        return type_new(cls, &args[1..], kw);
    }
    crate::call::type_call_default(cls, &args[1..], kw)
}

fn exc_init(args: &[ObjRef], kw: &Kw) -> R {
    let Some(e) = args.first() else {
        return Err(type_error(
            "descriptor '__init__' of 'BaseException' object needs an argument",
        ));
    };
    if let Some(b) = crate::exc::exc_body(e.as_obj()) {
        b.args.set(crate::seq::new_tuple_cloned(&args[1..])?);
        crate::exc::os_error_parse(&args[0])?;
        crate::exc::import_error_parse(&args[0], kw)?;
        crate::exc::name_members_parse(&args[0], kw)?;
    }
    Ok(none())
}

fn exc_with_traceback(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("with_traceback", &args[1.min(args.len())..], 1, 1)?;
    crate::typeobj::generic_setattr(
        &args[0],
        &crate::str::intern("__traceback__"),
        Some(args[1].clone()),
    )?;
    Ok(args[0].clone())
}

fn exc_add_note(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("add_note", &args[1.min(args.len())..], 1, 1)?;
    let e = &args[0];
    if kind(args[1].as_obj()) != Kind::Str {
        return Err(type_error(format!(
            "note must be a str, not '{}'",
            obj_type_name(&args[1])
        )));
    }
    let b = crate::exc::exc_body(e.as_obj())
        .ok_or_else(|| type_error("add_note() requires an exception"))?;
    let notes = match b.notes.get() {
        Some(n) => n,
        None => {
            let l = crate::seq::new_list(Vec::new())?;
            b.notes.set(Some(l.clone()));
            l
        }
    };
    crate::seq::list_append(notes.as_obj(), args[1].clone())?;
    Ok(none())
}

/// `BaseExceptionGroup.split(matcher)`, `.subgroup(matcher)`, `.derive(excs)`: one
/// argument each, computed by `_pymm_eg`.
fn eg_method(name: &str, args: &[ObjRef], kw: &Kw) -> R {
    crate::call::no_kw(name, kw)?;
    check_args(name, &args[1.min(args.len())..], 1, 1)?;
    crate::exc::eg_helper(name, args)
}

fn eg_split(args: &[ObjRef], kw: &Kw) -> R {
    eg_method("split", args, kw)
}

fn eg_subgroup(args: &[ObjRef], kw: &Kw) -> R {
    eg_method("subgroup", args, kw)
}

fn eg_derive(args: &[ObjRef], kw: &Kw) -> R {
    eg_method("derive", args, kw)
}

fn exc_str_m(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__str__", args, 1, 1)?;
    s(&crate::exc::exc_str(&args[0])?)
}

fn exc_repr_m(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__repr__", args, 1, 1)?;
    s(&crate::builtins::builtin_repr(&args[0])?)
}

fn property_getter(args: &[ObjRef], _kw: &Kw) -> R {
    property_copy(args, 0)
}
fn property_setter(args: &[ObjRef], _kw: &Kw) -> R {
    property_copy(args, 1)
}
fn property_deleter(args: &[ObjRef], _kw: &Kw) -> R {
    property_copy(args, 2)
}

/// `property_copy`: a new property with one accessor replaced, the same name, and the
/// doc string (taken again from the new getter when the old one came from a getter).
fn property_copy(args: &[ObjRef], which: usize) -> R {
    let what = ["getter", "setter", "deleter"][which];
    let p = this(args, Kind::Property, "property", what)?;
    check_args(what, &args[1..], 1, 1)?;
    let b = p.as_obj().downcast::<PropertyBody>().expect("property");
    let f = Some(args[1].clone()).filter(|f| !is_none(f));
    let get = if which == 0 { f.clone() } else { b.fget.get() };
    let doc = if b.getter_doc.get() && get.is_some() {
        None
    } else {
        b.doc.get()
    };
    let n = new_property(
        get,
        if which == 1 { f.clone() } else { b.fset.get() },
        if which == 2 { f } else { b.fdel.get() },
        doc,
    )?;
    let nb = n.as_obj().downcast::<PropertyBody>().expect("property");
    nb.name.set(b.name.get());
    Ok(n)
}

/// `property_init`: without a doc string, the getter's `__doc__` (when not None) is
/// the property's.
fn new_property(
    fget: Option<ObjRef>,
    fset: Option<ObjRef>,
    fdel: Option<ObjRef>,
    doc: Option<ObjRef>,
) -> R {
    let mut getter_doc = false;
    let doc = match (doc, &fget) {
        (Some(d), _) => Some(d),
        (None, Some(g)) => {
            let d = crate::typeobj::getattr_opt(g, &crate::str::intern_static("__doc__"))?
                .filter(|d| !is_none(d));
            getter_doc = d.is_some();
            d
        }
        (None, None) => None,
    };
    let o = ObjRef::new(
        &PROPERTY_T,
        PropertyBody {
            fget: OptSlot::new(fget),
            fset: OptSlot::new(fset),
            fdel: OptSlot::new(fdel),
            doc: OptSlot::new(doc),
            name: OptSlot::new(None),
            getter_doc: std::cell::Cell::new(getter_doc),
        },
    )
    .map_err(|_| crate::exc::memory_error())?;
    o.track();
    Ok(o)
}

/// `callable.__call__(*args, **kw)`: calls the receiver.
fn call_self(args: &[ObjRef], kw: &Kw) -> R {
    let Some((f, rest)) = args.split_first() else {
        return Err(type_error("descriptor '__call__' needs an argument"));
    };
    call_kw(f, rest, kw)
}

/// `property.__set_name__(owner, name)`.
fn property_set_name(args: &[ObjRef], _kw: &Kw) -> R {
    let p = this(args, Kind::Property, "property", "__set_name__")?;
    check_args("__set_name__", &args[1..], 2, 2)?;
    let b = p.as_obj().downcast::<PropertyBody>().expect("property");
    b.name.set(Some(args[2].clone()));
    Ok(none())
}

/// The AttributeError of a property used without the accessor it lacks
/// (`property_descr_get`/`property_descr_set`): its `__set_name__` name and the
/// instance type's qualified name, both as reprs.
pub fn property_missing(p: &PropertyBody, obj: &ObjRef, what: &str) -> crate::exc::Exc {
    let t = crate::typeobj::type_of(obj.as_obj());
    let q = crate::str::repr(&tb(t.as_obj()).qualname.borrow());
    let msg = match p.name.get().map(|n| crate::ops::repr_of(&n)) {
        Some(Ok(n)) => format!("property {n} of {q} object has no {what}"),
        _ => format!("property of {q} object has no {what}"),
    };
    new_exc("AttributeError", &msg)
}

fn property_get(args: &[ObjRef], _kw: &Kw) -> R {
    let p = this(args, Kind::Property, "property", "__get__")?;
    check_args("__get__", &args[1..], 1, 2)?;
    if is_none(&args[1]) {
        return Ok(p.clone());
    }
    let b = p.as_obj().downcast::<PropertyBody>().expect("property");
    match b.fget.get() {
        Some(f) => call(&f, &[args[1].clone()]),
        None => Err(property_missing(b, &args[1], "getter")),
    }
}

fn property_set(args: &[ObjRef], _kw: &Kw) -> R {
    let p = this(args, Kind::Property, "property", "__set__")?;
    check_args("__set__", &args[1..], 2, 2)?;
    let b = p.as_obj().downcast::<PropertyBody>().expect("property");
    match b.fset.get() {
        Some(f) => call(&f, &[args[1].clone(), args[2].clone()]),
        None => Err(property_missing(b, &args[1], "setter")),
    }
}

// ---------------------------------------------------------------------------------------
// Special methods of the built-in types, for explicit calls (`dict.__getitem__(d, k)`,
// `super().__setitem__(k, v)`). They run the built-in behaviour of the receiver's body and
// never dispatch back to overrides; the interpreter itself does not call them.

fn recv<'a>(args: &'a [ObjRef], name: &str, n: usize) -> R<&'a ObjRef> {
    match args.first() {
        Some(o) if args.len() == n + 1 => Ok(o),
        Some(_) => Err(type_error(format!(
            "expected {n} argument{}, got {}",
            if n == 1 { "" } else { "s" },
            args.len() - 1
        ))),
        None => Err(type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

fn d_len(args: &[ObjRef], _kw: &Kw) -> R {
    ssize(crate::ops::builtin_len(recv(args, "__len__", 0)?)?)
}
fn d_getitem(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__getitem__", 1)?;
    crate::builtins::builtin_getitem(o, &args[1])
}
fn d_setitem(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__setitem__", 2)?;
    crate::builtins::builtin_setitem(o, args[1].clone(), Some(args[2].clone()))?;
    Ok(none())
}
fn d_delitem(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__delitem__", 1)?;
    crate::builtins::builtin_setitem(o, args[1].clone(), None)?;
    Ok(none())
}
fn d_contains(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__contains__", 1)?;
    Ok(pybool(crate::ops::builtin_contains(o, &args[1])?))
}
fn d_iter(args: &[ObjRef], _kw: &Kw) -> R {
    crate::iter::builtin_iter(recv(args, "__iter__", 0)?)
}
fn d_repr(args: &[ObjRef], _kw: &Kw) -> R {
    s(&crate::builtins::builtin_repr(recv(args, "__repr__", 0)?)?)
}
fn d_hash(args: &[ObjRef], _kw: &Kw) -> R {
    crate::int::from_i64_as(
        crate::ops::builtin_hash(recv(args, "__hash__", 0)?)? as i64,
        crate::int::IntAlloc::Exact,
    )
}

fn d_cmp(args: &[ObjRef], name: &str, op: C) -> R {
    let o = recv(args, name, 1)?;
    Ok(match crate::ops::builtin_compare(o, &args[1], op)? {
        Some(b) => pybool(b),
        None => crate::state::notimpl(),
    })
}

macro_rules! cmp_dunders {
    ($($f:ident => $name:literal, $op:expr;)*) => {
        $(fn $f(args: &[ObjRef], _kw: &Kw) -> R { d_cmp(args, $name, $op) })*
        const CMP_DUNDERS: &[(&str, NativeFn)] = &[$(($name, $f)),*];
    };
}

cmp_dunders! {
    d_eq => "__eq__", C::Equal;
    d_ne => "__ne__", C::NotEqual;
    d_lt => "__lt__", C::Less;
    d_le => "__le__", C::LessEqual;
    d_gt => "__gt__", C::Greater;
    d_ge => "__ge__", C::GreaterEqual;
}

/// The built-in arithmetic of two values (ints included); `NotImplemented` when the
/// operand types do not support it.
fn builtin_arith(op: B, a: &ObjRef, b: &ObjRef) -> R {
    if crate::int::is_int(a.as_obj())
        && crate::int::is_int(b.as_obj())
        && let Some(r) = crate::int::binop(op, a.as_obj(), b.as_obj())
    {
        return r;
    }
    Ok(crate::builtins::builtin_binop(op, a, b)?.unwrap_or_else(crate::state::notimpl))
}

macro_rules! arith_dunders {
    ($($f:ident, $rf:ident => $name:literal, $rname:literal, $op:expr;)*) => {
        $(
            fn $f(args: &[ObjRef], _kw: &Kw) -> R {
                let o = recv(args, $name, 1)?;
                builtin_arith($op, o, &args[1])
            }
            fn $rf(args: &[ObjRef], _kw: &Kw) -> R {
                let o = recv(args, $rname, 1)?;
                builtin_arith($op, &args[1], o)
            }
        )*
        const ARITH_DUNDERS: &[(&str, &str, NativeFn, NativeFn)] = &[$(($name, $rname, $f, $rf)),*];
    };
}

arith_dunders! {
    d_add, d_radd => "__add__", "__radd__", B::Add;
    d_sub, d_rsub => "__sub__", "__rsub__", B::Subtract;
    d_mul, d_rmul => "__mul__", "__rmul__", B::Multiply;
    d_truediv, d_rtruediv => "__truediv__", "__rtruediv__", B::TrueDivide;
    d_floordiv, d_rfloordiv => "__floordiv__", "__rfloordiv__", B::FloorDivide;
    d_mod, d_rmod => "__mod__", "__rmod__", B::Remainder;
    d_pow, d_rpow => "__pow__", "__rpow__", B::Power;
    d_and, d_rand => "__and__", "__rand__", B::And;
    d_or, d_ror => "__or__", "__ror__", B::Or;
    d_xor, d_rxor => "__xor__", "__rxor__", B::Xor;
    d_lshift, d_rlshift => "__lshift__", "__rlshift__", B::Lshift;
    d_rshift, d_rrshift => "__rshift__", "__rrshift__", B::Rshift;
}

fn d_neg(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__neg__", 0)?;
    if crate::int::is_int(o.as_obj()) {
        return crate::int::neg(o.as_obj());
    }
    new_float(-float_val(o).unwrap_or(0.0))
}
fn d_pos(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__pos__", 0)?;
    if crate::int::is_int(o.as_obj()) {
        return crate::int::from_big(&crate::int::to_big(o.as_obj()));
    }
    new_float(float_val(o).unwrap_or(0.0))
}
fn d_abs(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__abs__", 0)?;
    if crate::int::is_int(o.as_obj()) {
        let b = crate::int::to_big(o.as_obj());
        return crate::int::from_big(&num_traits::Signed::abs(&b));
    }
    new_float(float_val(o).unwrap_or(0.0).abs())
}
fn d_int(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__int__", 0)?;
    if crate::int::is_int(o.as_obj()) {
        return crate::int::from_big(&crate::int::to_big(o.as_obj()));
    }
    ctor_int(
        &builtin_type(Kind::Int),
        &[new_float(float_val(o).unwrap_or(0.0))?],
        &Kw::EMPTY,
    )
}
fn d_float(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__float__", 0)?;
    new_float(crate::builtins::to_f64(o)?)
}
fn d_index(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__index__", 0)?;
    crate::int::from_big(&crate::int::to_big(o.as_obj()))
}
fn d_bool(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__bool__", 0)?;
    Ok(pybool(if crate::int::is_int(o.as_obj()) {
        crate::int::is_true(o.as_obj())
    } else {
        float_val(o).unwrap_or(0.0) != 0.0
    }))
}
fn d_format(args: &[ObjRef], _kw: &Kw) -> R {
    let o = recv(args, "__format__", 1)?;
    let spec = str_arg(&args[1], "format spec")?;
    s(&crate::builtins::builtin_format(o, &spec)?)
}

/// Registers the special methods each built-in type has in CPython.
fn register_dunders() {
    use Kind as K;
    let all = [
        K::Int,
        K::Bool,
        K::Float,
        K::Complex,
        K::Str,
        K::Bytes,
        K::Tuple,
        K::List,
        K::Dict,
        K::Set,
        K::FrozenSet,
        K::Range,
    ];
    for k in all {
        let name = crate::typeobj::type_name(builtin_type(k).as_obj());
        let owner: &'static str = Box::leak(name.into_boxed_str());
        add(k, owner, "__repr__", d_repr);
        for &(n, f) in CMP_DUNDERS {
            add(k, owner, n, f);
        }
        if matches!(k, K::List | K::Dict | K::Set) {
            crate::dict::set_str(&tb(builtin_type(k).as_obj()).dict, "__hash__", none());
        } else {
            add(k, owner, "__hash__", d_hash);
        }
        if matches!(
            k,
            K::Str | K::Bytes | K::Tuple | K::List | K::Dict | K::Set | K::FrozenSet | K::Range
        ) {
            add(k, owner, "__len__", d_len);
            add(k, owner, "__contains__", d_contains);
            add(k, owner, "__iter__", d_iter);
        }
        if matches!(
            k,
            K::Str | K::Bytes | K::Tuple | K::List | K::Dict | K::Range
        ) {
            add(k, owner, "__getitem__", d_getitem);
        }
        if matches!(k, K::List | K::Dict) {
            add(k, owner, "__setitem__", d_setitem);
            add(k, owner, "__delitem__", d_delitem);
        }
        let arith: &[&str] = match k {
            K::Int | K::Bool => &[
                "__add__",
                "__sub__",
                "__mul__",
                "__truediv__",
                "__floordiv__",
                "__mod__",
                "__pow__",
                "__and__",
                "__or__",
                "__xor__",
                "__lshift__",
                "__rshift__",
            ],
            K::Float | K::Complex => &[
                "__add__",
                "__sub__",
                "__mul__",
                "__truediv__",
                "__floordiv__",
                "__mod__",
                "__pow__",
            ],
            K::Str | K::Bytes => &["__add__", "__mul__", "__mod__"],
            K::Tuple | K::List => &["__add__", "__mul__"],
            K::Set | K::FrozenSet => &["__and__", "__or__", "__xor__", "__sub__"],
            K::Dict => &["__or__"],
            _ => &[],
        };
        for &(n, rn, f, rf) in ARITH_DUNDERS {
            if arith.contains(&n) {
                add(k, owner, n, f);
                if !matches!(k, K::Str | K::Bytes | K::Tuple | K::List) || n == "__mul__" {
                    add(k, owner, rn, rf);
                }
            }
        }
        if matches!(k, K::Int | K::Bool | K::Float) {
            add(k, owner, "__neg__", d_neg);
            add(k, owner, "__pos__", d_pos);
            add(k, owner, "__abs__", d_abs);
            add(k, owner, "__int__", d_int);
            add(k, owner, "__float__", d_float);
            add(k, owner, "__bool__", d_bool);
        }
        if matches!(k, K::Int | K::Bool) {
            add(k, owner, "__index__", d_index);
        }
        if matches!(k, K::Int | K::Bool | K::Float | K::Str) {
            add(k, owner, "__format__", d_format);
        }
    }
}

/// Fills the type dicts with the methods of the built-in types.
pub fn register_methods() {
    register_dunders();
    crate::bytearray::register();
    crate::memoryview::register();
    use Kind as K;
    let str_methods: &[(&'static str, NativeFn)] = &[
        ("strip", str_strip),
        ("lstrip", str_lstrip),
        ("rstrip", str_rstrip),
        ("split", str_split),
        ("rsplit", str_rsplit),
        ("splitlines", str_splitlines),
        ("join", str_join),
        ("replace", str_replace),
        ("find", str_find),
        ("rfind", str_rfind),
        ("index", str_index),
        ("rindex", str_rindex),
        ("count", str_count),
        ("startswith", str_startswith),
        ("endswith", str_endswith),
        ("upper", str_upper),
        ("__str__", str_dunder_str),
        ("lower", str_lower),
        ("casefold", str_casefold),
        ("capitalize", str_capitalize),
        ("title", str_title),
        ("swapcase", str_swapcase),
        ("isdigit", str_isdigit),
        ("isdecimal", str_isdecimal),
        ("isnumeric", str_isnumeric),
        ("isalpha", str_isalpha),
        ("isalnum", str_isalnum),
        ("isspace", str_isspace),
        ("isupper", str_isupper),
        ("islower", str_islower),
        ("istitle", str_istitle),
        ("isidentifier", str_isidentifier),
        ("isascii", str_isascii),
        ("isprintable", str_isprintable),
        ("ljust", str_ljust),
        ("rjust", str_rjust),
        ("center", str_center),
        ("zfill", str_zfill),
        ("partition", str_partition),
        ("rpartition", str_rpartition),
        ("removeprefix", str_removeprefix),
        ("removesuffix", str_removesuffix),
        ("expandtabs", str_expandtabs),
        ("encode", str_encode),
        ("format", str_format),
        ("format_map", str_format_map),
        ("translate", str_translate),
    ];
    for &(n, f) in str_methods {
        add(K::Str, "str", n, f);
    }
    let st = builtin_type(K::Str);
    crate::dict::set_str(
        &tb(st.as_obj()).dict,
        "maketrans",
        static_method(type_static(&st, "maketrans", str_maketrans)),
    );
    let list_methods: &[(&'static str, NativeFn)] = &[
        ("append", list_append),
        ("extend", list_extend),
        ("insert", list_insert),
        ("pop", list_pop),
        ("remove", list_remove),
        ("index", list_index),
        ("count", list_count),
        ("reverse", list_reverse),
        ("copy", list_copy),
        ("clear", list_clear),
        ("sort", list_sort),
        ("__init__", list_init),
    ];
    for &(n, f) in list_methods {
        add(K::List, "list", n, f);
    }
    add(K::Tuple, "tuple", "index", tuple_index);
    add(K::Tuple, "tuple", "count", tuple_count);
    let dict_methods: &[(&'static str, NativeFn)] = &[
        ("keys", dict_keys),
        ("values", dict_values),
        ("items", dict_items),
        ("get", dict_get),
        ("setdefault", dict_setdefault),
        ("pop", dict_pop),
        ("popitem", dict_popitem),
        ("update", dict_update),
        ("copy", dict_copy),
        ("clear", dict_clear),
        ("__init__", dict_init),
    ];
    for &(n, f) in dict_methods {
        add(K::Dict, "dict", n, f);
    }
    let dt = builtin_type(K::Dict);
    crate::dict::set_str(
        &tb(dt.as_obj()).dict,
        "fromkeys",
        class_method(new_builtin("fromkeys", dict_fromkeys, "")),
    );
    let set_methods: &[(&'static str, NativeFn)] = &[
        ("add", set_add),
        ("discard", set_discard),
        ("remove", set_remove),
        ("pop", set_pop),
        ("clear", set_clear),
        ("update", set_update),
        ("intersection_update", set_intersection_update),
        ("difference_update", set_difference_update),
        (
            "symmetric_difference_update",
            set_symmetric_difference_update,
        ),
    ];
    for &(n, f) in set_methods {
        add(K::Set, "set", n, f);
    }
    let shared: &[(&'static str, NativeFn)] = &[
        ("copy", set_copy),
        ("union", set_union),
        ("intersection", set_intersection),
        ("difference", set_difference),
        ("symmetric_difference", set_symmetric_difference),
        ("issubset", set_issubset),
        ("issuperset", set_issuperset),
        ("isdisjoint", set_isdisjoint),
    ];
    for &(n, f) in shared {
        add(K::Set, "set", n, f);
        add(K::FrozenSet, "frozenset", n, f);
    }
    add(K::Int, "int", "bit_length", int_bit_length);
    add(K::Int, "int", "bit_count", int_bit_count);
    add(K::Int, "int", "conjugate", int_conjugate);
    add(K::Int, "int", "to_bytes", int_to_bytes);
    let it = builtin_type(K::Int);
    crate::dict::set_str(
        &tb(it.as_obj()).dict,
        "from_bytes",
        class_method(new_builtin("from_bytes", int_from_bytes, "")),
    );
    add(K::Float, "float", "is_integer", float_is_integer);
    add(
        K::Float,
        "float",
        "as_integer_ratio",
        float_as_integer_ratio,
    );
    add(K::Float, "float", "hex", float_hex);
    add(K::Float, "float", "conjugate", float_conjugate);
    let ft = builtin_type(K::Float);
    crate::dict::set_str(
        &tb(ft.as_obj()).dict,
        "fromhex",
        class_method(new_builtin("fromhex", float_fromhex, "")),
    );
    let bt = builtin_type(K::Bytes);
    crate::dict::set_str(
        &tb(bt.as_obj()).dict,
        "fromhex",
        class_method(new_builtin("fromhex", bytes_fromhex, "")),
    );
    let bat = builtin_type(K::ByteArray);
    crate::dict::set_str(
        &tb(bat.as_obj()).dict,
        "fromhex",
        class_method(new_builtin("fromhex", bytes_fromhex, "")),
    );
    add(K::Complex, "complex", "conjugate", complex_conjugate);
    add(K::Complex, "complex", "__complex__", complex_complex);
    add(K::Slice, "slice", "indices", slice_indices);
    add(K::Range, "range", "index", range_index);
    add(K::Range, "range", "count", range_count);
    add(K::DictView, "dict_keys", "isdisjoint", view_isdisjoint);
    add(K::Int, "int", "as_integer_ratio", int_as_integer_ratio);
    add(K::Int, "int", "__round__", int_round);
    add(K::Float, "float", "__trunc__", float_trunc);
    add(K::Float, "float", "__floor__", float_floor);
    add(K::Float, "float", "__ceil__", float_ceil);
    add(K::Float, "float", "__round__", float_round);
    for n in ["__trunc__", "__floor__", "__ceil__"] {
        add(K::Int, "int", n, int_identity);
    }
    add(K::Bytes, "bytes", "decode", bytes_decode);
    add(K::Bytes, "bytes", "hex", bytes_hex);
    add(K::Bytes, "bytes", "translate", bytes_translate);
    for t in [bt.clone(), bat.clone()] {
        crate::dict::set_str(
            &tb(t.as_obj()).dict,
            "maketrans",
            static_method(type_static(&t, "maketrans", bytes_maketrans)),
        );
    }
    add(K::Bytes, "bytes", "join", bytes_join);
    for &(n, f) in BYTES_VIA_STR {
        add(K::Bytes, "bytes", n, f);
    }
    add(K::Function, "function", "__get__", function_get);
    add(K::StaticMethod, "staticmethod", "__get__", staticmethod_get);
    add(K::ClassMethod, "classmethod", "__get__", classmethod_get);
    add(K::Generator, "generator", "send", gen_send);
    add(K::Generator, "generator", "__next__", iter_next_m);
    add(K::Generator, "generator", "__iter__", iter_self_m);
    add(K::Iterator, "iterator", "__next__", iter_next_m);
    add(K::Iterator, "iterator", "__iter__", iter_self_m);
    add(K::Generator, "generator", "throw", gen_throw);
    add(K::Generator, "generator", "close", gen_close);
    let object_methods: &[(&'static str, NativeFn)] = &[
        ("__init__", object_init),
        ("__repr__", object_repr),
        ("__str__", object_str),
        ("__eq__", object_eq),
        ("__ne__", object_ne),
        ("__hash__", object_hash),
        ("__setattr__", object_setattr),
        ("__delattr__", object_delattr),
        ("__getattribute__", object_getattribute),
        ("__sizeof__", object_sizeof),
        ("__dir__", object_dir),
        ("__format__", object_format),
        ("__reduce_ex__", object_reduce_ex),
    ];
    for &(n, f) in object_methods {
        add(K::Object, "object", n, f);
    }
    let ot = builtin_type(K::Object);
    crate::dict::set_str(
        &tb(ot.as_obj()).dict,
        "__new__",
        static_method(type_static(&ot, "__new__", object_new)),
    );
    let bt = crate::exc::exc_type("BaseException");
    crate::dict::set_str(
        &tb(bt.as_obj()).dict,
        "__new__",
        static_method(type_static(&bt, "__new__", exc_new)),
    );
    crate::dict::set_str(
        &tb(ot.as_obj()).dict,
        "__init_subclass__",
        class_method(new_builtin("__init_subclass__", object_init_subclass, "")),
    );
    crate::dict::set_str(
        &tb(ot.as_obj()).dict,
        "__subclasshook__",
        class_method(new_builtin("__subclasshook__", object_subclasshook, "")),
    );
    for k in [
        K::Tuple,
        K::Int,
        K::Bool,
        K::Float,
        K::Str,
        K::Bytes,
        K::FrozenSet,
        K::List,
        K::Dict,
        K::Set,
        K::WeakRef,
    ] {
        let t = builtin_type(k);
        crate::dict::set_str(
            &tb(t.as_obj()).dict,
            "__new__",
            static_method(type_static(&t, "__new__", dunder_new_of(k))),
        );
    }
    add(
        K::WeakRef,
        "weakref.ReferenceType",
        "__init__",
        crate::weakrefs::ref_init,
    );
    add(K::Type, "type", "mro", type_mro);
    add(K::Type, "type", "__or__", type_or);
    add(K::Type, "type", "__ror__", type_ror);
    add(K::Type, "type", "__subclasses__", type_subclasses);
    // The types with their own `__sizeof__` (their buffers count), unlike `object`'s.
    for (k, owner) in [
        (K::Int, "int"),
        (K::Bool, "bool"),
        (K::Str, "str"),
        (K::Bytes, "bytes"),
        (K::ByteArray, "bytearray"),
        (K::List, "list"),
        (K::Dict, "dict"),
        (K::Set, "set"),
        (K::FrozenSet, "frozenset"),
        (K::Array, "array"),
        (K::Code, "code"),
        (K::Generator, "generator"),
        (K::MemoryView, "memoryview"),
        (K::Type, "type"),
    ] {
        add(k, owner, "__sizeof__", own_sizeof);
    }
    add(K::Type, "type", "__init__", type_init_method);
    add(K::Type, "type", "__call__", type_call_method);
    let tt = builtin_type(K::Type);
    crate::dict::set_str(
        &tb(tt.as_obj()).dict,
        "__new__",
        static_method(type_static(&tt, "__new__", type_new_method)),
    );
    let be = crate::exc::exc_type("BaseException");
    add_to(&be, "BaseException", "__init__", exc_init);
    add_to(&be, "BaseException", "with_traceback", exc_with_traceback);
    add_to(&be, "BaseException", "add_note", exc_add_note);
    add_to(&be, "BaseException", "__str__", exc_str_m);
    add_to(&be, "BaseException", "__repr__", exc_repr_m);
    let beg = crate::exc::exc_type("BaseExceptionGroup");
    add_to(&beg, "BaseExceptionGroup", "split", eg_split);
    add_to(&beg, "BaseExceptionGroup", "subgroup", eg_subgroup);
    add_to(&beg, "BaseExceptionGroup", "derive", eg_derive);
    add(K::Property, "property", "getter", property_getter);
    add(K::Property, "property", "setter", property_setter);
    add(K::Property, "property", "deleter", property_deleter);
    add(K::Property, "property", "__get__", property_get);
    add(K::Property, "property", "__set__", property_set);
    add(K::Property, "property", "__set_name__", property_set_name);
    crate::typeobj::add_builtin_attribute_descriptors().expect("out of memory at start-up");
    // The `tp_call` slot wrappers of the built-in callables (`f.__call__(...)`).
    add(K::Function, "function", "__call__", call_self);
    add(
        K::BuiltinFunction,
        "builtin_function_or_method",
        "__call__",
        call_self,
    );
    add(K::Method, "method", "__call__", call_self);
}

fn wrap(k: &'static pymm_mem::TypeInfo, f: ObjRef) -> ObjRef {
    try_wrap(k, f).expect("out of memory at start-up")
}

/// The static method (or class method) `type_new` makes of a plain function named
/// `__new__` (or `__init_subclass__`, `__class_getitem__`).
pub(crate) fn implicit_wrapper(f: ObjRef, is_static: bool) -> R {
    try_wrap(
        if is_static {
            &STATICMETHOD_T
        } else {
            &CLASSMETHOD_T
        },
        f,
    )
}

fn try_wrap(k: &'static pymm_mem::TypeInfo, f: ObjRef) -> R {
    let o = ObjRef::new(k, WrapperBody(Slot::new(f), OptSlot::new(None)))
        .map_err(|_| crate::exc::memory_error())?;
    o.track();
    Ok(o)
}

/// `functools_wraps` of `sm_init`/`cm_init` (3.10+): the wrapper's dict gets the
/// callable's `__module__`, `__name__`, `__qualname__`, `__doc__` and `__annotations__`
/// (those it has). `PyStaticMethod_New`, used for the implicit wrappers, does not.
fn wraps(w: &ObjRef, callable: &ObjRef) -> R<()> {
    for name in [
        "__module__",
        "__name__",
        "__qualname__",
        "__doc__",
        "__annotations__",
    ] {
        let key = crate::str::intern_static(name);
        match crate::typeobj::getattr(callable, &key) {
            Ok(v) => crate::typeobj::setattr(w, &key, Some(v))?,
            Err(e) if crate::exc::matches(&e.0, "AttributeError") => {}
            Err(e) => return Err(e),
        }
    }
    Ok(())
}

// ---------------------------------------------------------------------------------------
// float.fromhex, bytes.fromhex, complex.conjugate, slice.indices, range.index/count,
// dict view isdisjoint, int.as_integer_ratio / __round__

fn hex_float_error() -> crate::exc::Exc {
    value_error("invalid hexadecimal floating-point string")
}

/// Parses `float.fromhex` input; correctly rounded (ties to even), like CPython.
fn parse_hex_float(text: &str) -> R<f64> {
    use num_traits::{ToPrimitive, Zero};
    let t = text.trim_matches(|c: char| c.is_ascii_whitespace());
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower = t.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN.copysign(sign));
    }
    let body = lower.strip_prefix("0x").unwrap_or(&lower);
    let (mant, exp) = match body.find('p') {
        Some(i) => (&body[..i], Some(&body[i + 1..])),
        None => (body, None),
    };
    let (ip, fp) = match mant.find('.') {
        Some(i) => (&mant[..i], &mant[i + 1..]),
        None => (mant, ""),
    };
    let hexok = |s: &str| s.bytes().all(|c| c.is_ascii_hexdigit());
    if (ip.is_empty() && fp.is_empty()) || !hexok(ip) || !hexok(fp) {
        return Err(hex_float_error());
    }
    let mut e: i64 = 0;
    if let Some(x) = exp {
        let digits = x.strip_prefix(['+', '-']).unwrap_or(x);
        if digits.is_empty() || !digits.bytes().all(|c| c.is_ascii_digit()) {
            return Err(hex_float_error());
        }
        e = digits
            .trim_start_matches('0')
            .parse::<i64>()
            .unwrap_or(if digits.trim_start_matches('0').is_empty() {
                0
            } else {
                i64::MAX / 4
            })
            .min(i64::MAX / 4);
        if x.starts_with('-') {
            e = -e;
        }
    }
    let m = num_bigint::BigUint::parse_bytes(format!("{ip}{fp}0").as_bytes(), 16)
        .unwrap_or_default()
        >> 4u32;
    if m.is_zero() {
        return Ok(sign * 0.0);
    }
    let e = e.saturating_sub(4 * fp.len() as i64);
    let nbits = m.bits() as i64;
    let top = nbits.saturating_add(e);
    if top > 1024 {
        return Err(new_exc(
            "OverflowError",
            "hexadecimal value too large to represent as a float",
        ));
    }
    let p = if top > -1022 { 53 } else { top + 1074 };
    if p < 0 {
        return Ok(sign * 0.0);
    }
    let shift = nbits - p;
    let (q, k) = if shift > 0 {
        let q = &m >> (shift as u64);
        let rem = &m - (&q << (shift as u64));
        let half = num_bigint::BigUint::from(1u8) << ((shift - 1) as u64);
        let odd = q.bit(0);
        let q = if rem > half || (rem == half && odd) {
            q + 1u8
        } else {
            q
        };
        (q, e + shift)
    } else {
        (m, e)
    };
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let pow2 = |x: i64| f64::from_bits(((x + 1023) as u64) << 52);
    let v = if k > 1023 - 60 {
        qf * pow2(k - 100) * pow2(100)
    } else if k < -1022 {
        qf * pow2(k + 600) * pow2(-600)
    } else {
        qf * pow2(k)
    };
    if v.is_infinite() {
        return Err(new_exc(
            "OverflowError",
            "hexadecimal value too large to represent as a float",
        ));
    }
    Ok(sign * v)
}

fn float_fromhex(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("fromhex", args, 2, 2)?;
    if kind(args[1].as_obj()) != Kind::Str {
        return Err(type_error(format!(
            "must be str, not {}",
            obj_type_name(&args[1])
        )));
    }
    let v = parse_hex_float(&crate::str::as_str(args[1].as_obj()))?;
    let f = new_float(v)?;
    if args[0].is(&builtin_type(Kind::Float)) {
        return Ok(f);
    }
    call(&args[0], &[f])
}

fn bytes_fromhex(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("fromhex", args, 2, 2)?;
    if kind(args[1].as_obj()) != Kind::Str {
        return Err(type_error(format!(
            "fromhex() argument must be str, not {}",
            obj_type_name(&args[1])
        )));
    }
    let text = crate::str::as_str(args[1].as_obj()).into_owned();
    let chars: Vec<char> = text.chars().collect();
    let mut out = Vec::with_capacity(chars.len() / 2);
    let mut i = 0;
    while i < chars.len() {
        if chars[i].is_ascii_whitespace() {
            i += 1;
            continue;
        }
        let hi = chars[i].to_digit(16).filter(|_| chars[i].is_ascii());
        let lo = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()));
        match (hi, lo) {
            (Some(h), Some(l)) => out.push((h * 16 + l) as u8),
            _ => {
                let pos = if hi.is_none() { i } else { i + 1 };
                return Err(value_error(format!(
                    "non-hexadecimal number found in fromhex() arg at position {pos}"
                )));
            }
        }
        i += 2;
    }
    let b = crate::builtins::new_bytes(&out)?;
    if args[0].is(&builtin_type(Kind::Bytes)) {
        return Ok(b);
    }
    call(&args[0], &[b])
}

fn complex_conjugate(args: &[ObjRef], _kw: &Kw) -> R {
    let c = this(args, Kind::Complex, "complex", "conjugate")?;
    let b = c.as_obj().downcast::<ComplexBody>().expect("complex");
    ObjRef::new(&COMPLEX_T, ComplexBody(b.0, -b.1)).map_err(|_| crate::exc::memory_error())
}

fn complex_complex(args: &[ObjRef], _kw: &Kw) -> R {
    let c = this(args, Kind::Complex, "complex", "__complex__")?;
    let b = c.as_obj().downcast::<ComplexBody>().expect("complex");
    ObjRef::new(&COMPLEX_T, ComplexBody(b.0, b.1)).map_err(|_| crate::exc::memory_error())
}

fn slice_indices(args: &[ObjRef], _kw: &Kw) -> R {
    let sl = this(args, Kind::Slice, "slice", "indices")?;
    check_args("indices", &args[1..], 1, 1)?;
    let len = to_index(&args[1])?;
    if len < 0 {
        return Err(value_error("length should not be negative"));
    }
    let b = sl.as_obj().downcast::<SliceBody>().expect("slice");
    let part = |o: &ObjRef| -> R<Option<i64>> {
        if is_none(o) {
            return Ok(None);
        }
        if !crate::int::is_int(o.as_obj())
            && crate::typeobj::lookup_special(o, "__index__").is_none()
        {
            return Err(type_error(
                "slice indices must be integers or None or have an __index__ method",
            ));
        }
        match to_index(o) {
            Ok(v) => Ok(Some(v)),
            Err(_) => {
                // Huge values clamp like CPython's PyNumber_AsSsize_t(o, NULL).
                let big = crate::int::to_big(o.as_obj());
                Ok(Some(if big.sign() == num_bigint::Sign::Minus {
                    i64::MIN / 2
                } else {
                    i64::MAX / 2
                }))
            }
        }
    };
    let (start, stop, step) = (part(&b.start)?, part(&b.stop)?, part(&b.step)?);
    let (a, z, st, _) = crate::seq::slice_indices(start, stop, step, len as usize)?;
    crate::seq::new_tuple(vec![int(a)?, int(z)?, int(st)?])
}

/// `x`'s position in the range when `x` is an int in it.
pub fn range_position(r: &ObjRef, x: &ObjRef) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    use num_traits::{Signed, Zero};
    if !crate::int::is_int(x.as_obj()) {
        return None;
    }
    let b = r.as_obj().downcast::<RangeBody>().expect("range");
    let (start, stop, step) = (
        crate::int::to_big(b.start.as_obj()),
        crate::int::to_big(b.stop.as_obj()),
        crate::int::to_big(b.step.as_obj()),
    );
    let v = crate::int::to_big(x.as_obj());
    let inside = if step.is_positive() {
        v >= start && v < stop
    } else {
        v <= start && v > stop
    };
    if !inside {
        return None;
    }
    let (q, rem) = (&v - &start).div_mod_floor(&step);
    rem.is_zero().then_some(q)
}

fn range_index(args: &[ObjRef], _kw: &Kw) -> R {
    let r = this(args, Kind::Range, "range", "index")?;
    check_args("index", &args[1..], 1, 1)?;
    let x = &args[1];
    if crate::int::is_int(x.as_obj()) {
        return match range_position(r, x) {
            Some(i) => crate::int::from_big(&i),
            None => Err(value_error(format!("{} is not in range", repr_of(x)?))),
        };
    }
    for (i, v) in collect(r)?.iter().enumerate() {
        if eq_bool(v, x)? {
            return ssize(i);
        }
    }
    Err(value_error("sequence.index(x): x not in sequence"))
}

fn range_count(args: &[ObjRef], _kw: &Kw) -> R {
    let r = this(args, Kind::Range, "range", "count")?;
    check_args("count", &args[1..], 1, 1)?;
    let x = &args[1];
    if crate::int::is_int(x.as_obj()) {
        return int(i64::from(range_position(r, x).is_some()));
    }
    let mut n = 0;
    for v in collect(r)? {
        if eq_bool(&v, x)? {
            n += 1;
        }
    }
    ssize(n)
}

fn view_isdisjoint(args: &[ObjRef], _kw: &Kw) -> R {
    let v = this(args, Kind::DictView, "dict_keys", "isdisjoint")?;
    check_args("isdisjoint", &args[1..], 1, 1)?;
    let mine = crate::builtins::new_set(&collect(v)?, true)?;
    for k in collect(&args[1])? {
        if crate::builtins::set_contains(&mine, &k)? {
            return Ok(pybool(false));
        }
    }
    Ok(pybool(true))
}

fn int_as_integer_ratio(args: &[ObjRef], _kw: &Kw) -> R {
    let i = this(args, Kind::Int, "int", "as_integer_ratio")?;
    crate::seq::new_tuple(vec![
        crate::int::from_big(&crate::int::to_big(i.as_obj()))?,
        int(1)?,
    ])
}

fn int_round(args: &[ObjRef], _kw: &Kw) -> R {
    let i = this(args, Kind::Int, "int", "__round__")?;
    check_args("__round__", args, 1, 2)?;
    use num_integer::Integer;
    let v = crate::int::to_big(i.as_obj());
    let n = match args.get(1).filter(|n| !is_none(n)) {
        Some(n) => to_index(n)?,
        None => 0,
    };
    if n >= 0 {
        return crate::int::from_big(&v);
    }
    // Round half to even at 10**-n.
    let p = num_traits::pow(num_bigint::BigInt::from(10), n.unsigned_abs() as usize);
    let (q, r) = v.div_mod_floor(&p);
    let twice = &r * 2;
    let q = if twice > p || (twice == p && q.is_odd()) {
        q + 1
    } else {
        q
    };
    crate::int::from_big(&(q * p))
}

fn float_to_int_with(args: &[ObjRef], name: &str, f: fn(f64) -> f64) -> R {
    let x = this(args, Kind::Float, "float", name)?;
    check_args(name, args, 1, 1)?;
    crate::int::from_f64(f(float_val(x).unwrap_or(0.0)))
}
fn float_trunc(args: &[ObjRef], _kw: &Kw) -> R {
    float_to_int_with(args, "__trunc__", f64::trunc)
}
fn float_floor(args: &[ObjRef], _kw: &Kw) -> R {
    float_to_int_with(args, "__floor__", f64::floor)
}
fn float_ceil(args: &[ObjRef], _kw: &Kw) -> R {
    float_to_int_with(args, "__ceil__", f64::ceil)
}
fn float_round(args: &[ObjRef], _kw: &Kw) -> R {
    let x = this(args, Kind::Float, "float", "__round__")?;
    check_args("__round__", args, 1, 2)?;
    let v = float_val(x).unwrap_or(0.0);
    match args.get(1).filter(|n| !is_none(n)) {
        None => crate::int::from_f64(v.round_ties_even()),
        Some(n) => new_float(crate::format::round_float_checked(v, to_index(n)?)?),
    }
}
fn int_identity(args: &[ObjRef], _kw: &Kw) -> R {
    let i = this(args, Kind::Int, "int", "__trunc__")?;
    crate::int::from_big(&crate::int::to_big(i.as_obj()))
}

/// A static method of built-in type `t` (a `tp_new` wrapper or a `METH_STATIC`
/// function): the type is kept as the function's module slot (CPython's `m_self`),
/// which is not passed to it, so that its repr is a built-in method of the type
/// object.
fn type_static(t: &ObjRef, name: &'static str, f: NativeFn) -> ObjRef {
    let o = new_builtin(name, f, "");
    if let Some(b) = o.as_obj().downcast::<BuiltinBody>() {
        b.module.set(Some(t.clone()));
    }
    o
}

fn static_method(f: ObjRef) -> ObjRef {
    wrap(&STATICMETHOD_T, f)
}

fn class_method(f: ObjRef) -> ObjRef {
    wrap(&CLASSMETHOD_T, f)
}

// ---------------------------------------------------------------------------------------
// Constructors

fn no_kw_ctor(name: &str, kw: &Kw) -> R<()> {
    no_kw(name, kw)
}

fn int_from_str(text: &str, base: u32) -> R {
    // Any Unicode decimal digit counts as its ASCII value (`_PyUnicode_TransformDecimalAndSpaceToASCII`).
    let ascii: String = text
        .chars()
        .map(|c| {
            if !c.is_ascii() && is_decimal_char(c) {
                decimal_value(c)
            } else {
                c
            }
        })
        .collect();
    let t = ascii.trim();
    let cleaned = t.replace('_', "");
    let ok_underscores = !t.starts_with('_') && !t.ends_with('_') && !t.contains("__");
    let body = cleaned.trim_start_matches(['+', '-']).to_ascii_lowercase();
    let radix = match base {
        0 if body.starts_with("0x") || body.starts_with("0o") || body.starts_with("0b") => 2,
        0 => 10,
        b => b,
    };
    if !radix.is_power_of_two() && ok_underscores {
        crate::int::check_str_digits_in(
            body.bytes().take_while(u8::is_ascii_alphanumeric).count(),
        )?;
    }
    let parsed = if ok_underscores {
        crate::int::parse(&cleaned, base)
    } else {
        None
    };
    match parsed {
        Some((v, how)) => crate::int::from_big_as(&v, how),
        None => Err(value_error(format!(
            "invalid literal for int() with base {base}: {}",
            crate::str::repr(text)
        ))),
    }
}

fn ctor_int(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    if !kw.is_empty() {
        // `long_new`'s clinic parser: initialised by the first keyword call.
        crate::call::clinic_parser_init("int", &["base"])?;
    }
    let x = arg(args, kw, 0, "x");
    let base = arg(args, kw, 1, "base");
    if args.len() > 2 {
        return Err(type_error(format!(
            "int() takes at most 2 arguments ({} given)",
            args.len()
        )));
    }
    let Some(x) = x else {
        if base.is_some() {
            return Err(type_error("int() missing string argument"));
        }
        return int(0);
    };
    if let Some(b) = base {
        let b = to_index(&b)?;
        if b != 0 && !(2..=36).contains(&b) {
            return Err(value_error("int() base must be >= 2 and <= 36, or 0"));
        }
        let text = match kind(x.as_obj()) {
            Kind::Str => sv(&x),
            Kind::Bytes => {
                String::from_utf8_lossy(crate::builtins::bytes_data(x.as_obj())).into_owned()
            }
            _ => {
                return Err(type_error(
                    "int() can't convert non-string with explicit base",
                ));
            }
        };
        return int_from_str(&text, b as u32);
    }
    match kind(x.as_obj()) {
        Kind::Int | Kind::Bool if !crate::typeobj::is_heap_instance(x.as_obj()) => {
            crate::int::from_big(&crate::int::to_big(x.as_obj()))
        }
        Kind::Float => {
            let v = float_val(&x).unwrap_or(0.0);
            if v.is_nan() {
                return Err(value_error("cannot convert float NaN to integer"));
            }
            if v.is_infinite() {
                return Err(new_exc(
                    "OverflowError",
                    "cannot convert float infinity to integer",
                ));
            }
            crate::int::from_f64(v.trunc())
        }
        Kind::Str => int_from_str(&sv(&x), 10),
        Kind::Bytes => int_from_str(
            &String::from_utf8_lossy(crate::builtins::bytes_data(x.as_obj())),
            10,
        ),
        _ => {
            for name in ["__int__", "__index__", "__trunc__"] {
                if let Some(f) = crate::typeobj::lookup_special(&x, name) {
                    let r = call(&f, &[x.clone()])?;
                    if !crate::int::is_int(r.as_obj()) {
                        return Err(type_error(format!(
                            "{name} returned non-int (type {})",
                            obj_type_name(&r)
                        )));
                    }
                    return Ok(r);
                }
            }
            Err(type_error(format!(
                "int() argument must be a string, a bytes-like object or a real number, not '{}'",
                obj_type_name(&x)
            )))
        }
    }
}

fn ctor_bool(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    no_kw_ctor("bool", kw)?;
    check_args("bool", args, 0, 1)?;
    Ok(pybool(match args.first() {
        Some(x) => truthy(x)?,
        None => false,
    }))
}

/// Parses a float literal as `float(str)` does.
pub fn parse_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let lower = t.to_ascii_lowercase();
    let body = lower.trim_start_matches(['+', '-']);
    let neg = lower.starts_with('-');
    let v = match body {
        "inf" | "infinity" => f64::INFINITY,
        "nan" => f64::NAN,
        _ => {
            if t.contains("__") || t.starts_with('_') || t.ends_with('_') || body.starts_with("0x")
            {
                return None;
            }
            let c = t.replace('_', "");
            if !c
                .chars()
                .all(|ch| ch.is_ascii_digit() || matches!(ch, '.' | 'e' | 'E' | '+' | '-'))
            {
                return None;
            }
            return c.parse::<f64>().ok();
        }
    };
    Some(if neg { -v } else { v })
}

fn ctor_float(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    no_kw_ctor("float", kw)?;
    check_args("float", args, 0, 1)?;
    let Some(x) = args.first() else {
        return new_float(0.0);
    };
    match kind(x.as_obj()) {
        Kind::Float if !crate::typeobj::is_heap_instance(x.as_obj()) => Ok(x.clone()),
        Kind::Str => {
            let t = sv(x);
            match parse_float(&t) {
                Some(v) => new_float(v),
                None => Err(value_error(format!(
                    "could not convert string to float: {}",
                    crate::str::repr(&t)
                ))),
            }
        }
        // An int too large for a float is an OverflowError, not a TypeError.
        Kind::Int | Kind::Bool => new_float(crate::int::to_f64(x.as_obj())?),
        _ => new_float(crate::builtins::to_f64(x).map_err(|e| {
            if crate::exc::matches(&e.0, "TypeError") {
                type_error(format!(
                    "float() argument must be a string or a real number, not '{}'",
                    obj_type_name(x)
                ))
            } else {
                e
            }
        })?),
    }
}

/// The longest float literal at the start of `s` (`PyOS_string_to_double` with an end
/// pointer): an optional sign, then `inf`/`infinity`/`nan` or decimal digits with an
/// optional fraction and exponent. The value and the bytes used.
fn float_prefix(s: &str) -> Option<(f64, usize)> {
    let b = s.as_bytes();
    let mut i = usize::from(matches!(b.first(), Some(b'+' | b'-')));
    let lower = s[i..].to_ascii_lowercase();
    for (word, v) in [
        ("infinity", f64::INFINITY),
        ("inf", f64::INFINITY),
        ("nan", f64::NAN),
    ] {
        if lower.starts_with(word) {
            let v = if b[0] == b'-' { -v } else { v };
            return Some((v, i + word.len()));
        }
    }
    let digits = |i: &mut usize| {
        let start = *i;
        while b.get(*i).is_some_and(u8::is_ascii_digit) {
            *i += 1;
        }
        *i - start
    };
    let mut n = digits(&mut i);
    if b.get(i) == Some(&b'.') {
        i += 1;
        n += digits(&mut i);
    }
    if n == 0 {
        return None;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        let mut j = i + 1;
        if matches!(b.get(j), Some(b'+' | b'-')) {
            j += 1;
        }
        if digits(&mut j) > 0 {
            i = j;
        }
    }
    s[..i].parse::<f64>().ok().map(|v| (v, i))
}

/// `complex_from_string_inner`: `<float>`, `<float>j`, `<float><signed-float>j`,
/// `<float><sign>j`, `<sign>j` or `j`, optionally in parentheses, with surrounding
/// blanks.
fn parse_complex(text: &str) -> Option<(f64, f64)> {
    let mut s = text.trim_matches(|c: char| c.is_ascii_whitespace());
    if let Some(inner) = s.strip_prefix('(') {
        s = inner
            .strip_suffix(')')?
            .trim_matches(|c: char| c.is_ascii_whitespace());
    }
    let is_j = |s: &str| matches!(s.as_bytes().first(), Some(b'j' | b'J'));
    let (x, y, rest) = match float_prefix(s) {
        Some((z, n)) => {
            let rest = &s[n..];
            match rest.as_bytes().first() {
                Some(b'+' | b'-') => {
                    let (y, rest) = match float_prefix(rest) {
                        Some((y, m)) => (y, &rest[m..]),
                        None => (if rest.starts_with('+') { 1.0 } else { -1.0 }, &rest[1..]),
                    };
                    if !is_j(rest) {
                        return None;
                    }
                    (z, y, &rest[1..])
                }
                Some(b'j' | b'J') => (0.0, z, &rest[1..]),
                _ => (z, 0.0, rest),
            }
        }
        None => {
            let (y, rest) = match s.as_bytes().first() {
                Some(b'+') => (1.0, &s[1..]),
                Some(b'-') => (-1.0, &s[1..]),
                _ => (1.0, s),
            };
            if !is_j(rest) {
                return None;
            }
            (0.0, y, &rest[1..])
        }
    };
    rest.is_empty().then_some((x, y))
}

fn ctor_complex(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let re = arg(args, kw, 0, "real");
    let im = arg(args, kw, 1, "imag");
    if let Some(x) = re.as_ref().filter(|x| kind(x.as_obj()) == Kind::Str) {
        if im.is_some() {
            return Err(type_error(
                "complex() can't take second arg if first is a string",
            ));
        }
        let t = sv(x);
        // `_Py_string_to_number_with_underscores`: each `_` between two digits.
        let b = t.as_bytes();
        let bad_underscore = b.iter().enumerate().any(|(k, &c)| {
            c == b'_'
                && !(k > 0
                    && b[k - 1].is_ascii_digit()
                    && b.get(k + 1).is_some_and(u8::is_ascii_digit))
        });
        if bad_underscore {
            return Err(value_error(format!(
                "could not convert string to complex: {}",
                crate::str::repr(&t)
            )));
        }
        let (r, i) = parse_complex(&t.replace('_', ""))
            .ok_or_else(|| value_error("complex() arg is a malformed string"))?;
        return ObjRef::new(&COMPLEX_T, ComplexBody(r, i)).map_err(|_| crate::exc::memory_error());
    }
    if im.as_ref().is_some_and(|y| kind(y.as_obj()) == Kind::Str) {
        return Err(type_error("complex() second arg can't be a string"));
    }
    // `complex_new_impl`: real + imag*1j, where either part may itself be complex (the
    // signs of zero parts are kept: complex(0, -0.0) is -0j).
    let as_complex = |o: &ObjRef| -> R<((f64, f64), bool)> {
        Ok(match o.as_obj().downcast::<ComplexBody>() {
            Some(c) if kind(o.as_obj()) == Kind::Complex => ((c.0, c.1), true),
            _ => ((crate::builtins::to_f64(o)?, 0.0), false),
        })
    };
    let ((cr_re, cr_im), cr_is_complex) = match &re {
        Some(x) => as_complex(x)?,
        None => ((0.0, 0.0), false),
    };
    let (mut r, mut i) = (cr_re, cr_im);
    if let Some(y) = &im {
        let ((ci_re, ci_im), ci_is_complex) = as_complex(y)?;
        i = ci_re;
        if ci_is_complex {
            r -= ci_im;
        }
        if cr_is_complex {
            i += cr_im;
        }
    }
    let o = ObjRef::new(&COMPLEX_T, ComplexBody(r, i)).map_err(|_| crate::exc::memory_error())?;
    Ok(o)
}

fn ctor_str(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let x = arg(args, kw, 0, "object");
    check_args("str", args, 0, 3)?;
    let Some(x) = x else {
        return Ok(crate::state::sg().empty_str.clone());
    };
    if let Some(enc) = arg(args, kw, 1, "encoding") {
        if kind(x.as_obj()) != Kind::Bytes {
            return Err(type_error(format!(
                "decoding to str: need a bytes-like object, {} found",
                obj_type_name(&x)
            )));
        }
        return bytes_decode(&[x, enc], &Kw::EMPTY);
    }
    if kind(x.as_obj()) == Kind::Str && !crate::typeobj::is_heap_instance(x.as_obj()) {
        return Ok(x);
    }
    s(&str_of(&x)?)
}

fn ctor_bytes(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let x = arg(args, kw, 0, "source");
    let Some(x) = x else {
        return crate::builtins::new_bytes(&[]);
    };
    match kind(x.as_obj()) {
        Kind::Bytes if !crate::typeobj::is_heap_instance(x.as_obj()) => Ok(x),
        Kind::Bytes => crate::builtins::new_bytes(crate::builtins::bytes_data(x.as_obj())),
        Kind::Str => {
            let enc = arg(args, kw, 1, "encoding")
                .ok_or_else(|| type_error("string argument without an encoding"))?;
            str_encode(&[x, enc], &Kw::EMPTY)
        }
        Kind::Int | Kind::Bool => {
            let n = to_index(&x)?;
            if n < 0 {
                return Err(value_error("negative count"));
            }
            crate::builtins::new_bytes(&crate::builtins::try_repeat(&[0u8], n as usize)?)
        }
        _ => {
            let mut out = Vec::new();
            for v in collect(&x)? {
                let n = to_index(&v)?;
                if !(0..256).contains(&n) {
                    return Err(value_error("bytes must be in range(0, 256)"));
                }
                out.push(n as u8);
            }
            crate::builtins::new_bytes(&out)
        }
    }
}

fn ctor_tuple(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    no_kw_ctor("tuple", kw)?;
    check_args("tuple", args, 0, 1)?;
    match args.first() {
        None => Ok(crate::state::sg().empty_tuple.clone()),
        Some(x)
            if kind(x.as_obj()) == Kind::Tuple && !crate::typeobj::is_heap_instance(x.as_obj()) =>
        {
            Ok(x.clone())
        }
        Some(x) => crate::seq::new_tuple(collect(x)?),
    }
}

fn ctor_list(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    no_kw_ctor("list", kw)?;
    check_args("list", args, 0, 1)?;
    // `list_new` allocates through `tp_alloc`, not the free list.
    let l =
        ObjRef::new_fresh(&LIST_T, ListBody::default()).map_err(|_| crate::exc::memory_error())?;
    l.track();
    if let Some(x) = args.first() {
        let items = collect(x)?;
        crate::seq::list_extend(l.as_obj(), items)?;
    }
    Ok(l)
}

fn ctor_dict(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    check_args("dict", args, 0, 1)?;
    // `dict_new` allocates through `tp_alloc`, not the free list.
    let d =
        ObjRef::new_fresh(&DICT_T, DictBody::default()).map_err(|_| crate::exc::memory_error())?;
    dict_update_from(&d, args.first(), kw)?;
    Ok(d)
}

fn ctor_set(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    no_kw_ctor("set", kw)?;
    check_args("set", args, 0, 1)?;
    let s = crate::builtins::new_set(&[], false)?;
    if let Some(x) = args.first() {
        crate::builtins::set_update_from(&s, x)?;
    }
    Ok(s)
}

fn ctor_frozenset(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    no_kw_ctor("frozenset", kw)?;
    check_args("frozenset", args, 0, 1)?;
    match args.first() {
        Some(x)
            if kind(x.as_obj()) == Kind::FrozenSet
                && !crate::typeobj::is_heap_instance(x.as_obj()) =>
        {
            Ok(x.clone())
        }
        Some(x) => {
            let s = crate::builtins::new_set(&[], true)?;
            crate::builtins::set_update_from(&s, x)?;
            Ok(s)
        }
        None => crate::builtins::new_set(&[], true),
    }
}

fn ctor_range(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    no_kw_ctor("range", kw)?;
    if let Some(r) = ctor_range_big(args)? {
        return Ok(r);
    }
    let idx = |o: &ObjRef| -> R<i64> {
        if crate::int::is_int(o.as_obj())
            || crate::typeobj::lookup_special(o, "__index__").is_some()
        {
            to_index(o)
        } else {
            Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                obj_type_name(o)
            )))
        }
    };
    let (a, b, c) = match args.len() {
        1 => (0, idx(&args[0])?, 1),
        2 => (idx(&args[0])?, idx(&args[1])?, 1),
        3 => (idx(&args[0])?, idx(&args[1])?, idx(&args[2])?),
        0 => return Err(type_error("range expected at least 1 argument, got 0")),
        n => {
            return Err(type_error(format!(
                "range expected at most 3 arguments, got {n}"
            )));
        }
    };
    if c == 0 {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    crate::builtins::new_range(a.into(), b.into(), c.into())
}

/// `range()` with arguments beyond `i64` (or a length beyond it): BigInt parts.
fn ctor_range_big(args: &[ObjRef]) -> R<Option<ObjRef>> {
    use num_bigint::BigInt;
    use num_traits::{Signed, ToPrimitive, Zero};
    if !args.iter().all(|a| crate::int::is_int(a.as_obj())) || args.is_empty() || args.len() > 3 {
        return Ok(None);
    }
    let v: Vec<BigInt> = args
        .iter()
        .map(|a| crate::int::to_big(a.as_obj()))
        .collect();
    let (a, b, c) = match v.len() {
        1 => (BigInt::zero(), v[0].clone(), BigInt::from(1)),
        2 => (v[0].clone(), v[1].clone(), BigInt::from(1)),
        _ => (v[0].clone(), v[1].clone(), v[2].clone()),
    };
    if c.is_zero() {
        return Err(value_error("range() arg 3 must not be zero"));
    }
    let len = if c.is_positive() && a < b {
        (&b - &a - 1) / &c + 1
    } else if c.is_negative() && a > b {
        (&a - &b - 1) / (-&c) + 1
    } else {
        BigInt::zero()
    };
    if [&a, &b, &c, &len].iter().all(|x| x.to_i64().is_some()) {
        return Ok(None);
    }
    let body = RangeBody {
        start: crate::int::from_big(&a)?,
        stop: crate::int::from_big(&b)?,
        step: crate::int::from_big(&c)?,
        length: crate::int::from_big(&len)?,
    };
    ObjRef::new(&RANGE_T, body)
        .map(Some)
        .map_err(|_| crate::exc::memory_error())
}

/// `types.ModuleType(name, doc=None)`: a new, empty module (`module___init__`).
fn ctor_module(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    // The argument clinic's checks, in its order: the count, then each keyword.
    if args.len() + kw.0.len() > 2 {
        return Err(type_error(format!(
            "module() takes at most 2 arguments ({} given)",
            args.len() + kw.0.len()
        )));
    }
    let mut params = [args.first().cloned(), args.get(1).cloned()];
    for (k, v) in &kw.0 {
        let key = crate::str::as_str(k.as_obj());
        let Some(pos) = ["name", "doc"].iter().position(|n| *n == key) else {
            return Err(type_error(format!(
                "'{key}' is an invalid keyword argument for module()"
            )));
        };
        if params[pos].is_some() {
            return Err(type_error(format!(
                "argument for module() given by name ('{key}') and position ({})",
                pos + 1
            )));
        }
        params[pos] = Some(v.clone());
    }
    let [name, doc] = params;
    let Some(name) = name else {
        return Err(type_error(
            "module() missing required argument 'name' (pos 1)",
        ));
    };
    if kind(name.as_obj()) != Kind::Str {
        let given = if kind(name.as_obj()) == Kind::NoneType {
            "None".to_string()
        } else {
            obj_type_name(&name)
        };
        return Err(type_error(format!(
            "module() argument 'name' must be str, not {given}"
        )));
    }
    crate::builtins::new_empty_module(name, doc.unwrap_or_else(none))
}

/// `type(None)()`, `type(...)()`, `type(NotImplemented)()`: the singleton itself.
fn ctor_singleton(cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let k = tb(cls.as_obj()).base_kind;
    if !args.is_empty() || !kw.is_empty() {
        return Err(type_error(format!(
            "{} takes no arguments",
            crate::typeobj::type_name(cls.as_obj())
        )));
    }
    let sg = crate::state::sg();
    Ok(match k {
        Kind::NoneType => sg.none.clone(),
        Kind::NotImplementedType => sg.notimpl.clone(),
        _ => sg.ellipsis.clone(),
    })
}

fn ctor_mappingproxy(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let m = match (args, kw.0.as_slice()) {
        ([m], []) => m.clone(),
        ([], [(k, v)]) if &*crate::str::as_str(k.as_obj()) == "mapping" => v.clone(),
        _ => {
            return Err(type_error(format!(
                "mappingproxy() takes exactly one argument ({} given)",
                args.len() + kw.0.len()
            )));
        }
    };
    let is_mapping = matches!(kind(m.as_obj()), Kind::Dict | Kind::MappingProxy)
        || (crate::typeobj::is_heap_instance(m.as_obj())
            && !matches!(kind(m.as_obj()), Kind::List | Kind::Tuple)
            && crate::typeobj::lookup_special(&m, "__getitem__").is_some());
    if !is_mapping {
        return Err(type_error(format!(
            "mappingproxy() argument must be a mapping, not {}",
            obj_type_name(&m)
        )));
    }
    crate::typeobj::new_mappingproxy(m)
}

fn ctor_slice(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    no_kw_ctor("slice", kw)?;
    match args.len() {
        1 => crate::builtins::new_slice(none(), args[0].clone(), none()),
        2 => crate::builtins::new_slice(args[0].clone(), args[1].clone(), none()),
        3 => crate::builtins::new_slice(args[0].clone(), args[1].clone(), args[2].clone()),
        0 => Err(type_error("slice expected at least 1 argument, got 0")),
        n => Err(type_error(format!(
            "slice expected at most 3 arguments, got {n}"
        ))),
    }
}

fn ctor_object(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    if !args.is_empty() || !kw.is_empty() {
        return Err(type_error("object() takes no arguments"));
    }
    ObjRef::new(&OBJECT_T, Unit).map_err(|_| crate::exc::memory_error())
}

fn ctor_type(cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    type_new(cls, args, kw)
}

fn ctor_property(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let g = |i: usize, n: &str| arg(args, kw, i, n).filter(|v| !is_none(v));
    new_property(g(0, "fget"), g(1, "fset"), g(2, "fdel"), g(3, "doc"))
}

fn ctor_staticmethod(_cls: &ObjRef, args: &[ObjRef], _kw: &Kw) -> R {
    check_args("staticmethod", args, 1, 1)?;
    let w = try_wrap(&STATICMETHOD_T, args[0].clone())?;
    wraps(&w, &args[0])?;
    Ok(w)
}

fn ctor_classmethod(_cls: &ObjRef, args: &[ObjRef], _kw: &Kw) -> R {
    check_args("classmethod", args, 1, 1)?;
    let w = try_wrap(&CLASSMETHOD_T, args[0].clone())?;
    wraps(&w, &args[0])?;
    Ok(w)
}

fn ctor_super(_cls: &ObjRef, args: &[ObjRef], _kw: &Kw) -> R {
    match args.len() {
        0 => Err(new_exc("RuntimeError", "super(): no arguments")),
        1 | 2 => {
            let ty = args[0].clone();
            if kind(ty.as_obj()) != Kind::Type {
                return Err(type_error(format!(
                    "super() argument 1 must be a type, not {}",
                    obj_type_name(&ty)
                )));
            }
            new_super(ty, args.get(1).cloned())
        }
        n => Err(type_error(format!(
            "super() takes at most 2 arguments ({n} given)"
        ))),
    }
}

/// A `super` object for class `ty` and instance (or subclass) `obj`.
pub fn new_super(ty: ObjRef, obj: Option<ObjRef>) -> R {
    let obj_type = match &obj {
        None => None,
        Some(o) => {
            if kind(o.as_obj()) == Kind::Type && crate::typeobj::is_subtype(o.as_obj(), ty.as_obj())
            {
                Some(o.clone())
            } else {
                let t = crate::typeobj::type_of(o.as_obj());
                if !crate::typeobj::is_subtype(t.as_obj(), ty.as_obj()) {
                    return Err(type_error(
                        "super(type, obj): obj must be an instance or subtype of type",
                    ));
                }
                Some(t)
            }
        }
    };
    let o = ObjRef::new(
        &SUPER_T,
        SuperBody {
            ty,
            obj: OptSlot::new(obj),
            obj_type: OptSlot::new(obj_type),
        },
    )
    .map_err(|_| crate::exc::memory_error())?;
    o.track();
    Ok(o)
}

/// Attribute lookup on a `super` object: the MRO of the instance's type after `ty`.
pub fn super_getattr(o: &ObjRef, name: &str) -> R<Option<ObjRef>> {
    let b = o.as_obj().downcast::<SuperBody>().expect("super");
    let (Some(obj), Some(st)) = (b.obj.get(), b.obj_type.get()) else {
        return Ok(None);
    };
    if name == "__class__" {
        return Ok(Some(builtin_type(Kind::Super)));
    }
    let mro = tb(st.as_obj()).mro.borrow().to_vec();
    let start = mro
        .iter()
        .position(|c| c.is(&b.ty))
        .map_or(mro.len(), |i| i + 1);
    let key = crate::str::intern(name);
    for c in &mro[start..] {
        if let Some(v) = crate::dict::get_str_obj(tb(c.as_obj()).dict.as_obj(), &key) {
            // A class passed as obj binds class methods to it and leaves functions plain.
            if obj.is(&st) {
                return Ok(Some(match kind(v.as_obj()) {
                    Kind::ClassMethod => crate::call::bind_classmethod(
                        v.as_obj().downcast::<WrapperBody>().expect("cm").0.get(),
                        obj,
                    )?,
                    Kind::StaticMethod => v.as_obj().downcast::<WrapperBody>().expect("sm").0.get(),
                    _ => v,
                }));
            }
            if kind(v.as_obj()) == Kind::Property {
                let p = v.as_obj().downcast::<PropertyBody>().expect("property");
                return match p.fget.get() {
                    Some(f) => call(&f, &[obj]).map(Some),
                    None => Err(property_missing(p, &obj, "getter")),
                };
            }
            return crate::typeobj::bind_descr(v, &obj, &st).map(Some);
        }
    }
    Ok(None)
}

/// The constructor of a built-in type object.
pub fn constructor(cls: &ObjRef) -> Option<Ctor> {
    let b = tb(cls.as_obj());
    if b.is_heap {
        return None;
    }
    if b.base_kind == Kind::BaseException {
        return None;
    }
    if !cls.is(&builtin_type(b.base_kind)) {
        return None;
    }
    constructor_for_kind(b.base_kind)
}

/// The constructor of built-in kind `k`.
pub fn constructor_for_kind(k: Kind) -> Option<Ctor> {
    Some(match k {
        Kind::Int => ctor_int,
        Kind::Bool => ctor_bool,
        Kind::Float => ctor_float,
        Kind::Complex => ctor_complex,
        Kind::Str => ctor_str,
        Kind::Bytes => ctor_bytes,
        Kind::Tuple => ctor_tuple,
        Kind::List => ctor_list,
        Kind::Dict => ctor_dict,
        Kind::Set => ctor_set,
        Kind::FrozenSet => ctor_frozenset,
        Kind::Range => ctor_range,
        Kind::Slice => ctor_slice,
        Kind::Object => ctor_object,
        Kind::Type => ctor_type,
        Kind::Property => ctor_property,
        Kind::StaticMethod => ctor_staticmethod,
        Kind::ClassMethod => ctor_classmethod,
        Kind::Super => ctor_super,
        Kind::WeakRef => crate::weakrefs::ctor_ref,
        Kind::ByteArray => crate::bytearray::ctor,
        Kind::Array => crate::array::ctor,
        Kind::MemoryView => crate::memoryview::ctor,
        Kind::MappingProxy => ctor_mappingproxy,
        Kind::NoneType | Kind::NotImplementedType | Kind::Ellipsis => ctor_singleton,
        Kind::Module => ctor_module,
        _ => return None,
    })
}

/// An instance of class `cls` whose solid base is a built-in type with constructor
/// `ctor`: containers are allocated empty and filled like `list.__init__` would (unless
/// the class has its own `__init__`); immutable values (tuple, int, float) are built by the
/// base constructor from the arguments and copied into an instance of `cls`.
pub fn new_builtin_subclass_instance(cls: &ObjRef, ctor: Ctor, args: &[ObjRef], kw: &Kw) -> R {
    if let Some(r) = new_value_subclass_instance(cls, ctor, args, kw) {
        return r;
    }
    let o = crate::typeobj::alloc_instance(cls)?;
    init_builtin_subclass(&o, ctor, cls, args, kw)?;
    Ok(o)
}

/// An instance of subclass `cls` of a built-in type whose value is fixed at creation
/// (tuple, int, float, str, bytes, frozenset: built by the base constructor from the
/// arguments, then copied; `weakref.ref`: a new reference); `None` for the containers,
/// which are made empty and filled by `__init__`.
fn new_value_subclass_instance(cls: &ObjRef, ctor: Ctor, args: &[ObjRef], kw: &Kw) -> Option<R> {
    let bk = tb(cls.as_obj()).base_kind;
    match bk {
        Kind::Tuple | Kind::Int | Kind::Float | Kind::Str | Kind::Bytes | Kind::FrozenSet => {
            Some(ctor(&builtin_type(bk), args, kw).and_then(|v| rewrap_immutable(cls, &v)))
        }
        Kind::WeakRef => Some(crate::weakrefs::new_subclass_ref(cls, args)),
        _ => None,
    }
}

/// Copies a tuple, int, float, str, bytes or frozenset value into a new instance of
/// subclass `cls`.
pub fn rewrap_immutable(cls: &ObjRef, v: &ObjRef) -> R {
    let info = crate::typeobj::instance_info(cls.as_obj());
    let o = match kind(v.as_obj()) {
        Kind::Tuple => {
            let items = crate::seq::tuple_items(v.as_obj()).to_vec();
            ObjRef::new_var(info, TupleBody { size: items.len() }, items)
        }
        Kind::Int | Kind::Bool => {
            let b = v.as_obj().downcast::<IntBody>().expect("int");
            let digits = v
                .as_obj()
                .var_items::<IntBody>()
                .expect("int digits")
                .to_vec();
            ObjRef::new_var(info, IntBody { size: b.size }, digits)
        }
        Kind::Float => ObjRef::new(info, FloatBody(float_val(v).unwrap_or(0.0))),
        Kind::Str => return crate::str::alloc_str_instance(info, &crate::str::as_str(v.as_obj())),
        Kind::Bytes => {
            let data = crate::builtins::bytes_data(v.as_obj());
            let o = ObjRef::new_var_copied_parts(
                info,
                BytesBody {
                    size: data.len(),
                    hash: std::cell::Cell::new(-1),
                },
                &[data, &[0]],
            )
            .map_err(|_| crate::exc::memory_error())?;
            o.track();
            return Ok(o);
        }
        Kind::FrozenSet => {
            let o =
                ObjRef::new(info, SetBody::default()).map_err(|_| crate::exc::memory_error())?;
            o.track();
            for x in crate::builtins::set_items(v.as_obj()) {
                crate::builtins::set_add(&o, x)?;
            }
            return Ok(o);
        }
        _ => {
            return Err(type_error(format!(
                "cannot make a '{}' instance from '{}'",
                crate::typeobj::type_name(cls.as_obj()),
                obj_type_name(v)
            )));
        }
    }
    .map_err(|_| crate::exc::memory_error())?;
    o.track();
    Ok(o)
}

/// `T.__new__` for the built-in `T` of kind `k` (a native has no `self`, so each
/// owner gets a function of its own, for `tp_new_wrapper`'s messages).
fn dunder_new_of(k: Kind) -> NativeFn {
    macro_rules! per_kind {
        ($($k:ident),*) => {
            match k {
                $(Kind::$k => |args, kw| builtin_dunder_new(Kind::$k, args, kw),)*
                _ => |args, kw| builtin_dunder_new(Kind::Object, args, kw),
            }
        };
    }
    per_kind!(
        Tuple, Int, Bool, Float, Str, Bytes, FrozenSet, List, Dict, Set, WeakRef
    )
}

/// `T.__new__(cls, *args)` for built-in `T` (of kind `owner`): the bare value for `T`
/// itself, an instance of the subclass otherwise.
fn builtin_dunder_new(owner: Kind, args: &[ObjRef], kw: &Kw) -> R {
    // `tp_new_wrapper` is METH_VARARGS: the call builds a tuple of every argument.
    let _tp = crate::call::TpCallArgs::new(args, kw)?;
    let t = builtin_type(owner);
    let tname = crate::typeobj::type_name(t.as_obj());
    let Some(cls) = args.first() else {
        return Err(type_error(format!(
            "{tname}.__new__(): not enough arguments"
        )));
    };
    if kind(cls.as_obj()) != Kind::Type {
        return Err(type_error(format!(
            "{tname}.__new__(X): X is not a type object ({})",
            obj_type_name(cls)
        )));
    }
    let cname = crate::typeobj::type_name(cls.as_obj());
    if !crate::typeobj::is_subtype(cls.as_obj(), t.as_obj()) {
        return Err(type_error(format!(
            "{tname}.__new__({cname}): {cname} is not a subtype of {tname}"
        )));
    }
    // `tp_new_wrapper`: the nearest built-in base of `cls` must be `T` itself (each
    // built-in has its own `tp_new`), as in `int.__new__(bool)`.
    let mut static_base = cls.clone();
    while tb(static_base.as_obj()).is_heap {
        match tb(static_base.as_obj()).base.get() {
            Some(b) => static_base = b,
            None => break,
        }
    }
    if !static_base.is(&t) {
        return Err(type_error(format!(
            "{tname}.__new__({cname}) is not safe, use {}.__new__()",
            crate::typeobj::type_name(static_base.as_obj())
        )));
    }
    let bk = tb(cls.as_obj()).base_kind;
    let Some(ctor) = constructor_for_kind(bk) else {
        return Err(type_error(format!(
            "cannot create '{}' instances",
            crate::typeobj::type_name(cls.as_obj())
        )));
    };
    if !tb(cls.as_obj()).is_heap {
        return ctor(cls, &args[1..], kw);
    }
    // Containers' __new__ ignores its arguments; __init__ fills them.
    new_value_subclass_instance(cls, ctor, &args[1..], kw)
        .unwrap_or_else(|| crate::typeobj::alloc_instance(cls))
}

/// Initialises an instance of a class deriving from a built-in container from the call's
/// arguments (`list.__init__` and friends), unless the class defines `__init__` itself.
pub fn init_builtin_subclass(
    o: &ObjRef,
    ctor: Ctor,
    cls: &ObjRef,
    args: &[ObjRef],
    kw: &Kw,
) -> R<()> {
    let own_init = crate::typeobj::lookup(cls.as_obj(), &crate::str::intern("__init__"))
        .is_some_and(|f| kind(f.as_obj()) == Kind::Function);
    if own_init {
        return Ok(());
    }
    // `list.__init__` and `dict.__init__` fill the instance in place.
    match kind(o.as_obj()) {
        Kind::List if kw.is_empty() && args.len() <= 1 => {
            if let Some(src) = args.first() {
                crate::seq::list_extend(o.as_obj(), collect(src)?)?;
            }
            return Ok(());
        }
        Kind::Dict if args.len() <= 1 => return dict_update_from(o, args.first(), kw),
        _ => {}
    }
    let base = builtin_type(tb(cls.as_obj()).base_kind);
    let tmp = ctor(&base, args, kw)?;
    match kind(o.as_obj()) {
        Kind::List => {
            crate::seq::list_extend(o.as_obj(), crate::seq::list_items(tmp.as_obj()))?;
        }
        Kind::Dict => {
            for (k, v) in crate::dict::items(tmp.as_obj()) {
                crate::dict::set(o.as_obj(), k, v)?;
            }
        }
        Kind::Set | Kind::FrozenSet => {
            for k in crate::builtins::set_items(tmp.as_obj()) {
                crate::builtins::set_add(o, k)?;
            }
        }
        _ => {}
    }
    Ok(())
}

/// `type(x)`, `type(name, bases, ns)`, and calls of metaclasses.
pub fn type_new(cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let is_type = cls.is(&builtin_type(Kind::Type));
    if is_type && args.len() == 1 && kw.is_empty() {
        return Ok(crate::typeobj::type_of(args[0].as_obj()));
    }
    if args.len() != 3 {
        return Err(type_error("type() takes 1 or 3 arguments"));
    }
    let new = crate::typeobj::lookup(cls.as_obj(), &crate::str::intern("__new__"));
    let obj = match new {
        Some(n)
            if kind(n.as_obj()) == Kind::StaticMethod
                && kind(
                    n.as_obj()
                        .downcast::<WrapperBody>()
                        .expect("sm")
                        .0
                        .get()
                        .as_obj(),
                ) == Kind::Function =>
        {
            let f = n.as_obj().downcast::<WrapperBody>().expect("sm").0.get();
            let mut v = vec![cls.clone()];
            v.extend_from_slice(args);
            call_kw(&f, &v, kw)?
        }
        Some(n) if kind(n.as_obj()) == Kind::Function => {
            let mut v = vec![cls.clone()];
            v.extend_from_slice(args);
            call_kw(&n, &v, kw)?
        }
        _ => {
            if kind(args[0].as_obj()) != Kind::Str {
                return Err(type_error(format!(
                    "type.__new__() argument 1 must be str, not {}",
                    obj_type_name(&args[0])
                )));
            }
            if kind(args[1].as_obj()) != Kind::Tuple {
                return Err(type_error(format!(
                    "type.__new__() argument 2 must be tuple, not {}",
                    obj_type_name(&args[1])
                )));
            }
            if kind(args[2].as_obj()) != Kind::Dict {
                return Err(type_error(format!(
                    "type.__new__() argument 3 must be dict, not {}",
                    obj_type_name(&args[2])
                )));
            }
            let name = sv(&args[0]);
            let c = crate::typeobj::new_class(cls, &name, &args[1], &args[2])?;
            init_subclass(&c, kw)?;
            c
        }
    };
    if kind(obj.as_obj()) == Kind::Type
        && crate::typeobj::is_subtype(crate::typeobj::type_of(obj.as_obj()).as_obj(), cls.as_obj())
        && let Some(init) = crate::typeobj::lookup(cls.as_obj(), &crate::str::intern("__init__"))
        && kind(init.as_obj()) == Kind::Function
    {
        let mut v = vec![obj.clone()];
        v.extend_from_slice(args);
        call_kw(&init, &v, kw)?;
    }
    Ok(obj)
}

/// Runs `__set_name__` on the new class's attributes and the parent's
/// `__init_subclass__` (PEP 487).
pub fn init_subclass(cls: &ObjRef, kw: &Kw) -> R<()> {
    // `type_new_set_names` walks a copy of the class dict.
    let names_to_set = crate::dict::try_new_dict()?;
    let d = tb(cls.as_obj()).dict.clone();
    for (k, v) in crate::dict::items(d.as_obj()) {
        crate::dict::set(names_to_set.as_obj(), k, v)?;
    }
    for (k, v) in crate::dict::items(names_to_set.as_obj()) {
        if (crate::typeobj::is_heap_instance(v.as_obj()) || kind(v.as_obj()) == Kind::Property)
            && let Some(f) = crate::typeobj::lookup_special(&v, "__set_name__")
        {
            call(&f, &[v.clone(), cls.clone(), k])?;
        }
    }
    let mro = tb(cls.as_obj()).mro.borrow().to_vec();
    for c in mro.iter().skip(1) {
        if let Some(f) = crate::dict::get_str(tb(c.as_obj()).dict.as_obj(), "__init_subclass__") {
            let func = match kind(f.as_obj()) {
                Kind::ClassMethod => f.as_obj().downcast::<WrapperBody>().expect("cm").0.get(),
                Kind::Function => f,
                _ => f,
            };
            if kind(func.as_obj()) == Kind::BuiltinFunction {
                if !kw.is_empty() {
                    return Err(type_error(format!(
                        "{}.__init_subclass__() takes no keyword arguments",
                        crate::typeobj::type_name(c.as_obj())
                    )));
                }
                return Ok(());
            }
            call_kw(&func, &[cls.clone()], kw)?;
            return Ok(());
        }
    }
    Ok(())
}

/// `hash()` of the object, for method tables of hashable containers.
pub fn hash_of(o: &ObjRef) -> R<isize> {
    hash(o)
}
