//! `sys.settrace` / `sys.gettrace`: CPython 3.11's line tracing, which debuggers,
//! coverage tools and `memory_profiler` are built on.
//!
//! While a trace function is set, the eval breaker stays on, so every instruction goes
//! through [`crate::eval`]'s slow path, which calls [`line_event`]. Nothing is paid when
//! no trace function is set. The events and their order are CPython's:
//!
//! - `'call'` when a frame starts running, or a generator resumes (not when a generator
//!   function is called: that frame only creates the generator). The global trace
//!   function is called; what it returns (unless `None`) becomes the frame's local
//!   trace function, which receives the other events of that frame.
//! - `'line'` before the first instruction of a new line, and before an instruction
//!   reached by a backward jump (each iteration of a loop), except `SEND`'s.
//! - `'return'` when the frame returns or yields (the value), or ends with an
//!   exception (`None`).
//! - `'exception'` when an exception is raised in the frame or passes through it
//!   (with `(type, value, traceback)`); not for a re-raise by cleanup code.
//!
//! A local trace function returning `None` keeps the frame's trace function; one that
//! raises removes every trace function, and its exception is raised in the frame. No
//! event is reported while a trace function runs. During a call, the frame object's
//! `f_lineno` is the line of the event and its `f_locals` a snapshot of the variables.

use std::cell::{Cell, RefCell};
use std::sync::atomic::{AtomicBool, Ordering};

use pymm_compiler::Instr;
use pymm_mem::ObjRef;

use crate::call::Kw;
use crate::eval::Exit;
use crate::exc::R;
use crate::frame::{Frame, code_body};
use crate::object::FrameBody;
use crate::state::{is_none, none};

/// Whether a trace function is set (read by `recompute_eval_breaker`).
pub static TRACE_SET: AtomicBool = AtomicBool::new(false);

thread_local! {
    /// The global trace function (`sys.settrace`).
    static TRACE_FN: RefCell<Option<ObjRef>> = const { RefCell::new(None) };
    /// True while a trace function runs: its own frames are not traced.
    static BUSY: Cell<bool> = const { Cell::new(false) };
}

/// A frame's tracing state, created by its `'call'` event.
#[derive(Debug)]
pub struct FrameTrace {
    /// The local trace function.
    func: ObjRef,
    /// The instruction the last line check saw (`None` before the first one of a fresh
    /// call, whose line is always reported).
    prev: Option<usize>,
}

/// Whether events are being reported now.
#[inline]
pub fn tracing() -> bool {
    TRACE_SET.load(Ordering::Relaxed) && !BUSY.with(Cell::get)
}

/// `sys.settrace(func)`; `None` removes the trace function.
pub fn sys_settrace(args: &[ObjRef], kw: &Kw) -> R {
    crate::call::no_kw("sys.settrace", kw)?;
    let [func] = args else {
        return Err(crate::exc::type_error(format!(
            "sys.settrace() takes exactly one argument ({} given)",
            args.len()
        )));
    };
    set((!is_none(func)).then(|| func.clone()));
    Ok(none())
}

/// `sys.gettrace()`.
pub fn sys_gettrace(args: &[ObjRef], kw: &Kw) -> R {
    crate::call::no_kw("sys.gettrace", kw)?;
    if !args.is_empty() {
        return Err(crate::exc::type_error(format!(
            "sys.gettrace() takes no arguments ({} given)",
            args.len()
        )));
    }
    Ok(TRACE_FN.with(|t| t.borrow().clone()).unwrap_or_else(none))
}

fn set(func: Option<ObjRef>) {
    TRACE_SET.store(func.is_some(), Ordering::SeqCst);
    let old = TRACE_FN.with(|t| t.replace(func));
    crate::state::recompute_eval_breaker();
    drop(old);
}

/// Where line tracing starts in `f`'s code: after `RETURN_GENERATOR` and the `POP_TOP`
/// of the value its first resumption sends (CPython's `_co_firsttraceable`, its
/// `RESUME`).
fn first_traceable(f: &Frame) -> usize {
    if matches!(
        code_body(&f.code).quick.first(),
        Some(Instr::ReturnGenerator)
    ) {
        2
    } else {
        0
    }
}

/// Runs `f` reporting its events ([`crate::eval::eval`] calls this while tracing), or,
/// with `throw`, resumes the generator frame `f` by raising that exception in it.
pub fn eval_traced(f: &mut Frame, throw: Option<crate::exc::Exc>) -> R<Exit> {
    // A generator function's frame first runs only to create its generator.
    let creating = f.pc == 0 && first_traceable(f) > 0;
    if !creating {
        call_event(f)?;
    }
    let r = match throw {
        Some(e) => crate::genobj::throw_into(f, e),
        None => crate::eval::eval_loop(f),
    };
    if f.trace.is_none() || !tracing() {
        return r;
    }
    let value = match &r {
        Ok(Exit::Return(v) | Exit::Yield(v)) => v.clone(),
        Ok(Exit::Generator) => return r,
        Err(_) => none(),
    };
    let lasti = f.pc.saturating_sub(1) as u32;
    local_event(f, "return", value, lasti).and(r)
}

/// The `'call'` event: the global trace function decides whether the frame is traced.
fn call_event(f: &mut Frame) -> R<()> {
    let Some(global) = TRACE_FN.with(|t| t.borrow().clone()) else {
        return Ok(());
    };
    // A fresh call reports the function's first line (CPython's RESUME is there); a
    // resumed generator the line it stopped at; the first run of a generator's body
    // (just after RETURN_GENERATOR) counts as fresh.
    let fresh = f.pc <= first_traceable(f);
    let lasti = if fresh { u32::MAX } else { f.pc as u32 };
    let local = report(f, &global, "call", none(), lasti)?;
    f.trace = (!is_none(&local)).then(|| {
        Box::new(FrameTrace {
            func: local,
            prev: (!fresh).then_some(f.pc),
        })
    });
    Ok(())
}

/// The eval breaker's check before instruction `f.pc` of a traced frame: a `'line'`
/// event at a new line or after a backward jump.
pub fn line_event(f: &mut Frame) -> R<()> {
    let pc = f.pc;
    if pc < first_traceable(f) {
        return Ok(());
    }
    let Some(t) = f.trace.as_mut() else {
        return Ok(());
    };
    let prev = t.prev.replace(pc);
    let co = &f.co;
    let Some(line) = co.locations.get(pc).map(|l| l.line).filter(|&l| l > 0) else {
        return Ok(());
    };
    let report = match prev {
        // The first traced instruction of a fresh call (CPython: the one after RESUME).
        None => true,
        Some(p) => {
            let last = co.locations.get(p).map_or(0, |l| l.line);
            line != last
                || (pc < p && !matches!(code_body(&f.code).quick.get(pc), Some(Instr::Send(_))))
        }
    };
    if report {
        local_event(f, "line", none(), pc as u32)?;
    }
    Ok(())
}

/// The `'exception'` event, when `f` is traced, for exception `e` raised in it (or
/// passing through it) at `lasti`: the exception to go on with, the trace function's
/// own if it raised one.
pub fn with_exception_event(f: &mut Frame, e: crate::exc::Exc, lasti: u32) -> crate::exc::Exc {
    if f.trace.is_none() || !tracing() {
        return e;
    }
    match exception_event(f, &e.0, lasti) {
        Ok(()) => e,
        Err(t) => t,
    }
}

fn exception_event(f: &mut Frame, e: &ObjRef, lasti: u32) -> R<()> {
    let tb = crate::exc::exc_body(e.as_obj())
        .and_then(|b| b.traceback.get())
        .unwrap_or_else(none);
    let arg = crate::seq::new_tuple(vec![crate::typeobj::type_of(e.as_obj()), e.clone(), tb])?;
    local_event(f, "exception", arg, lasti)
}

/// Calls the frame's local trace function; a non-`None` result replaces it.
fn local_event(f: &mut Frame, event: &str, arg: ObjRef, lasti: u32) -> R<()> {
    let Some(func) = f.trace.as_ref().map(|t| t.func.clone()) else {
        return Ok(());
    };
    let r = report(f, &func, event, arg, lasti)?;
    if !is_none(&r)
        && let Some(t) = f.trace.as_mut()
    {
        t.func = r;
    }
    Ok(())
}

/// Calls trace function `func(frame, event, arg)` with the frame object showing line
/// `lasti` and a snapshot of the variables, no event reported meanwhile. An error
/// removes every trace function.
fn report(f: &mut Frame, func: &ObjRef, event: &str, arg: ObjRef, lasti: u32) -> R {
    let fo = crate::traceback::frame_object(f)?;
    let fb = fo.as_obj().downcast::<FrameBody>().expect("frame object");
    fb.lasti.set(lasti);
    crate::traceback::show_locals(fb, f);
    let event = crate::str::intern(event);
    BUSY.with(|b| b.set(true));
    let r = crate::call::call(func, &[fo.clone(), event, arg]);
    BUSY.with(|b| b.set(false));
    crate::traceback::hide_locals(fb);
    if r.is_err() {
        set(None);
        f.trace = None;
    }
    r
}
