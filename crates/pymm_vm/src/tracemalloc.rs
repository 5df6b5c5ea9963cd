//! `_tracemalloc`: traces every block of pymm's heap through pymm_mem's allocation hook,
//! with the Python line that was running when it was allocated (CPython's
//! `Modules/_tracemalloc.c`). The Python half (snapshots, statistics) is
//! `pylib/tracemalloc.py`.
//!
//! While tracing, the eval loop publishes its position before each instruction (one
//! atomic flag test otherwise) at its call depth, and a returning call drops the
//! deeper entries: the table of those positions is the Python stack, of which a trace
//! keeps the innermost `nframe` frames (`tracemalloc.start(nframe)`), as CPython's.
//! A caller that has not run an instruction since tracing started (the function that
//! called `tracemalloc.start()`, its callers) is not in the table yet, so early traces
//! can have fewer frames than CPython's.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use std::sync::atomic::{AtomicBool, Ordering};

use pymm_compiler::CodeObject;
use pymm_mem::{AllocEvent, ObjRef};

use crate::call::{Kw, check_args};
use crate::exc::{R, new_exc, value_error};
use crate::object::*;
use crate::state::{none, pybool};

/// Whether any thread is tracing (the eval loop's cheap test).
pub static TRACING: AtomicBool = AtomicBool::new(false);

/// `(filename, lineno)` of the frames of a trace, most recent first.
type Frames = Rc<[(Rc<str>, u32)]>;

/// One traced block: its size and where it was allocated (the innermost frames, most
/// recent first, and how many frames the stack had).
#[derive(Debug, Clone)]
struct Trace {
    size: usize,
    frames: Frames,
    total_nframe: u32,
}

#[derive(Debug, Default)]
struct State {
    tracing: bool,
    nframes: usize,
    traces: HashMap<usize, Trace>,
    current: usize,
    peak: usize,
    /// The running position of each Python frame, by call depth (`None`: no Python
    /// frame published at that depth).
    stack: Vec<Option<(Rc<CodeObject>, usize)>>,
    /// The frames of the last trace, reused while the position does not change.
    last: Option<(usize, usize, Frames, u32)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State { nframes: 1, ..Default::default() });
    static REENTRANT: Cell<bool> = const { Cell::new(false) };
    /// Set while `_get_traces` builds its result: new blocks are not recorded (the
    /// result is a snapshot), but blocks freed meanwhile (a collection can run) still
    /// leave the traces.
    static SNAPSHOTTING: Cell<bool> = const { Cell::new(false) };
}

/// Publishes the running instruction of the frame at the current call depth (called
/// by the eval loop while tracing); deeper entries belong to calls that returned.
#[inline]
pub fn set_location(co: &Rc<CodeObject>, pc: usize) {
    let depth = crate::state::rt().depth.get();
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.stack.len() > depth + 1 {
            s.stack.truncate(depth + 1);
        }
        while s.stack.len() <= depth {
            s.stack.push(None);
        }
        match &mut s.stack[depth] {
            Some((c, p)) if Rc::ptr_eq(c, co) => *p = pc,
            slot => *slot = Some((co.clone(), pc)),
        }
    });
}

/// A call at depth `depth + 1` returned: its frame leaves the stack.
#[cold]
#[inline(never)]
pub fn left_call(depth: usize) {
    STATE.with(|s| {
        if let Ok(mut s) = s.try_borrow_mut()
            && s.stack.len() > depth + 1
        {
            s.stack.truncate(depth + 1);
        }
    });
}

fn line_of(co: &CodeObject, pc: usize) -> u32 {
    co.line_at(pc)
}

/// The innermost `nframes` frames of the stack, most recent first, and the number of
/// frames in all.
fn location(s: &mut State) -> (Frames, u32) {
    let live = || s.stack.iter().rev().flatten();
    let total = live().count() as u32;
    // A run of allocations at one place (a list growing, a loop body) shares its frames.
    let top = live().next().map(|(c, p)| (Rc::as_ptr(c) as usize, *p));
    if let (Some((code, pc)), Some((lc, lp, frames, lt))) = (top, &s.last)
        && (code, pc) == (*lc, *lp)
        && *lt == total
        && (total == 1 || s.nframes == 1)
    {
        return (frames.clone(), total);
    }
    let frames: Frames = if total == 0 {
        Rc::from([(Rc::from("<unknown>"), 0)])
    } else {
        live()
            .take(s.nframes)
            .map(|(c, p)| (c.filename.clone(), line_of(c, *p)))
            .collect()
    };
    if let Some((code, pc)) = top {
        s.last = Some((code, pc, frames.clone(), total));
    }
    (frames, total)
}

fn hook(ev: AllocEvent) {
    if REENTRANT.with(|r| r.replace(true)) {
        return;
    }
    STATE.with(|s| {
        let Ok(mut s) = s.try_borrow_mut() else {
            return;
        };
        if !s.tracing {
            return;
        }
        match ev {
            // Every Python allocation is in tracemalloc's default domain 0, whichever
            // pymm domain (PyMem or PyObject) it came from.
            AllocEvent::Alloc { .. } if SNAPSHOTTING.with(Cell::get) => {}
            AllocEvent::Alloc { ptr, size, .. } => {
                let (frames, total_nframe) = location(&mut s);
                let trace = Trace {
                    size,
                    frames,
                    total_nframe,
                };
                if let Some(old) = s.traces.insert(ptr, trace) {
                    s.current -= old.size;
                }
                s.current += size;
                s.peak = s.peak.max(s.current);
            }
            AllocEvent::Free { ptr, .. } => {
                if let Some(t) = s.traces.remove(&ptr) {
                    s.current -= t.size;
                }
            }
        }
    });
    REENTRANT.with(|r| r.set(false));
}

fn start(args: &[ObjRef], kw: &Kw) -> R {
    check_args("start", args, 0, 1)?;
    let n = match crate::builtins::arg(args, kw, 0, "nframe") {
        Some(v) => crate::builtins::to_c_integer(&v, 32)?,
        None => 1,
    };
    if !(1..=65535).contains(&n) {
        return Err(value_error(
            "the number of frames must be in range [1; 65535]",
        ));
    }
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.nframes = n as usize;
        if !s.tracing {
            s.tracing = true;
            s.traces.clear();
            s.current = 0;
            s.peak = 0;
        }
    });
    TRACING.store(true, Ordering::SeqCst);
    crate::state::set_eval_breaker();
    pymm_mem::set_alloc_hook(Some(hook));
    Ok(none())
}

fn stop(_args: &[ObjRef], _kw: &Kw) -> R {
    pymm_mem::set_alloc_hook(None);
    TRACING.store(false, Ordering::SeqCst);
    crate::state::recompute_eval_breaker();
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.tracing = false;
        s.traces = HashMap::new();
        s.current = 0;
        s.peak = 0;
        s.stack.clear();
        s.last = None;
    });
    Ok(none())
}

fn is_tracing(_args: &[ObjRef], _kw: &Kw) -> R {
    Ok(pybool(STATE.with(|s| s.borrow().tracing)))
}

fn get_traceback_limit(_args: &[ObjRef], _kw: &Kw) -> R {
    crate::int::from_i64(STATE.with(|s| s.borrow().nframes) as i64)
}

fn get_traced_memory(_args: &[ObjRef], _kw: &Kw) -> R {
    let (c, p) = STATE.with(|s| {
        let s = s.borrow();
        (s.current, s.peak)
    });
    crate::seq::new_tuple(vec![
        crate::int::from_i64(c as i64)?,
        crate::int::from_i64(p as i64)?,
    ])
}

fn reset_peak(_args: &[ObjRef], _kw: &Kw) -> R {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.peak = s.current;
    });
    Ok(none())
}

fn clear_traces(_args: &[ObjRef], _kw: &Kw) -> R {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        s.traces.clear();
        s.current = 0;
        s.peak = 0;
    });
    Ok(none())
}

fn get_tracemalloc_memory(_args: &[ObjRef], _kw: &Kw) -> R {
    // The trace table's own memory (outside pymm's heap): entries and their keys.
    let n = STATE.with(|s| s.borrow().traces.capacity());
    crate::int::from_i64((n * (std::mem::size_of::<(usize, Trace)>() + 8)) as i64)
}

/// A trace's frames as `((filename, lineno), ...)`, most recent first.
fn frames_tuple(t: &Trace) -> R {
    let mut frames = Vec::with_capacity(t.frames.len());
    for (f, l) in t.frames.iter() {
        frames.push(crate::seq::new_tuple(vec![
            crate::str::new_str(f)?,
            crate::int::from_i64(*l as i64)?,
        ])?);
    }
    crate::seq::new_tuple(frames)
}

/// `_get_traces()`: `[(domain, size, ((filename, lineno), ...), total_nframe), ...]`.
fn get_traces(_args: &[ObjRef], _kw: &Kw) -> R {
    let traces: Vec<Trace> = STATE.with(|s| s.borrow().traces.values().cloned().collect());
    let mut out = Vec::with_capacity(traces.len());
    // Building the result allocates: stop recording new blocks meanwhile so the list is
    // a snapshot.
    let was = SNAPSHOTTING.with(|r| r.replace(true));
    let r = (|| -> R<()> {
        for t in &traces {
            out.push(crate::seq::new_tuple(vec![
                crate::int::from_i64(0)?,
                crate::int::from_i64(t.size as i64)?,
                frames_tuple(t)?,
                crate::int::from_i64(i64::from(t.total_nframe))?,
            ])?);
        }
        Ok(())
    })();
    SNAPSHOTTING.with(|r| r.set(was));
    r?;
    crate::seq::new_list(out)
}

/// `_get_object_traceback(obj)`: the frames of the block holding `obj`, or None.
fn get_object_traceback(args: &[ObjRef], _kw: &Kw) -> R {
    check_args("_get_object_traceback", args, 1, 1)?;
    let o = args[0].as_obj();
    let block = o.addr() - o.type_info().pre_size();
    let t = STATE.with(|s| s.borrow().traces.get(&block).cloned());
    match t {
        Some(t) => frames_tuple(&t),
        None => Ok(none()),
    }
}

fn take_snapshot_check(_args: &[ObjRef], _kw: &Kw) -> R {
    if !STATE.with(|s| s.borrow().tracing) {
        return Err(new_exc(
            "RuntimeError",
            "the tracemalloc module must be tracing memory allocations to take a snapshot",
        ));
    }
    Ok(none())
}

/// The functions of `_tracemalloc`.
pub fn module_functions() -> &'static [(&'static str, NativeFn)] {
    &[
        ("start", start),
        ("stop", stop),
        ("is_tracing", is_tracing),
        ("get_traceback_limit", get_traceback_limit),
        ("get_traced_memory", get_traced_memory),
        ("reset_peak", reset_peak),
        ("clear_traces", clear_traces),
        ("get_tracemalloc_memory", get_tracemalloc_memory),
        ("_get_traces", get_traces),
        ("_get_object_traceback", get_object_traceback),
        ("_check_tracing", take_snapshot_check),
    ]
}
