//! Traceback and frame objects (`Python/traceback.c`, `Objects/frameobject.c`).
//!
//! An exception passing through an activation gets a traceback object pointing at the
//! activation's frame object (`PyTraceBack_Here`), made on first need. When the
//! activation ends while its frame object is still referenced (by a traceback kept in a
//! variable, say), the activation's variables move into the frame object
//! (`_PyFrame_Clear`'s `take_ownership`), so they stay alive exactly as long as in
//! CPython, and a cycle through them is the collector's to find.

use pymm_compiler::CodeObject;
use pymm_mem::ObjRef;

use crate::exc::{R, TbEntry, exc_body, memory_error};
use crate::frame::{Frame, code_body};
use crate::object::*;

/// The frame object of the running activation `f`, made on first use.
pub fn frame_object(f: &mut Frame) -> R {
    if let Some(o) = &f.frame_obj {
        return Ok(o.clone());
    }
    let o = ObjRef::new(
        &FRAME_T,
        FrameBody {
            code: f.code.clone(),
            globals: f.globals().clone(),
            builtins: f.builtins().clone(),
            back: OptSlot::new(None),
            fast: Default::default(),
            lasti: std::cell::Cell::new(f.pc.saturating_sub(1) as u32),
            live: std::cell::Cell::new(true),
        },
    )
    .map_err(|_| memory_error())?;
    o.track();
    f.frame_obj = Some(o.clone());
    Ok(o)
}

/// The line of instruction `lasti` of `co` (the first line when it has none).
fn line_of(co: &CodeObject, lasti: u32) -> i32 {
    co.line_at(lasti as usize) as i32
}

/// `PyTraceBack_Here`: records that exception `e` passed through `f` at instruction
/// `lasti`, in front of its traceback.
pub fn here(e: &ObjRef, f: &mut Frame, lasti: u32) -> R<()> {
    let Some(b) = exc_body(e.as_obj()) else {
        return Ok(());
    };
    let fo = frame_object(f)?;
    let fb = fo.as_obj().downcast::<FrameBody>().expect("frame");
    fb.lasti.set(lasti);
    let inner = b.traceback.get();
    // The frame the exception comes from was called by this one.
    if let Some(t) = inner
        .as_ref()
        .and_then(|t| t.as_obj().downcast::<TracebackBody>())
    {
        let callee = t.frame.get();
        if let Some(cb) = callee.as_obj().downcast::<FrameBody>()
            && !callee.is(&fo)
            && cb.back.get().is_none()
        {
            cb.back.set(Some(fo.clone()));
        }
    }
    let tb = ObjRef::new(
        &TRACEBACK_T,
        TracebackBody {
            next: OptSlot::new(inner),
            frame: Slot::new(fo),
            lasti: std::cell::Cell::new(lasti as i32),
            lineno: std::cell::Cell::new(line_of(&f.co, lasti)),
        },
    )
    .map_err(|_| memory_error())?;
    tb.track();
    b.traceback.set(Some(tb));
    Ok(())
}

/// Whether the newest entry of `e`'s traceback is activation `f` (a bare `raise` in its
/// handler adds none).
pub fn starts_at(e: &ObjRef, f: &Frame) -> bool {
    let (Some(b), Some(fo)) = (exc_body(e.as_obj()), &f.frame_obj) else {
        return false;
    };
    b.traceback.get().is_some_and(|t| {
        t.as_obj()
            .downcast::<TracebackBody>()
            .is_some_and(|t| t.frame.get().is(fo))
    })
}

/// The entries of traceback chain `tb`, outermost first, for printing.
pub fn entries(tb: Option<ObjRef>) -> Vec<TbEntry> {
    let mut out = Vec::new();
    let mut cur = tb;
    while let Some(t) = cur {
        let Some(tbody) = t.as_obj().downcast::<TracebackBody>() else {
            break;
        };
        let frame = tbody.frame.get();
        if let Some(fb) = frame.as_obj().downcast::<FrameBody>() {
            out.push(TbEntry {
                code: code_body(&fb.code).code.clone(),
                lasti: tbody.lasti.get().max(0) as u32,
            });
        }
        cur = tbody.next.get();
    }
    out
}

/// The end of activation `f`: a frame object someone else still holds takes the
/// variables (CPython's `take_ownership`); they are released with it.
pub fn release(f: &mut Frame) {
    let Some(fo) = f.frame_obj.take() else {
        return;
    };
    let Some(fb) = fo.as_obj().downcast::<FrameBody>() else {
        return;
    };
    fb.live.set(false);
    fb.lasti.set(f.pc.saturating_sub(1) as u32);
    if fo.refcnt() > 1 {
        // Only the variables: a suspended generator's value stack goes with its frame.
        f.slots.truncate(f.nlocals);
        *fb.fast.borrow_mut() = f.slots.drain(0..).collect();
    }
}

/// Lets the frame object of activation `f`, which is not running now (suspended, or
/// showing a trace function its frame), read a snapshot of `f`'s variables through
/// `f_locals`; [`hide_locals`] undoes it when the activation runs again.
pub fn show_locals(fb: &FrameBody, f: &Frame) {
    *fb.fast.borrow_mut() = f.fast().to_vec();
    fb.live.set(false);
}

/// The frame object's activation runs again: its snapshot of the variables goes.
pub fn hide_locals(fb: &FrameBody) {
    fb.live.set(true);
    let snapshot = std::mem::take(&mut *fb.fast.borrow_mut());
    drop(snapshot);
}

/// `frame.f_lineno`.
pub fn frame_lineno(fb: &FrameBody) -> i32 {
    line_of(&code_body(&fb.code).code, fb.lasti.get())
}

/// `frame.f_locals`: a new dict of the variables that have values (once the activation
/// has ended; a running activation's are not reachable from its frame object).
pub fn frame_locals(fb: &FrameBody) -> R {
    crate::frame::fast_locals(&code_body(&fb.code).code, &fb.fast.borrow())
}

// ---- `_traceback`: the native half of the `traceback` module ------------------------

use crate::call::Kw;
use crate::exc::{TbText, type_error};

fn pieces(t: TbText) -> R {
    let items = t
        .into_pieces()
        .iter()
        .map(|p| crate::str::new_str(p))
        .collect::<R<Vec<_>>>()?;
    crate::seq::new_list(items)
}

/// An optional `limit` argument.
fn limit_arg(args: &[ObjRef], i: usize) -> R<Option<i64>> {
    match args.get(i) {
        Some(l) if kind(l.as_obj()) != Kind::NoneType => Ok(Some(crate::builtins::to_index(l)?)),
        _ => Ok(None),
    }
}

/// The traceback chain argument `i` (a traceback object or None).
fn tb_arg(args: &[ObjRef], i: usize) -> R<Option<ObjRef>> {
    match args.get(i) {
        Some(t) if kind(t.as_obj()) == Kind::Traceback => Ok(Some(t.clone())),
        Some(t) if kind(t.as_obj()) == Kind::NoneType => Ok(None),
        None => Ok(None),
        Some(t) => Err(type_error(format!(
            "'{}' object is not a traceback",
            crate::typeobj::obj_type_name(t)
        ))),
    }
}

/// `_format_exception(value, limit, chain)`: the pieces of the display of exception
/// `value` with its own traceback, as the interpreter prints it.
fn format_exception(args: &[ObjRef], _kw: &Kw) -> R {
    let value = args
        .first()
        .ok_or_else(|| type_error("missing exception"))?;
    let mut t = TbText::default();
    t.limit = limit_arg(args, 1)?;
    let chain = match args.get(2) {
        Some(c) => crate::ops::truthy(c)?,
        None => true,
    };
    if chain {
        crate::exc::format_chain(value, &mut t, &mut Vec::new());
    } else {
        crate::exc::format_one(value, &mut t);
    }
    pieces(t)
}

/// `_format_exception_only(value)`.
fn format_exception_only(args: &[ObjRef], _kw: &Kw) -> R {
    let value = args
        .first()
        .ok_or_else(|| type_error("missing exception"))?;
    let mut t = TbText::default();
    crate::exc::format_exception_only(value, &mut t);
    pieces(t)
}

/// `_format_tb(tb, limit)`: one piece per frame.
fn format_tb(args: &[ObjRef], _kw: &Kw) -> R {
    let mut t = TbText::default();
    crate::exc::format_frames(&entries(tb_arg(args, 0)?), limit_arg(args, 1)?, &mut t);
    pieces(t)
}

/// `_extract_tb(tb, limit)`: `(filename, lineno, name, line)` per frame, the line
/// stripped (empty when the source cannot be read).
fn extract_tb(args: &[ObjRef], _kw: &Kw) -> R {
    let all = entries(tb_arg(args, 0)?);
    let mut out = Vec::new();
    for e in crate::exc::limited(&all, limit_arg(args, 1)?) {
        let line = e
            .code
            .locations
            .get(e.lasti as usize)
            .map_or(e.code.firstlineno, |l| l.line);
        let src = crate::exc::source_line(&e.code.filename, line).unwrap_or_default();
        out.push(crate::seq::new_tuple(vec![
            crate::str::new_str(&e.code.filename)?,
            crate::int::from_i64(line.into())?,
            crate::str::new_str(&e.code.name)?,
            crate::str::new_str(src.trim())?,
        ])?);
    }
    crate::seq::new_list(out)
}

/// The functions of `_traceback`.
pub fn module_functions() -> &'static [(&'static str, crate::object::NativeFn)] {
    &[
        ("format_exception", format_exception),
        ("format_exception_only", format_exception_only),
        ("format_tb", format_tb),
        ("extract_tb", extract_tb),
    ]
}
