//! The abstract object protocols (`Objects/abstract.c`, `Objects/object.c`): truth,
//! `repr`/`str`, hashing, rich comparison, binary operators with reflected operands,
//! subscripts, `len`, `in`, and `format`.

use pymm_compiler::{BinaryOperator as B, ComparisonOperator as C, Constant};
use pymm_mem::{Obj, ObjRef};

use crate::call::call;
use crate::exc::{Exc, R, memory_error, new_exc, type_error};
use crate::object::*;
use crate::state::{none, notimpl, pybool};
use crate::typeobj::{is_heap_instance, lookup_special, obj_type_name};

/// A new float.
#[inline]
pub fn new_float(v: f64) -> R {
    ObjRef::new(&FLOAT_T, FloatBody(v)).map_err(|_| memory_error())
}

/// The float value of a float object.
#[inline]
pub fn float_val(o: &ObjRef) -> Option<f64> {
    o.as_obj().downcast::<FloatBody>().map(|f| f.0)
}

/// Converts a compile-time constant to an object.
pub fn from_constant(c: &Constant) -> R {
    Ok(match c {
        Constant::None => none(),
        Constant::Bool(b) => pybool(*b),
        Constant::Int(v) => crate::int::from_i64(*v)?,
        Constant::BigInt(b) => crate::int::from_big(b)?,
        Constant::Float(f) => new_float(*f)?,
        Constant::Complex { real, imag } => {
            ObjRef::new(&COMPLEX_T, ComplexBody(*real, *imag)).map_err(|_| memory_error())?
        }
        Constant::Str(s) => {
            if s.len() < 40 && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_') {
                crate::str::intern(s)
            } else {
                crate::str::new_str(s)?
            }
        }
        Constant::Bytes(b) => crate::builtins::new_bytes(b)?,
        Constant::Tuple(items) => {
            let v = items.iter().map(from_constant).collect::<R<Vec<_>>>()?;
            crate::seq::new_tuple(v)?
        }
        Constant::FrozenSet(items) => {
            let v = items.iter().map(from_constant).collect::<R<Vec<_>>>()?;
            crate::builtins::new_set(&v, true)?
        }
        Constant::Ellipsis => crate::state::sg().ellipsis.clone(),
        Constant::Code(code) => crate::frame::new_code(code.clone())?,
    })
}

/// `bool(o)`.
#[inline]
pub fn truthy(o: &ObjRef) -> R<bool> {
    let obj = o.as_obj();
    match kind(obj) {
        Kind::Bool => return Ok(crate::int::is_true(obj)),
        Kind::NoneType => return Ok(false),
        Kind::WeakProxy | Kind::WeakCallableProxy => return truthy(&crate::weakrefs::unproxy(o)?),
        _ => {}
    }
    if !is_heap_instance(obj) {
        return builtin_truthy(o);
    }
    if let Some(f) = lookup_special(o, "__bool__") {
        let r = call(&f, &[o.clone()])?;
        if kind(r.as_obj()) != Kind::Bool {
            return Err(type_error(format!(
                "__bool__ should return bool, returned {}",
                obj_type_name(&r)
            )));
        }
        return Ok(r.is(&crate::state::sg().true_));
    }
    if lookup_special(o, "__len__").is_some_and(|f| kind(f.as_obj()) == Kind::Function) {
        return Ok(len(o)? > 0);
    }
    // Subclasses of built-in types are true as their base's value is.
    builtin_truthy(o)
}

/// Truth of the built-in value in `o`'s body.
fn builtin_truthy(o: &ObjRef) -> R<bool> {
    let obj = o.as_obj();
    Ok(match kind(obj) {
        Kind::Int => crate::int::is_true(obj),
        Kind::Float => float_val(o) != Some(0.0),
        Kind::Str => crate::str::char_len(obj) > 0,
        Kind::List => crate::seq::list_len(obj) > 0,
        Kind::Tuple => !crate::seq::tuple_items(obj).is_empty(),
        Kind::Dict => crate::dict::len(obj) > 0,
        Kind::Set
        | Kind::FrozenSet
        | Kind::Bytes
        | Kind::ByteArray
        | Kind::Range
        | Kind::DictView
        | Kind::MappingProxy => len(o)? > 0,
        Kind::Complex => obj
            .downcast::<ComplexBody>()
            .is_some_and(|c| c.0 != 0.0 || c.1 != 0.0),
        _ => true,
    })
}

/// `repr(o)`.
pub fn repr_of(o: &ObjRef) -> R<String> {
    let obj = o.as_obj();
    if is_heap_instance(obj)
        && let Some(f) = lookup_special(o, "__repr__")
        && kind(f.as_obj()) == Kind::Function
    {
        let r = call(&f, &[o.clone()])?;
        if kind(r.as_obj()) != Kind::Str {
            return Err(type_error(format!(
                "__repr__ returned non-string (type {})",
                obj_type_name(&r)
            )));
        }
        return Ok(crate::str::as_str(r.as_obj()).into_owned());
    }
    crate::builtins::builtin_repr(o)
}

/// `str(o)`.
pub fn str_of(o: &ObjRef) -> R<String> {
    if crate::weakrefs::is_proxy(o) {
        return str_of(&crate::weakrefs::unproxy(o)?);
    }
    let obj = o.as_obj();
    if kind(obj) == Kind::Str && !is_heap_instance(obj) {
        return Ok(crate::str::as_str(obj).into_owned());
    }
    if let Some(m) = crate::typeobj::proxied_mapping(obj) {
        return str_of(&m);
    }
    if is_heap_instance(obj)
        && let Some(f) = lookup_special(o, "__str__")
        && kind(f.as_obj()) == Kind::Function
    {
        let r = call(&f, &[o.clone()])?;
        if kind(r.as_obj()) != Kind::Str {
            return Err(type_error(format!(
                "__str__ returned non-string (type {})",
                obj_type_name(&r)
            )));
        }
        return Ok(crate::str::as_str(r.as_obj()).into_owned());
    }
    match kind(obj) {
        Kind::Str => Ok(crate::str::as_str(obj).into_owned()),
        Kind::BaseException => crate::exc::exc_str(o),
        _ => repr_of(o),
    }
}

/// The hash of a built-in value (also of subclass instances that keep the base's hash).
pub fn builtin_hash(o: &ObjRef) -> R<isize> {
    let obj = o.as_obj();
    Ok(match kind(obj) {
        Kind::Str => crate::str::hash(obj),
        Kind::Int | Kind::Bool => crate::int::hash(obj),
        Kind::Float => float_hash(float_val(o).unwrap_or(0.0)),
        Kind::Tuple => {
            // CPython's xxHash-based tuplehash.
            const P1: u64 = 11400714785074694791;
            const P2: u64 = 14029467366897019727;
            const P5: u64 = 2870177450012600261;
            let items = crate::seq::tuple_items(obj);
            let mut acc: u64 = P5;
            for it in items {
                let lane = hash(it)? as u64;
                acc = acc.wrapping_add(lane.wrapping_mul(P2));
                acc = acc.rotate_left(31);
                acc = acc.wrapping_mul(P1);
            }
            acc = acc.wrapping_add(items.len() as u64 ^ (P5 ^ 3527539));
            if acc == u64::MAX {
                1546275796
            } else {
                acc as isize
            }
        }
        Kind::FrozenSet => crate::builtins::frozenset_hash(o)?,
        Kind::List | Kind::Dict | Kind::Set | Kind::Slice => {
            return Err(type_error(format!(
                "unhashable type: '{}'",
                obj_type_name(o)
            )));
        }
        Kind::Bytes => crate::builtins::bytes_hash(obj),
        Kind::Complex => {
            // complex_hash: hash(real) + 1000003 * hash(imag), wrapping; -1 becomes -2.
            let c = obj.downcast::<ComplexBody>().expect("complex");
            let h = float_hash(c.0).wrapping_add(float_hash(c.1).wrapping_mul(1_000_003));
            if h == -1 { -2 } else { h }
        }
        Kind::WeakRef => crate::weakrefs::hash(o)?,
        Kind::WeakProxy | Kind::WeakCallableProxy | Kind::ByteArray => {
            return Err(type_error(format!(
                "unhashable type: '{}'",
                obj_type_name(o)
            )));
        }
        _ => {
            let a = obj.addr();
            ((a >> 4) | (a << (usize::BITS - 4))) as isize
        }
    })
}

/// `hash(o)`.
pub fn hash(o: &ObjRef) -> R<isize> {
    let obj = o.as_obj();
    if !is_heap_instance(obj) {
        return builtin_hash(o);
    }
    match lookup_special(o, "__hash__") {
        Some(f) if kind(f.as_obj()) == Kind::NoneType => Err(type_error(format!(
            "unhashable type: '{}'",
            obj_type_name(o)
        ))),
        Some(f) if kind(f.as_obj()) == Kind::Function => {
            let r = call(&f, &[o.clone()])?;
            if !crate::int::is_int(r.as_obj()) {
                return Err(type_error("__hash__ method should return an integer"));
            }
            // CPython keeps a result that fits in Py_ssize_t (-1 becomes -2) and hashes
            // larger ints.
            let h = match crate::int::to_i64(r.as_obj()) {
                Some(-1) => -2,
                Some(v) => v as isize,
                None => crate::int::hash(r.as_obj()),
            };
            Ok(h)
        }
        _ => {
            if lookup_special(o, "__eq__").is_some_and(|f| kind(f.as_obj()) == Kind::Function) {
                // A class that defines __eq__ without __hash__ is unhashable: handled at
                // class creation in CPython by setting __hash__ = None.
                if crate::builtins::defines_eq_without_hash(o) {
                    return Err(type_error(format!(
                        "unhashable type: '{}'",
                        obj_type_name(o)
                    )));
                }
            }
            if !matches!(kind(obj), Kind::Object | Kind::BaseException) {
                return builtin_hash(o);
            }
            let a = obj.addr();
            Ok(((a >> 4) | (a << (usize::BITS - 4))) as isize)
        }
    }
}

/// `hash(float)`: CPython's `_Py_HashDouble`.
pub fn float_hash(v: f64) -> isize {
    if v.is_nan() {
        return 0;
    }
    if v.is_infinite() {
        return if v > 0.0 { 314159 } else { -314159 };
    }
    if v.fract() == 0.0 && v.abs() < 9.0e18 {
        let i = v as i64;
        let h = (i.unsigned_abs() % ((1 << 61) - 1)) as isize;
        let h = if i < 0 { -h } else { h };
        return if h == -1 { -2 } else { h };
    }
    const MODULUS: u64 = (1 << 61) - 1;
    let (m, e) = frexp(v.abs());
    let mut m = m;
    let mut e = e;
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (61 - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % 61
    } else {
        61 - 1 - ((-1 - e) % 61)
    };
    x = ((x << e) & MODULUS) | (x >> (61 - e));
    let mut h = x as isize;
    if v < 0.0 {
        h = -h;
    }
    if h == -1 { -2 } else { h }
}

fn frexp(v: f64) -> (f64, i32) {
    if v == 0.0 {
        return (0.0, 0);
    }
    let bits = v.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(v * (1u64 << 54) as f64);
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ff << 52)) | (1022 << 52));
    (m, exp - 1022)
}

fn reflected(op: C) -> C {
    match op {
        C::Less => C::Greater,
        C::LessEqual => C::GreaterEqual,
        C::Greater => C::Less,
        C::GreaterEqual => C::LessEqual,
        C::Equal => C::Equal,
        C::NotEqual => C::NotEqual,
    }
}

fn cmp_name(op: C) -> &'static str {
    match op {
        C::Less => "__lt__",
        C::LessEqual => "__le__",
        C::Greater => "__gt__",
        C::GreaterEqual => "__ge__",
        C::Equal => "__eq__",
        C::NotEqual => "__ne__",
    }
}

fn ord_result(o: std::cmp::Ordering, op: C) -> bool {
    use std::cmp::Ordering::*;
    match op {
        C::Less => o == Less,
        C::LessEqual => o != Greater,
        C::Greater => o == Greater,
        C::GreaterEqual => o != Less,
        C::Equal => o == Equal,
        C::NotEqual => o != Equal,
    }
}

/// Comparison of two built-in objects; `None` means `NotImplemented`.
pub fn builtin_compare(a: &ObjRef, b: &ObjRef, op: C) -> R<Option<bool>> {
    let (x, y) = (a.as_obj(), b.as_obj());
    let (ka, kb) = (kind(x), kind(y));
    // `mappingproxy_richcompare` compares the mapping.
    if ka == Kind::MappingProxy || kb == Kind::MappingProxy {
        let unwrap =
            |o: &ObjRef| crate::typeobj::proxied_mapping(o.as_obj()).unwrap_or_else(|| o.clone());
        let r = compare(&unwrap(a), &unwrap(b), op)?;
        return Ok(Some(truthy(&r)?));
    }
    if ka == Kind::ByteArray || kb == Kind::ByteArray {
        return Ok(crate::bytearray::compare(a, b, op));
    }
    if (ka == Kind::MemoryView || kb == Kind::MemoryView) && matches!(op, C::Equal | C::NotEqual) {
        return Ok(Some(
            crate::bytearray::compare(a, b, op).unwrap_or(op == C::NotEqual),
        ));
    }
    if ka == Kind::Array || kb == Kind::Array {
        return Ok(crate::array::compare(a, b, op));
    }
    if ka == Kind::WeakRef && kb == Kind::WeakRef && matches!(op, C::Equal | C::NotEqual) {
        let e = crate::weakrefs::eq(a, b)?;
        return Ok(Some(if op == C::Equal { e } else { !e }));
    }
    let num = |k: Kind| matches!(k, Kind::Int | Kind::Bool | Kind::Float);
    if num(ka) && num(kb) {
        if ka != Kind::Float && kb != Kind::Float {
            return Ok(Some(ord_result(crate::int::cmp(x, y), op)));
        }
        // int against float: exact, as CPython's float_richcompare (no rounding of the int).
        if (ka == Kind::Float) != (kb == Kind::Float) {
            let (i, fv, flipped) = if ka == Kind::Float {
                (y, float_val(a).unwrap_or(0.0), true)
            } else {
                (x, float_val(b).unwrap_or(0.0), false)
            };
            if fv.is_nan() {
                return Ok(Some(op == C::NotEqual));
            }
            // ord = cmp(int, float)
            let ord = if fv.is_infinite() {
                if fv > 0.0 {
                    std::cmp::Ordering::Less
                } else {
                    std::cmp::Ordering::Greater
                }
            } else {
                let t = fv.trunc();
                let ib = crate::int::to_big(i);
                let tb = crate::int::to_big(crate::int::from_f64(t)?.as_obj());
                match ib.cmp(&tb) {
                    std::cmp::Ordering::Equal => 0.0f64
                        .partial_cmp(&(fv - t))
                        .unwrap_or(std::cmp::Ordering::Equal),
                    o => o,
                }
            };
            let ord = if flipped { ord.reverse() } else { ord };
            return Ok(Some(ord_result(ord, op)));
        }
        let fa = if ka == Kind::Float {
            float_val(a).unwrap_or(0.0)
        } else {
            int_as_f64_cmp(a, b, op)?
        };
        let fb = if kb == Kind::Float {
            float_val(b).unwrap_or(0.0)
        } else {
            int_as_f64_cmp(b, a, op)?
        };
        return Ok(Some(match op {
            C::Less => fa < fb,
            C::LessEqual => fa <= fb,
            C::Greater => fa > fb,
            C::GreaterEqual => fa >= fb,
            C::Equal => fa == fb,
            C::NotEqual => fa != fb,
        }));
    }
    if ka != kb {
        let both_sets =
            matches!(ka, Kind::Set | Kind::FrozenSet) && matches!(kb, Kind::Set | Kind::FrozenSet);
        let views = ka == Kind::DictView || kb == Kind::DictView;
        if !both_sets && !views {
            return Ok(match op {
                C::Equal => Some(false),
                C::NotEqual => Some(true),
                _ => None,
            });
        }
    }
    match ka {
        Kind::Str => {
            if matches!(op, C::Equal | C::NotEqual) {
                return Ok(Some(crate::str::eq(x, y) == (op == C::Equal)));
            }
            let (s, t) = (crate::str::as_str(x), crate::str::as_str(y));
            Ok(Some(ord_result(s.as_ref().cmp(t.as_ref()), op)))
        }
        Kind::Bytes => Ok(Some(ord_result(
            crate::builtins::bytes_data(x).cmp(crate::builtins::bytes_data(y)),
            op,
        ))),
        Kind::List | Kind::Tuple => {
            // Tuples are immutable: compare their items in place; lists are copied since
            // a comparison may run code that changes them.
            let owned;
            let (va, vb): (&[ObjRef], &[ObjRef]) = if ka == Kind::List {
                owned = (crate::seq::list_items(x), crate::seq::list_items(y));
                (&owned.0, &owned.1)
            } else {
                (crate::seq::tuple_items(x), crate::seq::tuple_items(y))
            };
            if matches!(op, C::Equal | C::NotEqual) && va.len() != vb.len() {
                return Ok(Some(op == C::NotEqual));
            }
            for (p, q) in va.iter().zip(vb.iter()) {
                if !p.is(q) && !eq_bool(p, q)? {
                    if op == C::Equal {
                        return Ok(Some(false));
                    }
                    if op == C::NotEqual {
                        return Ok(Some(true));
                    }
                    let r = compare(p, q, op)?;
                    return truthy(&r).map(Some);
                }
            }
            Ok(Some(ord_result(va.len().cmp(&vb.len()), op)))
        }
        Kind::Dict => {
            if !matches!(op, C::Equal | C::NotEqual) {
                return Ok(None);
            }
            let e = dict_eq(a, b)?;
            Ok(Some(e == (op == C::Equal)))
        }
        Kind::Set | Kind::FrozenSet | Kind::DictView => crate::builtins::set_compare(a, b, op),
        Kind::NoneType | Kind::Ellipsis | Kind::NotImplementedType => Ok(match op {
            C::Equal => Some(true),
            C::NotEqual => Some(false),
            _ => None,
        }),
        Kind::Complex => {
            if !matches!(op, C::Equal | C::NotEqual) {
                return Ok(None);
            }
            let (p, q) = (x.downcast::<ComplexBody>(), y.downcast::<ComplexBody>());
            let e = p.zip(q).is_some_and(|(p, q)| p.0 == q.0 && p.1 == q.1);
            Ok(Some(e == (op == C::Equal)))
        }
        Kind::Slice => {
            // Slices compare as (start, stop, step) tuples.
            let t = |o: pymm_mem::Obj<'_>| {
                let s = o.downcast::<SliceBody>().expect("slice");
                crate::seq::new_tuple(vec![s.start.clone(), s.stop.clone(), s.step.clone()])
            };
            let r = compare(&t(x)?, &t(y)?, op)?;
            Ok(Some(truthy(&r)?))
        }
        Kind::Range => {
            if !matches!(op, C::Equal | C::NotEqual) {
                return Ok(None);
            }
            let e = crate::builtins::range_eq(a, b)?;
            Ok(Some(e == (op == C::Equal)))
        }
        Kind::Method => {
            if !matches!(op, C::Equal | C::NotEqual) {
                return Ok(None);
            }
            let (p, q) = (x.downcast::<MethodBody>(), y.downcast::<MethodBody>());
            let e = p
                .zip(q)
                .is_some_and(|(p, q)| p.func.is(&q.func) && p.this.is(&q.this));
            Ok(Some(e == (op == C::Equal)))
        }
        Kind::BuiltinFunction => {
            // `meth_richcompare`: the same C function bound to the same object.
            if !matches!(op, C::Equal | C::NotEqual) {
                return Ok(None);
            }
            let (p, q) = (x.downcast::<BuiltinBody>(), y.downcast::<BuiltinBody>());
            let e = a.is(b)
                || p.zip(q).is_some_and(|(p, q)| {
                    std::ptr::fn_addr_eq(p.func, q.func)
                        && p.name() == q.name()
                        && p.owner() == q.owner()
                        && match (p.bound.get(), q.bound.get()) {
                            (Some(s), Some(t)) => s.is(&t),
                            _ => false,
                        }
                });
            Ok(Some(e == (op == C::Equal)))
        }
        _ => Ok(match op {
            C::Equal => Some(a.is(b)),
            C::NotEqual => Some(!a.is(b)),
            _ => None,
        }),
    }
}

fn int_as_f64_cmp(i: &ObjRef, _other: &ObjRef, _op: C) -> R<f64> {
    Ok(crate::int::to_f64(i.as_obj()).unwrap_or(
        if crate::int::cmp(i.as_obj(), crate::state::sg().small_ints[5].as_obj()).is_lt() {
            f64::NEG_INFINITY
        } else {
            f64::INFINITY
        },
    ))
}

fn dict_eq(a: &ObjRef, b: &ObjRef) -> R<bool> {
    if crate::dict::len(a.as_obj()) != crate::dict::len(b.as_obj()) {
        return Ok(false);
    }
    for (k, v) in crate::dict::items(a.as_obj()) {
        match crate::dict::get(b.as_obj(), &k)? {
            Some(w) => {
                if !v.is(&w) && !eq_bool(&v, &w)? {
                    return Ok(false);
                }
            }
            None => return Ok(false),
        }
    }
    Ok(true)
}

/// `a == b` as a bool.
#[inline]
pub fn eq_bool(a: &ObjRef, b: &ObjRef) -> R<bool> {
    if !is_heap_instance(a.as_obj()) && !is_heap_instance(b.as_obj()) {
        if let Some(r) = builtin_compare(a, b, C::Equal)? {
            return Ok(r);
        }
        return Ok(a.is(b));
    }
    let r = compare(a, b, C::Equal)?;
    truthy(&r)
}

/// Rich comparison `a op b`.
pub fn compare(a: &ObjRef, b: &ObjRef, op: C) -> R {
    if crate::weakrefs::is_proxy(a) || crate::weakrefs::is_proxy(b) {
        let ua = if crate::weakrefs::is_proxy(a) {
            crate::weakrefs::unproxy(a)?
        } else {
            a.clone()
        };
        let ub = if crate::weakrefs::is_proxy(b) {
            crate::weakrefs::unproxy(b)?
        } else {
            b.clone()
        };
        return compare(&ua, &ub, op);
    }
    let (ha, hb) = (is_heap_instance(a.as_obj()), is_heap_instance(b.as_obj()));
    if !ha && !hb {
        if let Some(r) = builtin_compare(a, b, op)? {
            return Ok(pybool(r));
        }
        return Err(cmp_error(a, b, op));
    }
    let name = cmp_name(op);
    let rname = cmp_name(reflected(op));
    let ta = crate::typeobj::type_of(a.as_obj());
    let tb = crate::typeobj::type_of(b.as_obj());
    let b_is_sub = !ta.is(&tb) && crate::typeobj::is_subtype(tb.as_obj(), ta.as_obj());
    let try_user = |x: &ObjRef, y: &ObjRef, n: &'static str| -> R<Option<ObjRef>> {
        if let Some(f) = lookup_special(x, n)
            && kind(f.as_obj()) == Kind::Function
        {
            let r = call(&f, &[x.clone(), y.clone()])?;
            if kind(r.as_obj()) != Kind::NotImplementedType {
                return Ok(Some(r));
            }
        } else if !is_heap_instance(x.as_obj()) || lookup_special(x, n).is_none() {
            let _ = ();
        }
        Ok(None)
    };
    if b_is_sub && let Some(r) = try_user(b, a, rname)? {
        return Ok(r);
    }
    if let Some(r) = try_user(a, b, name)? {
        return Ok(r);
    }
    if !b_is_sub && let Some(r) = try_user(b, a, rname)? {
        return Ok(r);
    }
    // Built-in behaviour of the bases (e.g. subclasses of list or int).
    if !matches!(kind(a.as_obj()), Kind::Object)
        && !matches!(kind(b.as_obj()), Kind::Object)
        && let Some(r) = builtin_compare(a, b, op)?
    {
        return Ok(pybool(r));
    }
    if op == C::NotEqual
        && let Some(f) = lookup_special(a, "__eq__")
        && kind(f.as_obj()) == Kind::Function
    {
        let r = call(&f, &[a.clone(), b.clone()])?;
        if kind(r.as_obj()) != Kind::NotImplementedType {
            return Ok(pybool(!truthy(&r)?));
        }
    }
    match op {
        C::Equal => Ok(pybool(a.is(b))),
        C::NotEqual => Ok(pybool(!a.is(b))),
        _ => Err(cmp_error(a, b, op)),
    }
}

fn cmp_error(a: &ObjRef, b: &ObjRef, op: C) -> Exc {
    type_error(format!(
        "'{}' not supported between instances of '{}' and '{}'",
        op.symbol(),
        obj_type_name(a),
        obj_type_name(b)
    ))
}

fn op_names(
    op: B,
) -> (
    &'static str,
    &'static str,
    Option<&'static str>,
    &'static str,
) {
    match op {
        B::Add | B::InplaceAdd => ("__add__", "__radd__", Some("__iadd__"), "+"),
        B::Subtract | B::InplaceSubtract => ("__sub__", "__rsub__", Some("__isub__"), "-"),
        B::Multiply | B::InplaceMultiply => ("__mul__", "__rmul__", Some("__imul__"), "*"),
        B::TrueDivide | B::InplaceTrueDivide => {
            ("__truediv__", "__rtruediv__", Some("__itruediv__"), "/")
        }
        B::FloorDivide | B::InplaceFloorDivide => {
            ("__floordiv__", "__rfloordiv__", Some("__ifloordiv__"), "//")
        }
        B::Remainder | B::InplaceRemainder => ("__mod__", "__rmod__", Some("__imod__"), "%"),
        B::Power | B::InplacePower => ("__pow__", "__rpow__", Some("__ipow__"), "**"),
        B::Lshift | B::InplaceLshift => ("__lshift__", "__rlshift__", Some("__ilshift__"), "<<"),
        B::Rshift | B::InplaceRshift => ("__rshift__", "__rrshift__", Some("__irshift__"), ">>"),
        B::And | B::InplaceAnd => ("__and__", "__rand__", Some("__iand__"), "&"),
        B::Or | B::InplaceOr => ("__or__", "__ror__", Some("__ior__"), "|"),
        B::Xor | B::InplaceXor => ("__xor__", "__rxor__", Some("__ixor__"), "^"),
        B::MatrixMultiply | B::InplaceMatrixMultiply => {
            ("__matmul__", "__rmatmul__", Some("__imatmul__"), "@")
        }
    }
}

fn is_inplace(op: B) -> bool {
    matches!(
        op,
        B::InplaceAdd
            | B::InplaceSubtract
            | B::InplaceMultiply
            | B::InplaceTrueDivide
            | B::InplaceFloorDivide
            | B::InplaceRemainder
            | B::InplacePower
            | B::InplaceLshift
            | B::InplaceRshift
            | B::InplaceAnd
            | B::InplaceOr
            | B::InplaceXor
            | B::InplaceMatrixMultiply
    )
}

/// `+`, `-`, `*` and `/` (also in place) when one operand is an exact float and the
/// other an exact float or an exact int that fits in 64 bits: CPython 3.11's specialised
/// `BINARY_OP_*_FLOAT` instructions. `None` sends the operation down the general path
/// (which raises the errors, such as division by zero).
#[inline]
fn float_binop(op: B, a: Obj<'_>, b: Obj<'_>) -> Option<R> {
    let fa = std::ptr::eq(a.type_info(), &FLOAT_T);
    let fb = std::ptr::eq(b.type_info(), &FLOAT_T);
    if !(fa || fb) {
        return None;
    }
    let val = |o: Obj<'_>, is_float: bool| -> Option<f64> {
        if is_float {
            o.downcast::<FloatBody>().map(|f| f.0)
        } else if std::ptr::eq(o.type_info(), &INT_T) {
            // Rounded to nearest, ties to even, as PyLong_AsDouble does.
            crate::int::to_i64(o).map(|v| v as f64)
        } else {
            None
        }
    };
    float_arith(op, val(a, fa)?, val(b, fb)?).map(new_float)
}

/// `x op y` for the float operators that cannot raise (true division only by a non-zero
/// divisor); `None` for the others.
#[inline]
fn float_arith(op: B, x: f64, y: f64) -> Option<f64> {
    Some(match op {
        B::Add | B::InplaceAdd => x + y,
        B::Subtract | B::InplaceSubtract => x - y,
        B::Multiply | B::InplaceMultiply => x * y,
        B::TrueDivide | B::InplaceTrueDivide if y != 0.0 => x / y,
        _ => return None,
    })
}

/// The value of an exact float.
#[inline]
fn exact_float(o: Obj<'_>) -> Option<f64> {
    if core::ptr::eq(o.type_info(), &FLOAT_T) {
        o.downcast::<FloatBody>().map(|f| f.0)
    } else {
        None
    }
}

/// `BINARY_OP` on two exact small ints or two exact floats, the operators CPython 3.11
/// specialises (`BINARY_OP_ADD_INT`, `_SUBTRACT_FLOAT`, `_MULTIPLY_*`, ...) plus true
/// division by a non-zero float; `None` sends the operands down [`binary_op`].
#[inline]
pub fn binary_op_fast(op: B, a: &ObjRef, b: &ObjRef) -> Option<R> {
    let (x, y) = (a.as_obj(), b.as_obj());
    if let (Some(p), Some(q)) = (crate::int::exact_small(x), crate::int::exact_small(y)) {
        // Two-digit operands: sums and products stay far inside an i64.
        let r = match op {
            B::Add | B::InplaceAdd => p + q,
            B::Subtract | B::InplaceSubtract => p - q,
            B::Multiply | B::InplaceMultiply => p.checked_mul(q)?,
            // Python's floor division and modulo: the quotient rounds down, the
            // remainder takes the divisor's sign.
            B::FloorDivide | B::InplaceFloorDivide if q != 0 => {
                p.div_euclid(q) - i64::from(q < 0 && p.rem_euclid(q) != 0)
            }
            B::Remainder | B::InplaceRemainder if q != 0 => {
                let r = p.rem_euclid(q);
                if q < 0 && r != 0 { r + q } else { r }
            }
            B::And | B::InplaceAnd => p & q,
            B::Or | B::InplaceOr => p | q,
            B::Xor | B::InplaceXor => p ^ q,
            B::Rshift | B::InplaceRshift if q >= 0 => p >> q.min(63),
            _ => return None,
        };
        return Some(crate::int::from_i64_op(r, op, x, y));
    }
    float_arith(op, exact_float(x)?, exact_float(y)?).map(new_float)
}

/// `COMPARE_OP` on two exact small ints or two exact floats (`COMPARE_OP_INT_JUMP`,
/// `COMPARE_OP_FLOAT_JUMP`): the truth of `a op b`, or `None` for the general path.
#[inline]
pub fn compare_fast(op: C, a: &ObjRef, b: &ObjRef) -> Option<bool> {
    fn cmp<T: PartialOrd>(op: C, p: T, q: T) -> bool {
        match op {
            C::Less => p < q,
            C::LessEqual => p <= q,
            C::Equal => p == q,
            C::NotEqual => p != q,
            C::Greater => p > q,
            C::GreaterEqual => p >= q,
        }
    }
    let (x, y) = (a.as_obj(), b.as_obj());
    if let (Some(p), Some(q)) = (crate::int::exact_small(x), crate::int::exact_small(y)) {
        return Some(cmp(op, p, q));
    }
    Some(cmp(op, exact_float(x)?, exact_float(y)?))
}

/// `a op b` (binary and in-place operators).
#[inline]
pub fn binary_op(op: B, a: &ObjRef, b: &ObjRef) -> R {
    if let Some(r) = float_binop(op, a.as_obj(), b.as_obj()) {
        return r;
    }
    // Fast paths first: exact ints and floats.
    {
        let (x, y) = (a.as_obj(), b.as_obj());
        let (ka, kb) = (kind(x), kind(y));
        let num = |k: Kind| matches!(k, Kind::Int | Kind::Bool | Kind::Float);
        if num(ka) && num(kb) && x.type_object().is_none() && y.type_object().is_none() {
            if ka != Kind::Float
                && kb != Kind::Float
                && let Some(r) = crate::int::binop(op, x, y)
            {
                return r;
            }
            if let Some(r) = crate::builtins::builtin_binop(op, a, b)? {
                return Ok(r);
            }
        }
    }
    if crate::weakrefs::is_proxy(a) || crate::weakrefs::is_proxy(b) {
        let ua = if crate::weakrefs::is_proxy(a) {
            crate::weakrefs::unproxy(a)?
        } else {
            a.clone()
        };
        let ub = if crate::weakrefs::is_proxy(b) {
            crate::weakrefs::unproxy(b)?
        } else {
            b.clone()
        };
        return binary_op(op, &ua, &ub);
    }
    let (x, y) = (a.as_obj(), b.as_obj());
    let (ha, hb) = (is_heap_instance(x), is_heap_instance(y));
    if !ha && !hb {
        // Fast paths.
        let (ka, kb) = (kind(x), kind(y));
        if matches!(ka, Kind::Int | Kind::Bool) && matches!(kb, Kind::Int | Kind::Bool) {
            if let Some(r) = crate::int::binop(op, x, y) {
                return r;
            }
        } else if let Some(r) = crate::builtins::builtin_binop(op, a, b)? {
            return Ok(r);
        }
        let (_, _, _, sym) = op_names(op);
        return Err(binop_error(sym, a, b, is_inplace(op)));
    }
    let (name, rname, iname, sym) = op_names(op);
    if is_inplace(op)
        && let Some(iname) = iname
        && let Some(f) = lookup_special(a, iname)
        && kind(f.as_obj()) == Kind::Function
    {
        let r = call(&f, &[a.clone(), b.clone()])?;
        if kind(r.as_obj()) != Kind::NotImplementedType {
            return Ok(r);
        }
    }
    let ta = crate::typeobj::type_of(x);
    let tb = crate::typeobj::type_of(y);
    let b_is_sub = !ta.is(&tb) && crate::typeobj::is_subtype(tb.as_obj(), ta.as_obj());
    let call_user = |o: &ObjRef, other: &ObjRef, n: &'static str| -> R<Option<ObjRef>> {
        if let Some(f) = lookup_special(o, n)
            && kind(f.as_obj()) == Kind::Function
        {
            let r = call(&f, &[o.clone(), other.clone()])?;
            if kind(r.as_obj()) != Kind::NotImplementedType {
                return Ok(Some(r));
            }
        }
        Ok(None)
    };
    if b_is_sub && let Some(r) = call_user(b, a, rname)? {
        return Ok(r);
    }
    // An exact str or bytes formats any right operand (`str % obj`, `bytes % obj`).
    if !ha
        && matches!(op, B::Remainder | B::InplaceRemainder)
        && matches!(kind(x), Kind::Str | Kind::Bytes)
        && let Some(r) = crate::builtins::builtin_binop(op, a, b)?
    {
        return Ok(r);
    }
    if let Some(r) = call_user(a, b, name)? {
        return Ok(r);
    }
    if !ta.is(&tb)
        && !b_is_sub
        && let Some(r) = call_user(b, a, rname)?
    {
        return Ok(r);
    }
    // Built-in bases of user subclasses (int, list, str...).
    let (ka, kb) = (kind(x), kind(y));
    if ka != Kind::Object && kb != Kind::Object && ka != Kind::BaseException {
        if matches!(ka, Kind::Int | Kind::Bool) && matches!(kb, Kind::Int | Kind::Bool) {
            if let Some(r) = crate::int::binop(op, x, y) {
                return r;
            }
        } else if let Some(r) = crate::builtins::builtin_binop(op, a, b)? {
            return Ok(r);
        }
    }
    // Sequence repetition by an object with __index__.
    if matches!(op, B::Multiply | B::InplaceMultiply) {
        let seq = |k: Kind| matches!(k, Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes);
        if seq(ka) && lookup_special(b, "__index__").is_some() {
            let n = crate::int::from_i64(crate::builtins::to_index(b)?)?;
            return binary_op(op, a, &n);
        }
        if seq(kb) && lookup_special(a, "__index__").is_some() {
            let n = crate::int::from_i64(crate::builtins::to_index(a)?)?;
            return binary_op(op, &n, b);
        }
    }
    Err(binop_error(sym, a, b, is_inplace(op)))
}

fn binop_error(sym: &str, a: &ObjRef, b: &ObjRef, inplace: bool) -> Exc {
    let (ta, tb) = (obj_type_name(a), obj_type_name(b));
    if sym == "+" && kind(a.as_obj()) == Kind::Str && !inplace {
        return type_error(format!("can only concatenate str (not \"{tb}\") to str"));
    }
    if sym == "+" && matches!(kind(a.as_obj()), Kind::Bytes | Kind::ByteArray) && !inplace {
        return type_error(format!("can't concat {tb} to {ta}"));
    }
    if sym == "+" && kind(a.as_obj()) == Kind::List && kind(b.as_obj()) != Kind::List {
        return type_error(format!("can only concatenate list (not \"{tb}\") to list"));
    }
    if sym == "+" && kind(a.as_obj()) == Kind::Tuple && kind(b.as_obj()) != Kind::Tuple {
        return type_error(format!(
            "can only concatenate tuple (not \"{tb}\") to tuple"
        ));
    }
    if sym == "*"
        && matches!(
            kind(a.as_obj()),
            Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes
        )
        && !crate::int::is_int(b.as_obj())
    {
        return type_error(format!("can't multiply sequence by non-int of type '{tb}'"));
    }
    if sym == "*"
        && matches!(
            kind(b.as_obj()),
            Kind::Str | Kind::List | Kind::Tuple | Kind::Bytes
        )
        && !crate::int::is_int(a.as_obj())
    {
        return type_error(format!("can't multiply sequence by non-int of type '{ta}'"));
    }
    if sym == "**" {
        return type_error(format!(
            "unsupported operand type(s) for {}: '{ta}' and '{tb}'",
            if inplace { "**=" } else { "** or pow()" }
        ));
    }
    let s = if inplace {
        format!("{sym}=")
    } else {
        sym.to_string()
    };
    type_error(format!(
        "unsupported operand type(s) for {s}: '{ta}' and '{tb}'"
    ))
}

/// Unary operators by dunder name.
pub fn unary(a: &ObjRef, name: &'static str) -> R {
    if crate::weakrefs::is_proxy(a) {
        return unary(&crate::weakrefs::unproxy(a)?, name);
    }
    let x = a.as_obj();
    if is_heap_instance(x)
        && let Some(f) = lookup_special(a, name)
        && kind(f.as_obj()) == Kind::Function
    {
        return call(&f, &[a.clone()]);
    }
    match (kind(x), name) {
        (Kind::Int | Kind::Bool, "__neg__") => crate::int::neg(x),
        (Kind::Int | Kind::Bool, "__pos__") => match crate::int::to_i64(x) {
            Some(v) => crate::int::from_i64(v),
            None => crate::int::from_big(&crate::int::to_big(x)),
        },
        (Kind::Int | Kind::Bool, "__invert__") => crate::int::invert(x),
        (Kind::Float, "__neg__") => new_float(-float_val(a).unwrap_or(0.0)),
        (Kind::Float, "__pos__") => new_float(float_val(a).unwrap_or(0.0)),
        (Kind::Complex, "__neg__") => {
            let c = x.downcast::<ComplexBody>().expect("complex");
            ObjRef::new(&COMPLEX_T, ComplexBody(-c.0, -c.1)).map_err(|_| memory_error())
        }
        _ => {
            let sym = match name {
                "__neg__" => "-",
                "__pos__" => "+",
                _ => "~",
            };
            Err(type_error(format!(
                "bad operand type for unary {sym}: '{}'",
                obj_type_name(a)
            )))
        }
    }
}

/// `len(o)`.
pub fn len(o: &ObjRef) -> R<usize> {
    if crate::weakrefs::is_proxy(o) {
        return len(&crate::weakrefs::unproxy(o)?);
    }
    let obj = o.as_obj();
    if is_heap_instance(obj)
        && let Some(f) = lookup_special(o, "__len__")
        && kind(f.as_obj()) == Kind::Function
    {
        let r = call(&f, &[o.clone()])?;
        if !crate::int::is_int(r.as_obj()) {
            return Err(type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                obj_type_name(&r)
            )));
        }
        let n = crate::int::to_i64(r.as_obj()).ok_or_else(|| {
            new_exc(
                "OverflowError",
                "cannot fit 'int' into an index-sized integer",
            )
        })?;
        if n < 0 {
            return Err(crate::exc::value_error("__len__() should return >= 0"));
        }
        return Ok(n as usize);
    }
    builtin_len(o)
}

/// `len()` of the built-in value in `o`'s body.
pub fn builtin_len(o: &ObjRef) -> R<usize> {
    let obj = o.as_obj();
    Ok(match kind(obj) {
        Kind::Str => crate::str::char_len(obj),
        Kind::List => crate::seq::list_len(obj),
        Kind::Tuple => crate::seq::tuple_items(obj).len(),
        Kind::Dict => crate::dict::len(obj),
        Kind::DictView => {
            crate::dict::len(obj.downcast::<DictViewBody>().expect("view").dict.as_obj())
        }
        Kind::MappingProxy => {
            return len(&crate::typeobj::proxied_mapping(obj).expect("mappingproxy"));
        }
        Kind::Set | Kind::FrozenSet => obj.downcast::<SetBody>().map_or(0, |s| s.used.get()),
        Kind::Bytes => crate::builtins::bytes_data(obj).len(),
        Kind::ByteArray => obj.downcast::<ByteArrayBody>().map_or(0, |b| b.data.len()),
        Kind::Array => crate::array::len(obj),
        Kind::MemoryView => crate::memoryview::len(o)?,
        Kind::Range => crate::builtins::range_len(o)?,
        _ => {
            return Err(type_error(format!(
                "object of type '{}' has no len()",
                obj_type_name(o)
            )));
        }
    })
}

/// `o[k]`.
/// The position `k` designates in an exact list or tuple of `n` items, when `k` is an
/// exact int in range (anything else takes the general path, which raises).
#[inline]
fn int_index(k: Obj<'_>, n: usize) -> Option<usize> {
    if !std::ptr::eq(k.type_info(), &INT_T) {
        return None;
    }
    let i = crate::int::to_i64(k)?;
    let j = if i < 0 { i.checked_add(n as i64)? } else { i };
    (0..n as i64).contains(&j).then_some(j as usize)
}

/// CPython 3.11's `BINARY_SUBSCR_LIST_INT`, `BINARY_SUBSCR_TUPLE_INT` and
/// `BINARY_SUBSCR_DICT`: exact containers, found keys and indices in range.
/// An exact dict decides at once (one lookup: a missing key is a `KeyError`, as it has
/// no `__missing__`).
#[inline]
fn getitem_fast(o: Obj<'_>, k: &ObjRef) -> Option<R> {
    let ti = o.type_info();
    if std::ptr::eq(ti, &LIST_T) {
        let items = &o.downcast::<ListBody>()?.items;
        return items.get(int_index(k.as_obj(), items.len())?).map(Ok);
    }
    if std::ptr::eq(ti, &TUPLE_T) {
        let items = crate::seq::tuple_items(o);
        return items
            .get(int_index(k.as_obj(), items.len())?)
            .cloned()
            .map(Ok);
    }
    if std::ptr::eq(ti, &DICT_T) {
        return Some(match crate::dict::get(o, k) {
            Ok(Some(v)) => Ok(v),
            Ok(None) => Err(crate::exc::new_exc_args("KeyError", vec![k.clone()])),
            Err(e) => Err(e),
        });
    }
    None
}

pub fn getitem(o: &ObjRef, k: &ObjRef) -> R {
    if let Some(r) = getitem_fast(o.as_obj(), k) {
        return r;
    }
    if crate::weakrefs::is_proxy(o) {
        return getitem(&crate::weakrefs::unproxy(o)?, k);
    }
    let obj = o.as_obj();
    if is_heap_instance(obj)
        && let Some(f) = lookup_special(o, "__getitem__")
        && kind(f.as_obj()) == Kind::Function
    {
        return call(&f, &[o.clone(), k.clone()]);
    }
    if kind(obj) == Kind::Type {
        if let Some(f) = crate::typeobj::getattr_opt(o, &crate::str::intern("__class_getitem__"))? {
            return call(&f, &[k.clone()]);
        }
        // The built-in generic types (PEP 585): `list[int]` is a `types.GenericAlias`.
        if o.is(&crate::state::builtin_type(
            crate::typeobj::tb(obj).base_kind,
        )) && matches!(
            crate::typeobj::tb(obj).base_kind,
            Kind::List | Kind::Dict | Kind::Tuple | Kind::Set | Kind::FrozenSet | Kind::Type
        ) {
            let m = crate::builtins::import_module("_generic_alias")?;
            let ga = crate::typeobj::getattr(&m, &crate::str::intern("GenericAlias"))?;
            return call(&ga, &[o.clone(), k.clone()]);
        }
        return Err(type_error(format!(
            "type '{}' is not subscriptable",
            crate::typeobj::type_name(obj)
        )));
    }
    if let Some(m) = crate::typeobj::proxied_mapping(obj) {
        return getitem(&m, k);
    }
    crate::builtins::builtin_getitem(o, k)
}

/// `o[k] = v`.
pub fn setitem(o: &ObjRef, k: ObjRef, v: ObjRef) -> R<()> {
    // `STORE_SUBSCR_LIST_INT`.
    if std::ptr::eq(o.as_obj().type_info(), &LIST_T)
        && let Some(b) = o.as_obj().downcast::<ListBody>()
        && let Some(i) = int_index(k.as_obj(), b.items.len())
    {
        let old = b.items.replace(i, v);
        drop(old);
        return Ok(());
    }
    if crate::weakrefs::is_proxy(o) {
        return setitem(&crate::weakrefs::unproxy(o)?, k, v);
    }
    let obj = o.as_obj();
    if kind(obj) == Kind::Dict && !is_heap_instance(obj) {
        return crate::dict::set(obj, k, v);
    }
    if is_heap_instance(obj)
        && let Some(f) = lookup_special(o, "__setitem__")
        && kind(f.as_obj()) == Kind::Function
    {
        call(&f, &[o.clone(), k, v])?;
        return Ok(());
    }
    crate::builtins::builtin_setitem(o, k, Some(v))
}

/// `del o[k]`.
pub fn delitem(o: &ObjRef, k: &ObjRef) -> R<()> {
    let obj = o.as_obj();
    if is_heap_instance(obj)
        && let Some(f) = lookup_special(o, "__delitem__")
        && kind(f.as_obj()) == Kind::Function
    {
        call(&f, &[o.clone(), k.clone()])?;
        return Ok(());
    }
    crate::builtins::builtin_setitem(o, k.clone(), None)
}

/// `mapping.get(k)` for namespaces (dicts or user mappings).
pub fn mapping_get(m: &ObjRef, k: &ObjRef) -> R<Option<ObjRef>> {
    if kind(m.as_obj()) == Kind::Dict && !is_heap_instance(m.as_obj()) {
        return crate::dict::get(m.as_obj(), k);
    }
    match getitem(m, k) {
        Ok(v) => Ok(Some(v)),
        Err(e) if crate::exc::matches(&e.0, "KeyError") => Ok(None),
        Err(e) => Err(e),
    }
}

/// `item in container`.
pub fn contains(container: &ObjRef, item: &ObjRef) -> R<bool> {
    if crate::weakrefs::is_proxy(container) {
        return contains(&crate::weakrefs::unproxy(container)?, item);
    }
    if let Some(m) = crate::typeobj::proxied_mapping(container.as_obj()) {
        return contains(&m, item);
    }
    let obj = container.as_obj();
    if is_heap_instance(obj) {
        if let Some(f) = crate::typeobj::user_special(container, "__contains__") {
            return truthy(&call(&f, &[container.clone(), item.clone()])?);
        }
        if crate::typeobj::user_special(container, "__iter__").is_some()
            || (kind(obj) == Kind::Object && lookup_special(container, "__getitem__").is_some())
        {
            let it = crate::iter::get_iter(container)?;
            while let Some(v) = crate::iter::next(&it)? {
                if v.is(item) || eq_bool(&v, item)? {
                    return Ok(true);
                }
            }
            return Ok(false);
        }
    }
    builtin_contains(container, item)
}

/// `item in container` on the container's own body (ignoring `__contains__` overrides).
pub fn builtin_contains(container: &ObjRef, item: &ObjRef) -> R<bool> {
    let obj = container.as_obj();
    match kind(obj) {
        Kind::ByteArray => crate::bytearray::contains(container, item),
        Kind::Array => crate::array::contains(container, item),
        Kind::Dict => Ok(crate::dict::get(obj, item)?.is_some()),
        Kind::Set | Kind::FrozenSet => crate::builtins::set_contains(container, item),
        Kind::Str => {
            if kind(item.as_obj()) != Kind::Str {
                return Err(type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    obj_type_name(item)
                )));
            }
            Ok(crate::str::as_str(obj).contains(crate::str::as_str(item.as_obj()).as_ref()))
        }
        Kind::Range => crate::builtins::range_contains(container, item),
        Kind::DictView => {
            let v = obj.downcast::<DictViewBody>().expect("view");
            match crate::object::view_which(obj) {
                0 => Ok(crate::dict::get(v.dict.as_obj(), item)?.is_some()),
                _ => {
                    for x in crate::iter::collect(container)? {
                        if eq_bool(&x, item)? {
                            return Ok(true);
                        }
                    }
                    Ok(false)
                }
            }
        }
        Kind::Bytes => crate::builtins::bytes_contains(container, item),
        _ => {
            let it = crate::iter::get_iter(container).map_err(|_| {
                type_error(format!(
                    "argument of type '{}' is not iterable",
                    obj_type_name(container)
                ))
            })?;
            while let Some(v) = crate::iter::next(&it)? {
                if v.is(item) || eq_bool(&v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
    }
}

/// `format(v, spec)`.
pub fn format(v: &ObjRef, spec: &str) -> R<String> {
    let obj = v.as_obj();
    if is_heap_instance(obj)
        && let Some(f) = lookup_special(v, "__format__")
        && kind(f.as_obj()) == Kind::Function
    {
        let r = call(&f, &[v.clone(), crate::str::new_str(spec)?])?;
        return Ok(crate::str::as_str(r.as_obj()).into_owned());
    }
    crate::builtins::builtin_format(v, spec)
}

/// `NotImplemented` check helper.
pub fn is_notimpl(o: &ObjRef) -> bool {
    o.is(&notimpl())
}
