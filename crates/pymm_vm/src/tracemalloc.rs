//! `_tracemalloc`: traces every block of pymm's heap through pymm_mem's allocation hook,
//! with the Python line that was running when it was allocated (CPython's
//! `Modules/_tracemalloc.c`). The Python half (snapshots, statistics) is
//! `pylib/tracemalloc.py`.
//!
//! While tracing, the eval loop publishes its position before each instruction (one
//! atomic flag test otherwise). pymm records one frame per trace: the innermost line.

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

/// One traced block: size, domain and where it was allocated.
#[derive(Debug, Clone)]
struct Trace {
    size: usize,
    frame: Option<(Rc<str>, u32)>,
}

#[derive(Debug, Default)]
struct State {
    tracing: bool,
    nframes: usize,
    traces: HashMap<usize, Trace>,
    current: usize,
    peak: usize,
    code: Option<Rc<CodeObject>>,
    pc: usize,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State { nframes: 1, ..Default::default() });
    static REENTRANT: Cell<bool> = const { Cell::new(false) };
}

/// Publishes the running instruction (called by the eval loop while tracing).
#[inline]
pub fn set_location(co: &Rc<CodeObject>, pc: usize) {
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if !s.code.as_ref().is_some_and(|c| Rc::ptr_eq(c, co)) {
            s.code = Some(co.clone());
        }
        s.pc = pc;
    });
}

fn location(s: &State) -> Option<(Rc<str>, u32)> {
    let co = s.code.as_ref()?;
    let line = co.locations.get(s.pc).map_or(co.firstlineno, |l| l.line);
    Some((co.filename.clone(), line))
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
            AllocEvent::Alloc { ptr, size, .. } => {
                let frame = location(&s);
                if let Some(old) = s.traces.insert(ptr, Trace { size, frame }) {
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
        Some(v) => crate::builtins::to_index(&v)?,
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
        s.code = None;
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

fn frames_tuple(t: &Trace) -> R {
    let frames = match &t.frame {
        Some((f, l)) => vec![crate::seq::new_tuple(vec![
            crate::str::new_str(f)?,
            crate::int::from_i64(*l as i64)?,
        ])?],
        None => vec![crate::seq::new_tuple(vec![
            crate::str::new_str("<unknown>")?,
            crate::int::from_i64(0)?,
        ])?],
    };
    crate::seq::new_tuple(frames)
}

/// `_get_traces()`: `[(domain, size, ((filename, lineno),), total_nframe), ...]`.
fn get_traces(_args: &[ObjRef], _kw: &Kw) -> R {
    let traces: Vec<Trace> = STATE.with(|s| s.borrow().traces.values().cloned().collect());
    let mut out = Vec::with_capacity(traces.len());
    // Building the result allocates: stop recording meanwhile so the list is a snapshot.
    let was = REENTRANT.with(|r| r.replace(true));
    let r = (|| -> R<()> {
        for t in &traces {
            out.push(crate::seq::new_tuple(vec![
                crate::int::from_i64(0)?,
                crate::int::from_i64(t.size as i64)?,
                frames_tuple(t)?,
                crate::int::from_i64(1)?,
            ])?);
        }
        Ok(())
    })();
    REENTRANT.with(|r| r.set(was));
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
