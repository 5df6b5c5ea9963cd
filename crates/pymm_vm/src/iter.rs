//! Iteration: the built-in iterators (one body, [`IterState`] per kind) and the
//! `iter()`/`next()` protocol over generators and user classes.

use pymm_mem::{ObjRef, Visitor};

use crate::exc::{R, memory_error, type_error};
use crate::object::*;
use crate::typeobj::{lookup_special, obj_type_name};

/// The state of a built-in iterator.
#[derive(Debug)]
pub enum IterState {
    List(ObjRef, usize),
    Tuple(ObjRef, usize),
    Range(i64, i64, i64),
    /// `longrange_iterator`: a range whose bounds do not fit in 64 bits (next value,
    /// stop, step).
    LongRange(Box<(num_bigint::BigInt, num_bigint::BigInt, num_bigint::BigInt)>),
    Str(ObjRef, usize),
    Bytes(ObjRef, usize),
    /// dict iteration over entry positions; `which`: 0 keys, 1 values, 2 items.
    Dict(ObjRef, usize, u8, usize),
    /// The set, the next table position, and its size when iteration began.
    Set(ObjRef, usize, usize),
    /// The old sequence protocol (`__getitem__` with 0, 1, 2, ...).
    Seq(ObjRef, usize),
    Enumerate(ObjRef, ObjRef),
    Zip(Vec<ObjRef>, bool),
    Map(ObjRef, Vec<ObjRef>),
    Filter(ObjRef, ObjRef),
    Reversed(ObjRef, usize),
    Callable(ObjRef, ObjRef),
    Exhausted,
}

impl IterState {
    /// Visits the referenced objects.
    pub fn traverse(&self, v: &mut Visitor<'_>) {
        let mut visit = |o: &ObjRef| v.visit(o.as_obj());
        match self {
            IterState::List(o, _)
            | IterState::Tuple(o, _)
            | IterState::Str(o, _)
            | IterState::Bytes(o, _)
            | IterState::Dict(o, ..)
            | IterState::Set(o, ..)
            | IterState::Seq(o, _)
            | IterState::Reversed(o, _) => visit(o),
            IterState::Enumerate(a, b) | IterState::Filter(a, b) | IterState::Callable(a, b) => {
                visit(a);
                visit(b);
            }
            IterState::Zip(v, _) => v.iter().for_each(visit),
            IterState::Map(f, v) => {
                visit(f);
                v.iter().for_each(visit);
            }
            IterState::Range(..) | IterState::LongRange(..) | IterState::Exhausted => {}
        }
    }

    /// The Python type name of this iterator.
    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::List(..) => "list_iterator",
            IterState::Tuple(..) => "tuple_iterator",
            IterState::Range(..) => "range_iterator",
            IterState::LongRange(..) => "longrange_iterator",
            IterState::Str(..) => "str_ascii_iterator",
            IterState::Bytes(..) => "bytes_iterator",
            IterState::Dict(_, _, 0, _) => "dict_keyiterator",
            IterState::Dict(_, _, 1, _) => "dict_valueiterator",
            IterState::Dict(..) => "dict_itemiterator",
            IterState::Set(..) => "set_iterator",
            IterState::Seq(..) => "iterator",
            IterState::Enumerate(..) => "enumerate",
            IterState::Zip(..) => "zip",
            IterState::Map(..) => "map",
            IterState::Filter(..) => "filter",
            IterState::Reversed(..) => "list_reverseiterator",
            IterState::Callable(..) => "callable_iterator",
            IterState::Exhausted => "iterator",
        }
    }
}

/// A new built-in iterator.
pub fn new_iter(s: IterState) -> R {
    let o = ObjRef::new(
        &ITER_T,
        IterBody {
            state: std::cell::RefCell::new(s),
        },
    )
    .map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

/// `iter(o)`.
pub fn get_iter(o: &ObjRef) -> R {
    if crate::weakrefs::is_proxy(o) {
        return get_iter(&crate::weakrefs::unproxy(o)?);
    }
    let obj = o.as_obj();
    if crate::typeobj::is_heap_instance(obj) {
        if let Some(f) = crate::typeobj::user_special(o, "__iter__") {
            let it = crate::call::call(&f, &[o.clone()])?;
            if lookup_special(&it, "__next__").is_none()
                && !matches!(kind(it.as_obj()), Kind::Iterator | Kind::Generator)
            {
                return Err(type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    obj_type_name(&it)
                )));
            }
            return Ok(it);
        }
        if kind(obj) == Kind::Object && lookup_special(o, "__getitem__").is_some() {
            return new_iter(IterState::Seq(o.clone(), 0));
        }
    }
    builtin_iter(o)
}

/// The built-in iterator over `o`'s own body (ignoring `__iter__` overrides).
pub fn builtin_iter(o: &ObjRef) -> R {
    let obj = o.as_obj();
    let st = match kind(obj) {
        Kind::List => IterState::List(o.clone(), 0),
        Kind::Tuple => IterState::Tuple(o.clone(), 0),
        Kind::Str => IterState::Str(o.clone(), 0),
        Kind::Bytes => IterState::Bytes(o.clone(), 0),
        Kind::ByteArray | Kind::Array | Kind::MemoryView => IterState::Seq(o.clone(), 0),
        Kind::Dict => IterState::Dict(o.clone(), 0, 0, crate::dict::len(obj)),
        Kind::MappingProxy => {
            return get_iter(&crate::typeobj::proxied_mapping(obj).expect("mappingproxy"));
        }
        Kind::DictView => {
            let v = obj.downcast::<DictViewBody>().expect("view");
            IterState::Dict(
                v.dict.clone(),
                0,
                v.which,
                crate::dict::len(v.dict.as_obj()),
            )
        }
        Kind::Set | Kind::FrozenSet => IterState::Set(o.clone(), 0, crate::builtins::set_len(obj)),
        Kind::Range => match crate::builtins::range_parts(o) {
            Ok((a, b, c)) => IterState::Range(a, b, c),
            Err(_) => {
                let r = obj.downcast::<RangeBody>().expect("range");
                let big = |x: &ObjRef| crate::int::to_big(x.as_obj());
                IterState::LongRange(Box::new((big(&r.start), big(&r.stop), big(&r.step))))
            }
        },
        Kind::Iterator | Kind::Generator => return Ok(o.clone()),
        _ => {
            if lookup_special(o, "__next__").is_some() {
                return Ok(o.clone());
            }
            return Err(type_error(format!(
                "'{}' object is not iterable",
                obj_type_name(o)
            )));
        }
    };
    new_iter(st)
}

/// `next(it)`: `None` when exhausted.
pub fn next(it: &ObjRef) -> R<Option<ObjRef>> {
    let obj = it.as_obj();
    match kind(obj) {
        Kind::Iterator if !crate::typeobj::is_heap_instance(obj) => {
            let b = obj.downcast::<IterBody>().expect("iterator");
            advance(b)
        }
        Kind::Generator => crate::genobj::next(it),
        _ => {
            let Some(f) = lookup_special(it, "__next__") else {
                return Err(type_error(format!(
                    "'{}' object is not an iterator",
                    obj_type_name(it)
                )));
            };
            match crate::call::call(&f, &[it.clone()]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if crate::exc::matches(&e.0, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            }
        }
    }
}

fn advance(b: &IterBody) -> R<Option<ObjRef>> {
    // Steps that call Python code release the borrow first.
    let mut st = b.state.borrow_mut();
    let r = match &mut *st {
        IterState::List(l, i) => match crate::seq::list_get(l.as_obj(), *i) {
            Some(v) => {
                *i += 1;
                Some(v)
            }
            None => None,
        },
        IterState::Tuple(t, i) => match crate::seq::tuple_items(t.as_obj()).get(*i) {
            Some(v) => {
                *i += 1;
                Some(v.clone())
            }
            None => None,
        },
        IterState::Range(cur, stop, step) => {
            if (*step > 0 && *cur < *stop) || (*step < 0 && *cur > *stop) {
                let v = *cur;
                // Past the 64-bit range is past `stop` too.
                *cur = cur.checked_add(*step).unwrap_or(*stop);
                Some(crate::int::from_i64(v)?)
            } else {
                None
            }
        }
        IterState::LongRange(r) => {
            let (cur, stop, step) = &mut **r;
            let positive = step.sign() == num_bigint::Sign::Plus;
            if (positive && *cur < *stop) || (!positive && *cur > *stop) {
                let v = cur.clone();
                *cur += &*step;
                Some(crate::int::from_big(&v)?)
            } else {
                None
            }
        }
        IterState::Str(s, i) => {
            let text = crate::str::as_str(s.as_obj());
            match text[*i..].chars().next() {
                Some(c) => {
                    *i += c.len_utf8();
                    let mut buf = [0u8; 4];
                    Some(crate::str::new_str(c.encode_utf8(&mut buf))?)
                }
                None => None,
            }
        }
        IterState::Bytes(s, i) => match crate::builtins::bytes_data(s.as_obj()).get(*i) {
            Some(&x) => {
                *i += 1;
                Some(crate::int::from_i64(x as i64)?)
            }
            None => None,
        },
        IterState::Dict(d, pos, which, size) => {
            if crate::dict::len(d.as_obj()) != *size {
                *st = IterState::Exhausted;
                return Err(crate::exc::new_exc(
                    "RuntimeError",
                    "dictionary changed size during iteration",
                ));
            }
            match crate::dict::entry_from(d.as_obj(), *pos) {
                Some((next, k, v)) => {
                    *pos = next;
                    Some(match which {
                        0 => k,
                        1 => v,
                        _ => crate::seq::new_tuple(vec![k, v])?,
                    })
                }
                None => None,
            }
        }
        IterState::Set(s, pos, used) => {
            if crate::builtins::set_len(s.as_obj()) != *used {
                *st = IterState::Exhausted;
                return Err(crate::exc::new_exc(
                    "RuntimeError",
                    "Set changed size during iteration",
                ));
            }
            match crate::builtins::set_entry_from(s.as_obj(), *pos) {
                Some((next, k)) => {
                    *pos = next;
                    Some(k)
                }
                None => None,
            }
        }
        IterState::Reversed(s, i) => {
            if *i == 0 {
                None
            } else {
                *i -= 1;
                let s = s.clone();
                let idx = *i;
                drop(st);
                let k = crate::int::from_i64(idx as i64)?;
                return crate::ops::getitem(&s, &k).map(Some);
            }
        }
        IterState::Exhausted => None,
        _ => {
            let state = std::mem::replace(&mut *st, IterState::Exhausted);
            drop(st);
            let (r, state) = advance_slow(state)?;
            if r.is_some() {
                *b.state.borrow_mut() = state;
            }
            return Ok(r);
        }
    };
    if r.is_none() {
        *st = IterState::Exhausted;
    }
    Ok(r)
}

fn advance_slow(st: IterState) -> R<(Option<ObjRef>, IterState)> {
    Ok(match st {
        IterState::Seq(o, i) => {
            let k = crate::int::from_i64(i as i64)?;
            match crate::ops::getitem(&o, &k) {
                Ok(v) => (Some(v), IterState::Seq(o, i + 1)),
                Err(e)
                    if crate::exc::matches(&e.0, "IndexError")
                        || crate::exc::matches(&e.0, "StopIteration") =>
                {
                    (None, IterState::Exhausted)
                }
                Err(e) => return Err(e),
            }
        }
        IterState::Enumerate(it, n) => match next(&it)? {
            Some(v) => {
                let next_n = crate::ops::binary_op(
                    pymm_compiler::BinaryOperator::Add,
                    &n,
                    &crate::int::from_i64(1)?,
                )?;
                (
                    Some(crate::seq::new_tuple(vec![n, v])?),
                    IterState::Enumerate(it, next_n),
                )
            }
            None => (None, IterState::Exhausted),
        },
        IterState::Zip(its, strict) => {
            let mut vals = Vec::with_capacity(its.len());
            for (i, it) in its.iter().enumerate() {
                match next(it)? {
                    Some(v) => vals.push(v),
                    None => {
                        if strict
                            && (i > 0
                                || its.iter().skip(1).any(|x| next(x).ok().flatten().is_some()))
                        {
                            let msg = if i > 0 {
                                format!(
                                    "zip() argument {} is shorter than argument{} 1{}",
                                    i + 1,
                                    if i > 1 { "s" } else { "" },
                                    if i > 1 {
                                        format!("-{i}")
                                    } else {
                                        String::new()
                                    }
                                )
                            } else {
                                "zip() argument 2 is longer than argument 1".to_string()
                            };
                            return Err(crate::exc::value_error(msg));
                        }
                        return Ok((None, IterState::Exhausted));
                    }
                }
            }
            if its.is_empty() {
                return Ok((None, IterState::Exhausted));
            }
            (
                Some(crate::seq::new_tuple(vals)?),
                IterState::Zip(its, strict),
            )
        }
        IterState::Map(f, its) => {
            let mut vals = Vec::with_capacity(its.len());
            for it in &its {
                match next(it)? {
                    Some(v) => vals.push(v),
                    None => return Ok((None, IterState::Exhausted)),
                }
            }
            (Some(crate::call::call(&f, &vals)?), IterState::Map(f, its))
        }
        IterState::Filter(f, it) => loop {
            match next(&it)? {
                Some(v) => {
                    let keep = if kind(f.as_obj()) == Kind::NoneType {
                        crate::ops::truthy(&v)?
                    } else {
                        crate::ops::truthy(&crate::call::call(&f, std::slice::from_ref(&v))?)?
                    };
                    if keep {
                        break (Some(v), IterState::Filter(f, it));
                    }
                }
                None => break (None, IterState::Exhausted),
            }
        },
        IterState::Callable(f, sentinel) => {
            let v = crate::call::call(&f, &[])?;
            if crate::ops::eq_bool(&v, &sentinel)? {
                (None, IterState::Exhausted)
            } else {
                (Some(v), IterState::Callable(f, sentinel))
            }
        }
        other => (None, other),
    })
}

/// All items of an iterable.
pub fn collect(o: &ObjRef) -> R<Vec<ObjRef>> {
    match kind(o.as_obj()) {
        Kind::List if !crate::typeobj::is_heap_instance(o.as_obj()) => {
            return Ok(crate::seq::list_items(o.as_obj()));
        }
        Kind::Tuple if !crate::typeobj::is_heap_instance(o.as_obj()) => {
            return Ok(crate::seq::tuple_items(o.as_obj()).to_vec());
        }
        Kind::Range => {
            // CPython preallocates from the length: a range too long for memory is a
            // MemoryError at once (past Py_ssize_t, an OverflowError), not a long fill.
            let n = crate::builtins::range_len(o)?;
            crate::builtins::check_alloc(n.saturating_mul(std::mem::size_of::<ObjRef>()))?;
        }
        _ => {}
    }
    let it = get_iter(o)?;
    let mut out = Vec::new();
    while let Some(v) = next(&it)? {
        out.push(v);
    }
    Ok(out)
}

/// `UNPACK_SEQUENCE`: pushes exactly `n` items of `o` onto `stack`, last first. Exact
/// tuples and lists go straight from their storage (CPython's `UNPACK_SEQUENCE_TUPLE`
/// and `_LIST`); anything else is iterated.
pub fn unpack_onto(o: &ObjRef, n: usize, stack: &mut Vec<Option<ObjRef>>) -> R<()> {
    let count_error = |got: usize| {
        crate::exc::value_error(if got > n {
            format!("too many values to unpack (expected {n})")
        } else {
            format!("not enough values to unpack (expected {n}, got {got})")
        })
    };
    let obj = o.as_obj();
    if std::ptr::eq(obj.type_info(), &TUPLE_T) {
        let items = crate::seq::tuple_items(obj);
        if items.len() != n {
            return Err(count_error(items.len()));
        }
        stack.extend(items.iter().rev().map(|x| Some(x.clone())));
        return Ok(());
    }
    if std::ptr::eq(obj.type_info(), &LIST_T)
        && let Some(b) = obj.downcast::<ListBody>()
    {
        if b.items.len() != n {
            return Err(count_error(b.items.len()));
        }
        for i in (0..n).rev() {
            stack.push(b.items.get(i));
        }
        return Ok(());
    }
    let it = get_iter(o).map_err(|e| {
        if crate::exc::matches(&e.0, "TypeError") {
            type_error(format!(
                "cannot unpack non-iterable {} object",
                obj_type_name(o)
            ))
        } else {
            e
        }
    })?;
    let mut out = Vec::with_capacity(n);
    while let Some(v) = next(&it)? {
        if out.len() == n {
            // CPython 3.11 does not report how many values there were.
            return Err(count_error(n + 1));
        }
        out.push(v);
    }
    if out.len() < n {
        return Err(count_error(out.len()));
    }
    stack.extend(out.into_iter().rev().map(Some));
    Ok(())
}
