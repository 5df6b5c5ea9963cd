//! Weak references seen from Python (`weakref.ref`, `weakref.proxy`, the `_weakref`
//! functions), on pymm_mem's weak-reference lists (CPython's `weakrefobject.c`).

use pymm_mem::ObjRef;
use pymm_mem::weakref::{WeakKind, WeakRefError, new_weakref, weakref_body};

use crate::call::{Kw, check_args};
use crate::exc::{R, memory_error, new_exc, type_error};
use crate::object::*;
use crate::state::none;
use crate::typeobj::obj_type_name;

/// Whether `o` is a weakref proxy (callable or not).
#[inline]
pub fn is_proxy(o: &ObjRef) -> bool {
    matches!(kind(o.as_obj()), Kind::WeakProxy | Kind::WeakCallableProxy)
}

/// The referent of a live weak reference or proxy.
pub fn referent(o: &ObjRef) -> Option<ObjRef> {
    weakref_body(o.as_obj()).and_then(|b| b.upgrade())
}

/// The object behind a proxy, or `ReferenceError` once it is gone.
pub fn unproxy(o: &ObjRef) -> R {
    referent(o).ok_or_else(|| {
        new_exc(
            "ReferenceError",
            "weakly-referenced object no longer exists",
        )
    })
}

fn make(k: Kind, o: &ObjRef, callback: Option<ObjRef>) -> R {
    let (ty, wk) = match k {
        Kind::WeakRef => (&WEAKREF_T, WeakKind::Ref),
        Kind::WeakProxy => (&WEAKPROXY_T, WeakKind::Proxy),
        _ => (&WEAKCALLABLEPROXY_T, WeakKind::Proxy),
    };
    make_with(ty, wk, o, callback)
}

fn make_with(
    ty: &'static pymm_mem::TypeInfo,
    wk: WeakKind,
    o: &ObjRef,
    callback: Option<ObjRef>,
) -> R {
    let callback = callback.filter(|c| kind(c.as_obj()) != Kind::NoneType);
    new_weakref(ty, wk, o.as_obj(), callback).map_err(|e| match e {
        WeakRefError::NotWeakrefable => type_error(format!(
            "cannot create weak reference to '{}' object",
            obj_type_name(o)
        )),
        WeakRefError::Alloc(_) => memory_error(),
    })
}

/// `weakref.ref(o[, callback])`.
pub fn ctor_ref(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    if !kw.is_empty() {
        return Err(type_error("ref() takes no keyword arguments"));
    }
    match args.len() {
        1 | 2 => make(Kind::WeakRef, &args[0], args.get(1).cloned()),
        0 => Err(type_error("__new__ expected at least 1 argument, got 0")),
        n => Err(type_error(format!(
            "__new__ expected at most 2 arguments, got {n}"
        ))),
    }
}

/// `weakref.ref.__new__(cls, ob[, callback])` for a subclass `cls`: always a new
/// reference (never the shared basic one), inserted after the basic ones. Keyword
/// arguments are left to `__init__`.
pub fn new_subclass_ref(cls: &ObjRef, args: &[ObjRef]) -> R {
    match args.len() {
        1 | 2 => make_with(
            crate::typeobj::instance_info(cls.as_obj()),
            WeakKind::Subclass,
            &args[0],
            args.get(1).cloned(),
        ),
        0 => Err(type_error("__new__ expected at least 1 argument, got 0")),
        n => Err(type_error(format!(
            "__new__ expected at most 2 arguments, got {n}"
        ))),
    }
}

/// `weakref.ref.__init__(self, ob[, callback])`: checks the arguments; `__new__` did
/// the work.
pub fn ref_init(args: &[ObjRef], _kw: &Kw) -> R {
    match args.len() {
        2 | 3 => Ok(none()),
        n if n < 2 => Err(type_error("__init__ expected at least 1 argument, got 0")),
        n => Err(type_error(format!(
            "__init__ expected at most 2 arguments, got {}",
            n - 1
        ))),
    }
}

fn proxy(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("proxy", args, 1, 2)?;
    let k = if crate::call::is_callable(&args[0]) {
        Kind::WeakCallableProxy
    } else {
        Kind::WeakProxy
    };
    make(k, &args[0], args.get(1).cloned())
}

fn getweakrefcount(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("getweakrefcount", args, 1, 1)?;
    crate::int::from_i64(pymm_mem::weakref::weakref_count(args[0].as_obj()) as i64)
}

fn getweakrefs(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("getweakrefs", args, 1, 1)?;
    crate::seq::new_list(pymm_mem::weakref::weakrefs(args[0].as_obj()))
}

/// Calling a weak reference: its referent or `None`.
pub fn call_ref(r: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    if !args.is_empty() || !kw.is_empty() {
        return Err(type_error(format!(
            "weakref() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(referent(r).unwrap_or_else(none))
}

/// `repr()` of weak references and proxies.
pub fn repr(o: &ObjRef) -> R<String> {
    let addr = o.as_obj().addr();
    let tag = match kind(o.as_obj()) {
        Kind::WeakRef => "weakref",
        Kind::WeakProxy => "weakproxy",
        _ => "weakcallableproxy",
    };
    Ok(match referent(o) {
        None => format!("<{tag} at {addr:#x}; dead>"),
        Some(r) => {
            let name = obj_type_name(&r);
            let named = if kind(o.as_obj()) == Kind::WeakRef {
                crate::typeobj::getattr_opt(&r, &crate::str::intern("__name__"))
                    .ok()
                    .flatten()
                    .filter(|n| kind(n.as_obj()) == Kind::Str)
                    .map(|n| format!(" ({})", crate::str::as_str(n.as_obj())))
                    .unwrap_or_default()
            } else {
                String::new()
            };
            if kind(o.as_obj()) == Kind::WeakRef {
                format!(
                    "<{tag} at {addr:#x}; to '{name}' at {:#x}{named}>",
                    r.as_obj().addr()
                )
            } else {
                format!("<{tag} at {addr:#x} to {name} at {:#x}>", r.as_obj().addr())
            }
        }
    })
}

/// `hash(weakref)`: the referent's hash, cached; a dead, never-hashed ref raises.
pub fn hash(o: &ObjRef) -> R<isize> {
    let b = weakref_body(o.as_obj()).expect("weakref");
    if b.hash() != -1 {
        return Ok(b.hash());
    }
    let Some(r) = b.upgrade() else {
        return Err(type_error("weak object has gone away"));
    };
    let h = crate::ops::hash(&r)?;
    b.set_hash(h);
    Ok(h)
}

/// `==` between weak references: referents when both are alive, identity otherwise.
pub fn eq(a: &ObjRef, b: &ObjRef) -> R<bool> {
    match (referent(a), referent(b)) {
        (Some(x), Some(y)) => crate::ops::eq_bool(&x, &y),
        _ => Ok(a.is(b)),
    }
}

/// Attributes of weak references (`__callback__`).
pub fn ref_attr(o: &ObjRef, name: &str) -> Option<ObjRef> {
    match name {
        "__callback__" => Some(
            weakref_body(o.as_obj())
                .and_then(|b| b.callback())
                .unwrap_or_else(none),
        ),
        _ => None,
    }
}

/// Runs a weak-reference callback for pymm_mem; errors are reported, not raised.
pub fn run_callback(callback: pymm_mem::Obj<'_>, wr: pymm_mem::Obj<'_>) {
    let (cb, wr) = (callback.to_owned(), wr.to_owned());
    if let Err(e) = crate::call::call(&cb, &[wr]) {
        crate::exc::unraisable(&e, Some(&cb), "weakref callback");
    }
}

/// The native part of the `weakref` module (`_weakref`).
pub fn module_functions() -> &'static [(&'static str, NativeFn)] {
    &[
        ("proxy", proxy),
        ("getweakrefcount", getweakrefcount),
        ("getweakrefs", getweakrefs),
    ]
}
