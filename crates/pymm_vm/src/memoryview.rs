//! `memoryview` over bytes and bytearray (one-dimensional, format `'B'`): a window
//! `[start, start + len)` onto the exported object's bytes, as CPython's managed buffer.

use pymm_mem::ObjRef;

use crate::call::Kw;
use crate::exc::{R, memory_error, new_exc, type_error, value_error};
use crate::object::*;
use crate::state::{none, pybool};
use crate::typeobj::obj_type_name;

fn body(o: &ObjRef) -> &MemoryViewBody {
    o.as_obj().downcast::<MemoryViewBody>().expect("memoryview")
}

fn check_live(o: &ObjRef) -> R<&MemoryViewBody> {
    let b = body(o);
    if b.released.get() {
        return Err(value_error(
            "operation forbidden on released memoryview object",
        ));
    }
    Ok(b)
}

fn new_view(obj: ObjRef, start: usize, len: usize) -> R {
    let o = ObjRef::new(
        &MEMORYVIEW_T,
        MemoryViewBody {
            obj,
            start,
            len,
            released: Default::default(),
        },
    )
    .map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

/// `memoryview(obj)`.
pub fn ctor(_cls: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    let Some(obj) = crate::builtins::arg(args, kw, 0, "object") else {
        return Err(type_error(
            "memoryview() missing required argument 'object' (pos 1)",
        ));
    };
    match kind(obj.as_obj()) {
        Kind::Bytes | Kind::ByteArray => {
            let n = crate::bytearray::bytes_like(&obj).map_or(0, |b| b.len());
            new_view(obj, 0, n)
        }
        Kind::MemoryView => {
            let b = check_live(&obj)?;
            new_view(b.obj.clone(), b.start, b.len)
        }
        _ => Err(type_error(format!(
            "memoryview: a bytes-like object is required, not '{}'",
            obj_type_name(&obj)
        ))),
    }
}

/// The viewed bytes.
pub fn data(o: &ObjRef) -> Vec<u8> {
    let b = body(o);
    let all = crate::bytearray::bytes_like(&b.obj).unwrap_or_default();
    let end = (b.start + b.len).min(all.len());
    all.get(b.start.min(end)..end)
        .map(<[u8]>::to_vec)
        .unwrap_or_default()
}

/// `len(view)`.
pub fn len(o: &ObjRef) -> R<usize> {
    Ok(check_live(o)?.len)
}

/// An item key: an integer (`__index__`), else `memoryview: invalid slice key`.
fn key_index(k: &ObjRef) -> R<i64> {
    if !crate::int::is_int(k.as_obj()) && crate::typeobj::lookup_special(k, "__index__").is_none() {
        return Err(type_error("memoryview: invalid slice key"));
    }
    crate::builtins::to_index(k)
}

/// `view[k]`.
pub fn getitem(o: &ObjRef, k: &ObjRef) -> R {
    let b = check_live(o)?;
    if kind(k.as_obj()) == Kind::Slice {
        let (start, _stop, step, n) = crate::builtins::slice_of(k, b.len)?;
        if step == 1 {
            return new_view(b.obj.clone(), b.start + start as usize, n);
        }
        let d = data(o);
        let picked: Vec<u8> = (0..n)
            .map(|i| d[(start + step * i as i64) as usize])
            .collect();
        let bytes = crate::builtins::new_bytes(&picked)?;
        return new_view(bytes, 0, n);
    }
    let i = key_index(k)?;
    let idx = crate::seq::norm_index(i, b.len)
        .ok_or_else(|| new_exc("IndexError", "index out of bounds on dimension 1"))?;
    crate::int::from_i64(data(o)[idx] as i64)
}

/// `view[k] = v` (writable views of a bytearray).
pub fn setitem(o: &ObjRef, k: &ObjRef, v: Option<ObjRef>) -> R<()> {
    let b = check_live(o)?;
    if kind(b.obj.as_obj()) != Kind::ByteArray {
        return Err(type_error("cannot modify read-only memory"));
    }
    let Some(v) = v else {
        return Err(type_error("cannot delete memory"));
    };
    if kind(k.as_obj()) == Kind::Slice {
        // `view[a:b:c] = bytes_like`: the same number of bytes, written in place.
        let (start, _stop, step, n) = crate::builtins::slice_of(k, b.len)?;
        let Some(src) = crate::bytearray::bytes_like(&v) else {
            return Err(type_error(format!(
                "a bytes-like object is required, not '{}'",
                obj_type_name(&v)
            )));
        };
        if src.len() != n {
            return Err(crate::exc::value_error(
                "memoryview assignment: lvalue and rvalue have different structures",
            ));
        }
        for (i, byte) in src.iter().enumerate() {
            let at = b.start as i64 + start + step * i as i64;
            crate::bytearray::setitem(
                &b.obj,
                &crate::int::from_i64(at)?,
                Some(crate::int::from_i64(*byte as i64)?),
            )?;
        }
        return Ok(());
    }
    let i = key_index(k)?;
    let idx = crate::seq::norm_index(i, b.len)
        .ok_or_else(|| new_exc("IndexError", "index out of bounds on dimension 1"))?;
    crate::bytearray::setitem(
        &b.obj,
        &crate::int::from_i64((b.start + idx) as i64)?,
        Some(v),
    )
}

/// `repr(view)`.
pub fn repr(o: &ObjRef) -> String {
    if body(o).released.get() {
        format!("<released memory at {:#x}>", o.as_obj().addr())
    } else {
        format!("<memory at {:#x}>", o.as_obj().addr())
    }
}

fn this(args: &[ObjRef], name: &str) -> R<ObjRef> {
    match args.first() {
        Some(o) if kind(o.as_obj()) == Kind::MemoryView => Ok(o.clone()),
        _ => Err(type_error(format!(
            "descriptor '{name}' requires a 'memoryview' object"
        ))),
    }
}

fn tobytes(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "tobytes")?;
    check_live(&o)?;
    crate::builtins::new_bytes(&data(&o))
}

fn tolist(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "tolist")?;
    check_live(&o)?;
    crate::seq::new_list(
        data(&o)
            .into_iter()
            .map(|x| crate::int::from_i64(x as i64))
            .collect::<R<_>>()?,
    )
}

fn hex(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "hex")?;
    check_live(&o)?;
    crate::str::new_str(
        &data(&o)
            .iter()
            .map(|c| format!("{c:02x}"))
            .collect::<String>(),
    )
}

fn release(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "release")?;
    body(&o).released.set(true);
    Ok(none())
}

fn enter(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "__enter__")?;
    check_live(&o)?;
    Ok(o)
}

fn exit(args: &[ObjRef], _kw: &Kw) -> R {
    let o = this(args, "__exit__")?;
    body(&o).released.set(true);
    Ok(pybool(false))
}

/// Attributes that are not methods.
pub fn attr(o: &ObjRef, name: &str) -> R<Option<ObjRef>> {
    let b = body(o);
    if b.released.get() && name != "obj" {
        return Err(value_error(
            "operation forbidden on released memoryview object",
        ));
    }
    Ok(match name {
        "obj" => Some(b.obj.clone()),
        "nbytes" => Some(crate::int::from_i64(b.len as i64)?),
        "readonly" => Some(pybool(kind(b.obj.as_obj()) != Kind::ByteArray)),
        "format" => Some(crate::str::new_str("B")?),
        "itemsize" | "ndim" => Some(crate::int::from_i64(1)?),
        "shape" => Some(crate::seq::new_tuple(vec![crate::int::from_i64(
            b.len as i64,
        )?])?),
        "strides" => Some(crate::seq::new_tuple(vec![crate::int::from_i64(1)?])?),
        "c_contiguous" | "f_contiguous" | "contiguous" => Some(pybool(true)),
        _ => None,
    })
}

/// The methods of `memoryview`.
pub fn register() {
    let t = crate::state::builtin_type(Kind::MemoryView);
    let d = &crate::typeobj::tb(t.as_obj()).dict;
    let own: &[(&'static str, NativeFn)] = &[
        ("tobytes", tobytes),
        ("tolist", tolist),
        ("hex", hex),
        ("release", release),
        ("__enter__", enter),
        ("__exit__", exit),
    ];
    for &(n, f) in own {
        crate::dict::set_str(d, n, crate::call::new_builtin(n, f, "memoryview"));
    }
    crate::dict::set_str(d, "__hash__", none());
}
