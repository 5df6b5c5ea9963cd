//! The built-in functions (`print`, `len`, `sorted`, ...).

use pymm_compiler::{BinaryOperator as B, ComparisonOperator as C};
use pymm_mem::ObjRef;

use crate::builtins::{arg, def, isinstance, to_index};
use crate::call::{Kw, call, call_kw, check_args, no_kw};
use crate::exc::{R, new_exc, type_error, value_error};
use crate::iter::{IterState, collect, get_iter, new_iter, next};
use crate::object::*;
use crate::ops::{repr_of, str_of, truthy};
use crate::state::{none, pybool, rt};
use crate::typeobj::obj_type_name;

fn int(v: i64) -> R {
    crate::int::from_i64(v)
}

fn s(v: &str) -> R {
    crate::str::new_str(v)
}

/// Writes to a file-like object (`sys.stdout`, `sys.stderr`, or anything with `write`).
pub fn write_to(file: Option<&ObjRef>, text: &str) -> R<()> {
    match file {
        None => {
            crate::state::write_out(text);
            Ok(())
        }
        Some(f) if kind(f.as_obj()) == Kind::NoneType => {
            crate::state::write_out(text);
            Ok(())
        }
        Some(f) => {
            let w = crate::typeobj::getattr(f, &crate::str::intern("write"))?;
            call(&w, &[s(text)?])?;
            Ok(())
        }
    }
}

/// `sys.stdout` when a program replaced it (print then writes there); `None` while it
/// is still the interpreter's own stream.
fn replaced_stdout() -> Option<ObjRef> {
    let sys = crate::dict::get_str(rt().modules.as_obj(), "sys")?;
    let d = &sys.as_obj().downcast::<ModuleBody>()?.dict;
    let cur = crate::dict::get_str(d.as_obj(), "stdout")?;
    let orig = crate::dict::get_str(d.as_obj(), "__stdout__")?;
    (!cur.is(&orig)).then_some(cur)
}

fn print(args: &[ObjRef], kw: &Kw) -> R {
    let sep = match kw.get("sep") {
        Some(v) if kind(v.as_obj()) != Kind::NoneType => {
            if kind(v.as_obj()) != Kind::Str {
                return Err(type_error(format!(
                    "sep must be None or a string, not {}",
                    obj_type_name(&v)
                )));
            }
            crate::str::as_str(v.as_obj()).into_owned()
        }
        _ => " ".into(),
    };
    let end = match kw.get("end") {
        Some(v) if kind(v.as_obj()) != Kind::NoneType => {
            if kind(v.as_obj()) != Kind::Str {
                return Err(type_error(format!(
                    "end must be None or a string, not {}",
                    obj_type_name(&v)
                )));
            }
            crate::str::as_str(v.as_obj()).into_owned()
        }
        _ => "\n".into(),
    };
    let file = kw
        .get("file")
        .filter(|f| kind(f.as_obj()) != Kind::NoneType)
        .or_else(replaced_stdout);
    let flush = match kw.get("flush") {
        Some(f) => truthy(&f)?,
        None => false,
    };
    match &file {
        // The interpreter's own stdout: one buffered write.
        None => {
            let mut out = String::new();
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    out.push_str(&sep);
                }
                out.push_str(&str_of(a)?);
            }
            out.push_str(&end);
            write_to(None, &out)?;
            if flush {
                crate::state::flush_out();
            }
        }
        // A file object sees each piece written separately, as CPython's print does.
        Some(f) => {
            for (i, a) in args.iter().enumerate() {
                if i > 0 {
                    write_to(Some(f), &sep)?;
                }
                write_to(Some(f), &str_of(a)?)?;
            }
            write_to(Some(f), &end)?;
            if flush {
                let fl = crate::typeobj::getattr(f, &crate::str::intern("flush"))?;
                call(&fl, &[])?;
            }
        }
    }
    Ok(none())
}

fn len(args: &[ObjRef], kw: &Kw) -> R {
    no_kw("len", kw)?;
    check_args("len", args, 1, 1)?;
    int(crate::ops::len(&args[0])? as i64)
}

fn repr(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("repr", args, 1, 1)?;
    s(&repr_of(&args[0])?)
}

fn ascii(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("ascii", args, 1, 1)?;
    s(&crate::str::ascii_repr_obj(&args[0])?)
}

fn abs(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("abs", args, 1, 1)?;
    let a = &args[0];
    match kind(a.as_obj()) {
        Kind::Int | Kind::Bool if !crate::typeobj::is_heap_instance(a.as_obj()) => {
            if crate::int::cmp(a.as_obj(), crate::state::sg().small_ints[5].as_obj()).is_lt() {
                crate::int::neg(a.as_obj())
            } else {
                crate::int::from_big(&crate::int::to_big(a.as_obj()))
            }
        }
        Kind::Float => crate::ops::new_float(crate::ops::float_val(a).unwrap_or(0.0).abs()),
        Kind::Complex => {
            let c = a.as_obj().downcast::<ComplexBody>().expect("c");
            crate::ops::new_float(c.0.hypot(c.1))
        }
        _ => match crate::typeobj::lookup_special(a, "__abs__") {
            Some(f) => call(&f, &[a.clone()]),
            None => Err(type_error(format!(
                "bad operand type for abs(): '{}'",
                obj_type_name(a)
            ))),
        },
    }
}

fn minmax(args: &[ObjRef], kw: &Kw, name: &str, op: C) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::new(args, kw)?;
    let key = kw.get("key").filter(|k| kind(k.as_obj()) != Kind::NoneType);
    let default = kw.get("default");
    let items = if args.len() == 1 {
        collect(&args[0])?
    } else if args.is_empty() {
        return Err(type_error(format!(
            "{name} expected at least 1 argument, got 0"
        )));
    } else {
        if default.is_some() {
            return Err(type_error(format!(
                "Cannot specify a default for {name}() with multiple positional arguments"
            )));
        }
        args.to_vec()
    };
    let mut best: Option<(ObjRef, ObjRef)> = None;
    for it in items {
        let k = match &key {
            Some(f) => call(f, std::slice::from_ref(&it))?,
            None => it.clone(),
        };
        best = match best {
            None => Some((k, it)),
            Some((bk, bv)) => {
                if crate::eval::compare_op(&k, &bk, op)? {
                    Some((k, it))
                } else {
                    Some((bk, bv))
                }
            }
        };
    }
    match best {
        Some((_, v)) => Ok(v),
        None => default.ok_or_else(|| value_error(format!("{name}() arg is an empty sequence"))),
    }
}

fn min(args: &[ObjRef], kw: &Kw) -> R {
    minmax(args, kw, "min", C::Less)
}

fn max(args: &[ObjRef], kw: &Kw) -> R {
    minmax(args, kw, "max", C::Greater)
}

fn sum(args: &[ObjRef], kw: &Kw) -> R {
    check_args("sum", args, 1, 2)?;
    let mut acc = arg(args, kw, 1, "start").unwrap_or(int(0)?);
    if kind(acc.as_obj()) == Kind::Str {
        return Err(type_error(
            "sum() can't sum strings [use ''.join(seq) instead]",
        ));
    }
    let it = get_iter(&args[0])?;
    while let Some(v) = next(&it)? {
        acc = crate::ops::binary_op(B::Add, &acc, &v)?;
    }
    Ok(acc)
}

fn any(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("any", args, 1, 1)?;
    let it = get_iter(&args[0])?;
    while let Some(v) = next(&it)? {
        if truthy(&v)? {
            return Ok(pybool(true));
        }
    }
    Ok(pybool(false))
}

fn all(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("all", args, 1, 1)?;
    let it = get_iter(&args[0])?;
    while let Some(v) = next(&it)? {
        if !truthy(&v)? {
            return Ok(pybool(false));
        }
    }
    Ok(pybool(true))
}

fn isinstance_f(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("isinstance", args, 2, 2)?;
    Ok(pybool(isinstance(&args[0], &args[1])?))
}

fn issubclass(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("issubclass", args, 2, 2)?;
    if kind(args[0].as_obj()) != Kind::Type {
        return Err(type_error("issubclass() arg 1 must be a class"));
    }
    let check = |c: &ObjRef| -> R<bool> {
        if kind(c.as_obj()) != Kind::Type {
            return Err(type_error(
                "issubclass() arg 2 must be a class, a tuple of classes, or a union",
            ));
        }
        // A metaclass's __subclasscheck__ decides (ABCs).
        if let Some(f) = crate::typeobj::lookup(
            crate::typeobj::type_of(c.as_obj()).as_obj(),
            &crate::str::intern("__subclasscheck__"),
        ) && kind(f.as_obj()) == Kind::Function
        {
            return truthy(&call(&f, &[c.clone(), args[0].clone()])?);
        }
        Ok(crate::typeobj::is_subtype(args[0].as_obj(), c.as_obj()))
    };
    if kind(args[1].as_obj()) == Kind::Tuple {
        for c in crate::seq::tuple_items(args[1].as_obj()) {
            if check(c)? {
                return Ok(pybool(true));
            }
        }
        return Ok(pybool(false));
    }
    Ok(pybool(check(&args[1])?))
}

fn name_arg(o: &ObjRef, f: &str) -> R<ObjRef> {
    if kind(o.as_obj()) != Kind::Str {
        return Err(type_error(format!(
            "{f}(): attribute name must be string, not '{}'",
            obj_type_name(o)
        )));
    }
    Ok(crate::str::intern(&crate::str::as_str(o.as_obj())))
}

fn getattr(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("getattr", args, 2, 3)?;
    let n = name_arg(&args[1], "getattr")?;
    match crate::typeobj::getattr_opt(&args[0], &n) {
        Ok(Some(v)) => Ok(v),
        Ok(None) => match args.get(2) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::typeobj::attr_error(&args[0], &n)),
        },
        Err(e) if args.len() == 3 && crate::exc::matches(&e.0, "AttributeError") => {
            Ok(args[2].clone())
        }
        Err(e) => Err(e),
    }
}

fn hasattr(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("hasattr", args, 2, 2)?;
    let n = name_arg(&args[1], "hasattr")?;
    match crate::typeobj::getattr_opt(&args[0], &n) {
        Ok(v) => Ok(pybool(v.is_some())),
        Err(e) if crate::exc::matches(&e.0, "AttributeError") => Ok(pybool(false)),
        Err(e) => Err(e),
    }
}

fn setattr(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("setattr", args, 3, 3)?;
    let n = name_arg(&args[1], "setattr")?;
    crate::typeobj::setattr(&args[0], &n, Some(args[2].clone()))?;
    Ok(none())
}

fn delattr(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("delattr", args, 2, 2)?;
    let n = name_arg(&args[1], "delattr")?;
    crate::typeobj::setattr(&args[0], &n, None)?;
    Ok(none())
}

fn id(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("id", args, 1, 1)?;
    crate::int::from_i128(args[0].as_obj().addr() as i128)
}

fn hash(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("hash", args, 1, 1)?;
    int(crate::ops::hash(&args[0])? as i64)
}

fn callable(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("callable", args, 1, 1)?;
    Ok(pybool(crate::call::is_callable(&args[0])))
}

fn chr_(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("chr", args, 1, 1)?;
    let v = to_index(&args[0])?;
    let c = u32::try_from(v).ok().and_then(char::from_u32);
    match c {
        Some(c) => s(&c.to_string()),
        None if (0..0x110000).contains(&v) => s("\u{fffd}"),
        None => Err(value_error("chr() arg not in range(0x110000)")),
    }
}

fn ord(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("ord", args, 1, 1)?;
    let o = args[0].as_obj();
    match kind(o) {
        Kind::Str => {
            let t = crate::str::as_str(o);
            let n = t.chars().count();
            if n != 1 {
                return Err(type_error(format!(
                    "ord() expected a character, but string of length {n} found"
                )));
            }
            int(t.chars().next().map_or(0, |c| c as i64))
        }
        Kind::Bytes => {
            let d = crate::builtins::bytes_data(o);
            if d.len() != 1 {
                return Err(type_error(format!(
                    "ord() expected a character, but string of length {} found",
                    d.len()
                )));
            }
            int(d[0] as i64)
        }
        _ => Err(type_error(format!(
            "ord() expected string of length 1, but {} found",
            obj_type_name(&args[0])
        ))),
    }
}

fn iter_f(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("iter", args, 1, 2)?;
    if args.len() == 2 {
        return new_iter(IterState::Callable(args[0].clone(), args[1].clone()));
    }
    get_iter(&args[0])
}

fn next_f(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("next", args, 1, 2)?;
    let it = &args[0];
    if !matches!(kind(it.as_obj()), Kind::Iterator | Kind::Generator)
        && crate::typeobj::lookup_special(it, "__next__").is_none()
    {
        return Err(type_error(format!(
            "'{}' object is not an iterator",
            obj_type_name(it)
        )));
    }
    if kind(it.as_obj()) == Kind::Generator {
        return match crate::genobj::resume(it, None, None) {
            Ok(crate::genobj::SendResult::Yielded(v)) => Ok(v),
            Ok(crate::genobj::SendResult::Returned(v)) => match args.get(1) {
                Some(d) => Ok(d.clone()),
                None => Err(if kind(v.as_obj()) == Kind::NoneType {
                    crate::exc::new_exc_args("StopIteration", vec![])
                } else {
                    crate::exc::new_exc_args("StopIteration", vec![v])
                }),
            },
            Err(e) => Err(e),
        };
    }
    if crate::typeobj::is_heap_instance(it.as_obj()) {
        let f = crate::typeobj::lookup_special(it, "__next__").expect("__next__");
        return match call(&f, &[it.clone()]) {
            Err(e) if args.len() == 2 && crate::exc::matches(&e.0, "StopIteration") => {
                Ok(args[1].clone())
            }
            r => r,
        };
    }
    match next(it)? {
        Some(v) => Ok(v),
        None => match args.get(1) {
            Some(d) => Ok(d.clone()),
            None => Err(crate::exc::new_exc_args("StopIteration", vec![])),
        },
    }
}

fn enumerate(args: &[ObjRef], kw: &Kw) -> R {
    let it = arg(args, kw, 0, "iterable")
        .ok_or_else(|| type_error("enumerate() missing required argument 'iterable' (pos 1)"))?;
    let start = arg(args, kw, 1, "start").unwrap_or(int(0)?);
    new_iter(IterState::Enumerate(get_iter(&it)?, start))
}

fn zip(args: &[ObjRef], kw: &Kw) -> R {
    let strict = kw
        .get("strict")
        .map(|v| truthy(&v))
        .transpose()?
        .unwrap_or(false);
    let its = args.iter().map(get_iter).collect::<R<Vec<_>>>()?;
    new_iter(IterState::Zip(its, strict))
}

fn map(args: &[ObjRef], _kw: &Kw) -> R {
    if args.len() < 2 {
        return Err(type_error("map() must have at least two arguments."));
    }
    let its = args[1..].iter().map(get_iter).collect::<R<Vec<_>>>()?;
    new_iter(IterState::Map(args[0].clone(), its))
}

fn filter(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("filter", args, 2, 2)?;
    new_iter(IterState::Filter(args[0].clone(), get_iter(&args[1])?))
}

fn reversed(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("reversed", args, 1, 1)?;
    let o = &args[0];
    if crate::typeobj::is_heap_instance(o.as_obj())
        && let Some(f) = crate::typeobj::lookup_special(o, "__reversed__")
    {
        return call(&f, &[o.clone()]);
    }
    match kind(o.as_obj()) {
        Kind::List | Kind::Tuple | Kind::Str | Kind::Range | Kind::Bytes => {
            let n = crate::ops::len(o)?;
            new_iter(IterState::Reversed(o.clone(), n))
        }
        Kind::Dict | Kind::DictView => {
            let mut v = collect(o)?;
            v.reverse();
            let l = crate::seq::new_list(v)?;
            get_iter(&l)
        }
        _ => {
            if crate::typeobj::lookup_special(o, "__len__").is_some()
                && crate::typeobj::lookup_special(o, "__getitem__").is_some()
            {
                let n = crate::ops::len(o)?;
                return new_iter(IterState::Reversed(o.clone(), n));
            }
            Err(type_error(format!(
                "'{}' object is not reversible",
                obj_type_name(o)
            )))
        }
    }
}

/// `sorted(iterable, key=None, reverse=False)`.
fn sorted(args: &[ObjRef], kw: &Kw) -> R {
    check_args("sorted", args, 1, 1)?;
    // `PySequence_List`: an empty list extended by the iterable, so the buffer is
    // preallocated exactly (rounded up to even), as `list(iterable)` does.
    let l = crate::seq::new_list(Vec::new())?;
    crate::seq::list_extend(l.as_obj(), collect(&args[0])?)?;
    crate::methods::list_sort_impl(&l, kw)?;
    Ok(l)
}

fn divmod(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("divmod", args, 2, 2)?;
    // User __divmod__ / __rdivmod__ first.
    for (o, other, name) in [
        (&args[0], &args[1], "__divmod__"),
        (&args[1], &args[0], "__rdivmod__"),
    ] {
        if crate::typeobj::is_heap_instance(o.as_obj())
            && let Some(f) = crate::typeobj::lookup_special(o, name)
            && kind(f.as_obj()) == Kind::Function
        {
            let r = call(&f, &[o.clone(), other.clone()])?;
            if kind(r.as_obj()) != Kind::NotImplementedType {
                return Ok(r);
            }
        }
    }
    let q = crate::ops::binary_op(B::FloorDivide, &args[0], &args[1])?;
    let r = crate::ops::binary_op(B::Remainder, &args[0], &args[1])?;
    crate::seq::new_tuple(vec![q, r])
}

fn pow(args: &[ObjRef], kw: &Kw) -> R {
    check_args("pow", args, 2, 3)?;
    let m = arg(args, kw, 2, "mod").filter(|m| kind(m.as_obj()) != Kind::NoneType);
    match m {
        None => crate::ops::binary_op(B::Power, &args[0], &args[1]),
        Some(m) => {
            use num_traits::{Signed, Zero};
            if ![&args[0], &args[1], &m]
                .iter()
                .all(|o| crate::int::is_int(o.as_obj()))
            {
                if let Some(f) = crate::typeobj::lookup_special(&args[0], "__pow__")
                    && kind(f.as_obj()) == Kind::Function
                {
                    let r = call(&f, &[args[0].clone(), args[1].clone(), m.clone()])?;
                    if kind(r.as_obj()) != Kind::NotImplementedType {
                        return Ok(r);
                    }
                }
                return Err(type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            }
            let (b, e, m) = (
                crate::int::to_big(args[0].as_obj()),
                crate::int::to_big(args[1].as_obj()),
                crate::int::to_big(m.as_obj()),
            );
            if m.is_zero() {
                return Err(value_error("pow() 3rd argument cannot be 0"));
            }
            let r = if e.is_negative() {
                let inv = modinv(&b, &m)
                    .ok_or_else(|| value_error("base is not invertible for the given modulus"))?;
                inv.modpow(&(-e), &m.abs())
            } else {
                b.modpow(&e, &m.abs())
            };
            let r = if m.is_negative() && !r.is_zero() {
                r + m
            } else {
                r
            };
            crate::int::from_big(&r)
        }
    }
}

fn modinv(a: &num_bigint::BigInt, m: &num_bigint::BigInt) -> Option<num_bigint::BigInt> {
    use num_integer::Integer;
    use num_traits::One;
    let m = num_traits::Signed::abs(m);
    let e = a.mod_floor(&m).extended_gcd(&m);
    if e.gcd.is_one() {
        Some(e.x.mod_floor(&m))
    } else {
        None
    }
}

fn round(args: &[ObjRef], kw: &Kw) -> R {
    check_args("round", args, 1, 2)?;
    let x = &args[0];
    let nd = arg(args, kw, 1, "ndigits").filter(|n| kind(n.as_obj()) != Kind::NoneType);
    match kind(x.as_obj()) {
        Kind::Float => {
            let v = crate::ops::float_val(x).unwrap_or(0.0);
            match nd {
                None => {
                    let r = v.round_ties_even();
                    crate::int::from_f64(r)
                }
                Some(n) => {
                    let n = to_index(&n)?;
                    crate::ops::new_float(crate::format::round_float_checked(v, n)?)
                }
            }
        }
        Kind::Int | Kind::Bool => match nd {
            None => crate::int::from_big(&crate::int::to_big(x.as_obj())),
            Some(n) => {
                let n = to_index(&n)?;
                if n >= 0 {
                    return crate::int::from_big(&crate::int::to_big(x.as_obj()));
                }
                use num_integer::Integer;
                let p = num_traits::pow(num_bigint::BigInt::from(10), (-n) as usize);
                let v = crate::int::to_big(x.as_obj());
                let (q, r) = v.div_mod_floor(&p);
                let twice = &r * 2;
                let q = if twice > p || (twice == p && q.is_odd()) {
                    q + 1
                } else {
                    q
                };
                crate::int::from_big(&(q * p))
            }
        },
        _ => match crate::typeobj::lookup_special(x, "__round__") {
            Some(f) => {
                let mut a = vec![x.clone()];
                a.extend(nd);
                call(&f, &a)
            }
            None => Err(type_error(format!(
                "type {} doesn't define __round__ method",
                obj_type_name(x)
            ))),
        },
    }
}

fn vars(args: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::new(args, kw)?;
    check_args("vars", args, 0, 1)?;
    match args.first() {
        Some(o) => crate::typeobj::getattr(o, &crate::str::intern("__dict__"))
            .map_err(|_| type_error("vars() argument must have __dict__ attribute")),
        None => Err(new_exc(
            "SystemError",
            "vars() without arguments is not supported by pymm yet",
        )),
    }
}

fn dir(args: &[ObjRef], kw: &Kw) -> R {
    // METH_VARARGS in CPython 3.11: called with an argument tuple.
    let _tp = crate::call::TpCallArgs::new(args, kw)?;
    check_args("dir", args, 0, 1)?;
    let Some(o) = args.first() else {
        return Err(new_exc(
            "SystemError",
            "dir() without arguments is not supported by pymm yet",
        ));
    };
    // A proxy's `__dir__` is its referent's.
    if crate::weakrefs::is_proxy(o) {
        let target = crate::weakrefs::unproxy(o)?;
        return dir(&[target], &Kw::EMPTY);
    }
    // A class-defined __dir__ decides; dir() sorts what it returns.
    if crate::typeobj::is_heap_instance(o.as_obj())
        && let Some(f) = crate::typeobj::user_special(o, "__dir__")
        && kind(f.as_obj()) == Kind::Function
    {
        let r = call(&f, &[o.clone()])?;
        let l = crate::seq::new_list(collect(&r)?)?;
        crate::methods::list_sort_impl(&l, &Kw::EMPTY)?;
        return Ok(l);
    }
    let mut names: Vec<String> = Vec::new();
    let obj = o.as_obj();
    if kind(obj) == Kind::Module {
        let d = &obj.downcast::<ModuleBody>().expect("m").dict;
        names.extend(
            crate::dict::items(d.as_obj())
                .iter()
                .map(|(k, _)| crate::str::as_str(k.as_obj()).into_owned()),
        );
    } else {
        names.extend(
            crate::typeobj::instance_attr_names(obj)
                .iter()
                .map(|k| crate::str::as_str(k.as_obj()).into_owned()),
        );
        let t = if kind(obj) == Kind::Type {
            o.clone()
        } else {
            crate::typeobj::type_of(obj)
        };
        for c in crate::typeobj::tb(t.as_obj()).mro.borrow().iter() {
            let d = &crate::typeobj::tb(c.as_obj()).dict;
            names.extend(
                crate::dict::items(d.as_obj())
                    .iter()
                    .map(|(k, _)| crate::str::as_str(k.as_obj()).into_owned()),
            );
        }
    }
    names.sort();
    names.dedup();
    let items = names.iter().map(|n| s(n)).collect::<R<Vec<_>>>()?;
    crate::seq::new_list(items)
}

fn globals_f(_args: &[ObjRef], _kw: &Kw) -> R {
    Err(new_exc(
        "SystemError",
        "globals() is not supported by pymm yet",
    ))
}

fn input(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("input", args, 0, 1)?;
    if let Some(p) = args.first() {
        crate::state::write_out(&str_of(p)?);
    }
    crate::state::flush_out();
    let mut line = String::new();
    match std::io::stdin().read_line(&mut line) {
        Ok(0) => Err(new_exc("EOFError", "EOF when reading a line")),
        Ok(_) => {
            if line.ends_with('\n') {
                line.pop();
                if line.ends_with('\r') {
                    line.pop();
                }
            }
            s(&line)
        }
        Err(e) => Err(new_exc("OSError", &e.to_string())),
    }
}

fn build_class(args: &[ObjRef], kw: &Kw) -> R {
    if args.len() < 2 {
        return Err(type_error("__build_class__: not enough arguments"));
    }
    let func = &args[0];
    let name = args[1].clone();
    let bases: Vec<ObjRef> = args[2..].to_vec();
    let mut meta = kw.get("metaclass");
    if meta.is_none() {
        for b in &bases {
            let t = crate::typeobj::type_of(b.as_obj());
            if crate::typeobj::tb(t.as_obj()).is_heap {
                meta = Some(t);
                break;
            }
        }
    }
    let meta = meta.unwrap_or_else(|| crate::state::builtin_type(Kind::Type));
    let ns = crate::dict::try_new_dict()?;
    ns.track();
    let fb = func
        .as_obj()
        .downcast::<FunctionBody>()
        .ok_or_else(|| type_error("__build_class__: func must be a function"))?;
    if let Some(m) = crate::dict::get_str(fb.globals.as_obj(), "__name__") {
        crate::dict::set_str(&ns, "__module__", m);
    }
    let code = fb.code.clone();
    let mut frame = crate::frame::Frame::new(
        code,
        fb.globals.clone(),
        Some(ns.clone()),
        Some(func.clone()),
    );
    crate::state::enter_call()?;
    let r = crate::eval::run_frame(&mut frame);
    crate::state::leave_call();
    let cell = r?;
    let bases_t = crate::seq::new_tuple(bases.clone())?;
    let other_kw = Kw(kw
        .0
        .iter()
        .filter(|(k, _)| crate::str::as_str(k.as_obj()) != "metaclass")
        .cloned()
        .collect());
    let cls = if crate::typeobj::tb(meta.as_obj()).is_heap {
        call_kw(&meta, &[name, bases_t, ns.clone()], &other_kw)?
    } else {
        let n = crate::str::as_str(name.as_obj()).into_owned();
        let cls = crate::typeobj::new_class(&meta, &n, &bases_t, &ns)?;
        crate::methods::init_subclass(&cls, &other_kw)?;
        cls
    };
    if kind(cell.as_obj()) == Kind::Cell {
        cell.as_obj()
            .downcast::<CellBody>()
            .expect("cell")
            .0
            .set(Some(cls.clone()));
    }
    Ok(cls)
}

fn import_f(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("__import__", args, 1, 5)?;
    crate::builtins::import_module(&crate::str::as_str(args[0].as_obj()))
}

fn exec_eval(args: &[ObjRef], kw: &Kw, mode: pymm_compiler::Mode) -> R {
    check_args(
        if mode == pymm_compiler::Mode::Eval {
            "eval"
        } else {
            "exec"
        },
        args,
        1,
        3,
    )?;
    let src = &args[0];
    let globals = match arg(args, kw, 1, "globals").filter(|g| kind(g.as_obj()) != Kind::NoneType) {
        Some(g) => g,
        None => {
            return Err(new_exc(
                "SystemError",
                "exec()/eval() without a globals dict is not supported by pymm yet",
            ));
        }
    };
    let locals = arg(args, kw, 2, "locals")
        .filter(|g| kind(g.as_obj()) != Kind::NoneType)
        .unwrap_or_else(|| globals.clone());
    if crate::dict::get_str(globals.as_obj(), "__builtins__").is_none() {
        crate::dict::set_str(
            &globals,
            "__builtins__",
            crate::builtins::import_module("builtins")?,
        );
    }
    let mut ast = Vec::new();
    let code = match kind(src.as_obj()) {
        Kind::Code => src.clone(),
        Kind::Str => {
            let text = crate::str::as_str(src.as_obj()).into_owned();
            let text = if mode == pymm_compiler::Mode::Eval {
                text.trim_start().to_string()
            } else {
                text
            };
            let code = crate::frame::new_code(crate::builtins::compile(&text, "<string>", mode)?)?;
            // `PyRun_StringFlags` keeps the parse tree while the code runs.
            ast = crate::frame::ast_constant_refs(&code);
            code
        }
        _ => {
            return Err(type_error(
                "exec() arg 1 must be a string, bytes or code object",
            ));
        }
    };
    let mut f = crate::frame::Frame::new(code, globals, Some(locals), None);
    let r = crate::eval::run_frame(&mut f);
    drop(f);
    drop(ast);
    let r = r?;
    Ok(if mode == pymm_compiler::Mode::Eval {
        r
    } else {
        none()
    })
}

fn eval(args: &[ObjRef], kw: &Kw) -> R {
    exec_eval(args, kw, pymm_compiler::Mode::Eval)
}

fn exec(args: &[ObjRef], kw: &Kw) -> R {
    exec_eval(args, kw, pymm_compiler::Mode::Exec)
}

fn compile_f(args: &[ObjRef], kw: &Kw) -> R {
    check_args("compile", args, 3, 6)?;
    let src = crate::str::as_str(args[0].as_obj()).into_owned();
    let filename = str_of(&args[1])?;
    let mode = match &*str_of(&arg(args, kw, 2, "mode").unwrap_or(none()))? {
        "eval" => pymm_compiler::Mode::Eval,
        "single" => pymm_compiler::Mode::Single,
        "exec" => pymm_compiler::Mode::Exec,
        _ => {
            return Err(value_error(
                "compile() mode must be 'exec', 'eval' or 'single'",
            ));
        }
    };
    crate::frame::new_code(crate::builtins::compile(&src, &filename, mode)?)
}

fn format_f(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("format", args, 1, 2)?;
    let spec = args
        .get(1)
        .map(|s| crate::str::as_str(s.as_obj()).into_owned())
        .unwrap_or_default();
    s(&crate::ops::format(&args[0], &spec)?)
}

fn bin_oct_hex(args: &[ObjRef], name: &str, spec: &str) -> R {
    check_args(name, args, 1, 1)?;
    let v = to_index(&args[0]).or_else(|_| {
        if crate::int::is_int(args[0].as_obj()) {
            Ok(0)
        } else {
            Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                obj_type_name(&args[0])
            )))
        }
    })?;
    let _ = v;
    let n = if crate::int::is_int(args[0].as_obj()) {
        args[0].clone()
    } else {
        crate::int::from_i64(to_index(&args[0])?)?
    };
    s(&crate::format::format_int(n.as_obj(), spec)?)
}

fn bin(args: &[ObjRef], _kw: &Kw) -> R {
    bin_oct_hex(args, "bin", "#b")
}
fn oct(args: &[ObjRef], _kw: &Kw) -> R {
    bin_oct_hex(args, "oct", "#o")
}
fn hex(args: &[ObjRef], _kw: &Kw) -> R {
    bin_oct_hex(args, "hex", "#x")
}

fn open(args: &[ObjRef], kw: &Kw) -> R {
    crate::modules::open_file(args, kw)
}

fn locals_f(_args: &[ObjRef], _kw: &Kw) -> R {
    Err(new_exc(
        "SystemError",
        "locals() is not supported by pymm yet",
    ))
}

/// Registers every built-in function.
pub fn register() {
    def("print", print);
    def("len", len);
    def("repr", repr);
    def("ascii", ascii);
    def("abs", abs);
    def("min", min);
    def("max", max);
    def("sum", sum);
    def("any", any);
    def("all", all);
    def("isinstance", isinstance_f);
    def("issubclass", issubclass);
    def("getattr", getattr);
    def("hasattr", hasattr);
    def("setattr", setattr);
    def("delattr", delattr);
    def("id", id);
    def("hash", hash);
    def("callable", callable);
    def("chr", chr_);
    def("ord", ord);
    def("iter", iter_f);
    def("next", next_f);
    def("enumerate", enumerate);
    def("zip", zip);
    def("map", map);
    def("filter", filter);
    def("reversed", reversed);
    def("sorted", sorted);
    def("divmod", divmod);
    def("pow", pow);
    def("round", round);
    def("vars", vars);
    def("dir", dir);
    def("globals", globals_f);
    def("locals", locals_f);
    def("input", input);
    def("__build_class__", build_class);
    def("__import__", import_f);
    def("eval", eval);
    def("exec", exec);
    def("compile", compile_f);
    def("format", format_f);
    def("bin", bin);
    def("oct", oct);
    def("hex", hex);
    def("open", open);
    let _ = rt();
}
