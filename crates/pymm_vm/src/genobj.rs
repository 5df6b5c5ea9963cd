//! Generators: a suspended frame in a GC object; `send`, `throw`, `close`, and the
//! PEP 442 finalizer that closes a generator suspended inside `try`.

use std::cell::RefCell;

use pymm_mem::{Obj, ObjRef};

use crate::eval::Exit;
use crate::exc::{Exc, R, memory_error, new_exc};
use crate::frame::Frame;
use crate::object::*;
use crate::state::none;

/// Runs a generator function's prologue and returns the generator object.
pub fn run_until_generator(mut frame: Frame, fb: &FunctionBody) -> R {
    // One call deeper, as the frame would run: the allocations below belong to the
    // caller's line (tracemalloc skips CPython's frame still at RETURN_GENERATOR).
    crate::state::enter_call()?;
    let r = crate::eval::eval(&mut frame);
    crate::state::leave_call();
    match r? {
        Exit::Generator => {}
        Exit::Return(v) | Exit::Yield(v) => return Ok(v),
    }
    // The slots become a block of the heap of their own, the generator's (CPython
    // allocates the generator with room for them).
    frame.move_slots_to_heap()?;
    let body = GenBody {
        code: Slot::new(frame.code.clone()),
        frame: RefCell::new(frame),
        name: Slot::new(fb.name.get()),
        qualname: Slot::new(fb.qualname.get()),
        weaklist: Default::default(),
    };
    let g = ObjRef::new(&GEN_T, body).map_err(|_| memory_error())?;
    g.track();
    Ok(g)
}

/// The `pc` of a frame that finished, or that `close()` or the collector cleared.
const FINISHED: usize = usize::MAX;

/// Whether a generator's frame finished: it keeps only its code and its emptied slots
/// block (which the generator keeps, as CPython keeps its one block).
pub fn is_finished(f: &Frame) -> bool {
    f.pc == FINISHED
}

/// Whether generator `g` is running (its frame is borrowed by the resume in progress).
pub fn is_running(g: Obj<'_>) -> bool {
    gen_body(g).frame.try_borrow_mut().is_err()
}

/// Ends the frame in `slot` (generator `b`'s, borrowed): what it holds is released
/// after the borrow, so that the finalizers this runs see an exhausted generator.
fn finish(b: &GenBody, mut f: std::cell::RefMut<'_, Frame>) {
    if is_finished(&f) {
        return;
    }
    // A frame object someone holds takes the variables first (`take_ownership`).
    crate::traceback::release(&mut f);
    let mut slots = std::mem::take(&mut f.slots);
    let held = (f.func.take(), f.exc_state.take(), f.trace.take());
    f.pc = FINISHED;
    drop(f);
    drop(held);
    slots.clear();
    if let Ok(mut f) = b.frame.try_borrow_mut()
        && f.slots.capacity() == 0
    {
        f.slots = slots;
    }
}

/// Ends generator `g`'s frame unless it runs (`gen.close()` of a generator that has
/// not started, and the collector's clear).
pub fn discard_frame(g: Obj<'_>) {
    let b = gen_body(g);
    if let Ok(slot) = b.frame.try_borrow_mut() {
        finish(b, slot);
    }
}

/// What `send` produced.
#[derive(Debug)]
pub enum SendResult {
    Yielded(ObjRef),
    Returned(ObjRef),
}

fn gen_body(g: Obj<'_>) -> &GenBody {
    g.downcast::<GenBody>().expect("generator")
}

/// How a suspended frame continues.
enum Mode {
    /// `send(v)`: `v` is the value of the `yield`.
    Send(ObjRef),
    /// `throw(e)`: `e` is raised at the `yield`.
    Throw(Exc),
    /// The frame's state is already set (a `yield from` that just finished).
    Continue,
}

/// The `yield from` delegate of a frame suspended in one, with the `SEND`'s exit target.
fn delegate_of(frame: &Frame) -> Option<(ObjRef, usize)> {
    let pc = frame.pc;
    if pc < 2
        || !matches!(
            frame.co.instructions.get(pc - 1),
            Some(pymm_compiler::Instr::YieldValue)
        )
    {
        return None;
    }
    let target = match frame.co.instructions.get(pc - 2)? {
        pymm_compiler::Instr::Send(t) => *t as usize,
        _ => return None,
    };
    frame.slots.last().cloned().flatten().map(|d| (d, target))
}

/// Passes `e` to a `yield from` delegate: `Ok(Some(v))` it yielded `v`; `Ok(None)` it was
/// closed (GeneratorExit); `Err` what it raised (StopIteration when it returned).
fn throw_into_delegate(d: &ObjRef, e: &Exc) -> R<Option<ObjRef>> {
    if crate::exc::matches(&e.0, "GeneratorExit") {
        if kind(d.as_obj()) == Kind::Generator {
            close(d)?;
        } else if let Some(c) = crate::typeobj::getattr_opt(d, &crate::str::intern("close"))? {
            crate::call::call(&c, &[])?;
        }
        return Ok(None);
    }
    if kind(d.as_obj()) == Kind::Generator {
        return throw(d, e.clone()).map(Some);
    }
    match crate::typeobj::getattr_opt(d, &crate::str::intern("throw"))? {
        Some(t) => crate::call::call(&t, &[e.0.clone()]).map(Some),
        None => Err(e.clone()),
    }
}

/// Resumes generator `g`, pushing `value` (or raising `exc` inside it).
pub fn resume(g: &ObjRef, value: Option<ObjRef>, exc: Option<Exc>) -> R<SendResult> {
    let b = gen_body(g.as_obj());
    // The frame runs in place: the borrow marks the generator running.
    let Ok(mut slot) = b.frame.try_borrow_mut() else {
        return Err(new_exc("ValueError", "generator already executing"));
    };
    if is_finished(&slot) {
        // An exhausted generator: throw() re-raises, anything else finishes at once.
        if let Some(e) = exc {
            return Err(e);
        }
        return Ok(SendResult::Returned(none()));
    }
    let frame = &mut *slot;
    revive_frame_object(frame);
    let first = frame.pc == 0
        || matches!(
            frame.co.instructions.get(frame.pc.wrapping_sub(1)),
            Some(pymm_compiler::Instr::ReturnGenerator)
        );
    if first
        && exc.is_none()
        && value
            .as_ref()
            .is_some_and(|v| kind(v.as_obj()) != Kind::NoneType)
    {
        return Err(crate::exc::type_error(
            "can't send non-None value to a just-started generator",
        ));
    }
    let mode = match exc {
        None => Mode::Send(value.unwrap_or_else(none)),
        Some(e) => match delegate_of(frame) {
            None => Mode::Throw(e),
            // throw()/close() while suspended in `yield from`: the delegate gets the
            // exception first (CPython's `_gen_throw` with `yf`), with this generator
            // marked running.
            Some((d, target)) => match throw_into_delegate(&d, &e) {
                Ok(Some(y)) => return Ok(SendResult::Yielded(y)),
                // GeneratorExit: the delegate closed; raise it here.
                Ok(None) => {
                    frame.slots.pop();
                    Mode::Throw(e)
                }
                // The delegate returned: its value ends the `yield from`.
                Err(err) if crate::exc::matches(&err.0, "StopIteration") => {
                    frame.slots.pop();
                    frame.slots.push(Some(stop_value(&err)));
                    frame.pc = target;
                    Mode::Continue
                }
                Err(err) => {
                    frame.slots.pop();
                    Mode::Throw(err)
                }
            },
        },
    };
    let rt = crate::state::rt();
    let saved_len = rt.exc_info.borrow().len();
    if let Some(mut saved) = frame.exc_state.take() {
        rt.exc_info.borrow_mut().append(&mut saved);
    }
    let r = match crate::state::enter_call() {
        Err(e) => Err(e),
        Ok(()) => {
            let r = match mode {
                Mode::Throw(e) => raise_in(frame, e),
                Mode::Send(v) => {
                    frame.slots.push(Some(v));
                    crate::eval::eval(frame)
                }
                Mode::Continue => crate::eval::eval(frame),
            };
            crate::state::leave_call();
            r
        }
    };
    {
        let mut info = rt.exc_info.borrow_mut();
        if info.len() > saved_len {
            frame.exc_state = Some(Box::new(info.split_off(saved_len)));
        }
    }
    if let Ok(Exit::Yield(v)) = r {
        suspend_frame_object(frame);
        return Ok(SendResult::Yielded(v));
    }
    finish(b, slot);
    match r {
        Ok(Exit::Yield(_)) => unreachable!("handled above"),
        Ok(Exit::Return(v)) => Ok(SendResult::Returned(v)),
        Ok(Exit::Generator) => Ok(SendResult::Returned(none())),
        Err(e) => {
            if crate::exc::matches(&e.0, "StopIteration") {
                let re = new_exc("RuntimeError", "generator raised StopIteration");
                if let Some(rb) = crate::exc::exc_body(re.0.as_obj()) {
                    rb.cause.set(Some(e.0.clone()));
                    rb.context.set(Some(e.0));
                }
                return Err(re);
            }
            Err(e)
        }
    }
}

/// Raises `e` at the frame's current instruction and continues with its handler.
fn raise_in(frame: &mut Frame, e: Exc) -> R<Exit> {
    if crate::state::eval_breaker() && crate::trace::tracing() {
        return crate::trace::eval_traced(frame, Some(e));
    }
    throw_into(frame, e)
}

/// [`raise_in`] without the events of the resumption itself.
pub(crate) fn throw_into(frame: &mut Frame, e: Exc) -> R<Exit> {
    let at = frame.pc.saturating_sub(1) as u32;
    // Only memory can fail here; the traceback then lacks this entry.
    let _ = crate::traceback::here(&e.0, frame, at);
    let e = crate::trace::with_exception_event(frame, e, at);
    crate::eval::jump_to_handler(frame, e, at)?;
    crate::eval::eval_loop(frame)
}

/// `SEND`: delegates to a generator or an iterator.
pub fn send_to(recv: &ObjRef, v: ObjRef) -> R<SendResult> {
    if kind(recv.as_obj()) == Kind::Generator {
        return resume(recv, Some(v), None);
    }
    let r = if kind(v.as_obj()) == Kind::NoneType {
        crate::iter::next(recv)?
    } else {
        let send = crate::typeobj::getattr(recv, &crate::str::intern("send"))?;
        match crate::call::call(&send, &[v]) {
            Ok(x) => Some(x),
            Err(e) if crate::exc::matches(&e.0, "StopIteration") => {
                return Ok(SendResult::Returned(stop_value(&e)));
            }
            Err(e) => return Err(e),
        }
    };
    Ok(match r {
        Some(x) => SendResult::Yielded(x),
        None => SendResult::Returned(none()),
    })
}

/// The value carried by a `StopIteration`.
pub fn stop_value(e: &Exc) -> ObjRef {
    crate::exc::exc_body(e.0.as_obj())
        .and_then(|b| {
            crate::seq::tuple_items(b.args.get().as_obj())
                .first()
                .cloned()
        })
        .unwrap_or_else(none)
}

/// `next(gen)` for iteration: `None` when the generator finishes (its return value is
/// dropped, as a `for` loop drops it).
pub fn next(g: &ObjRef) -> R<Option<ObjRef>> {
    match resume(g, None, None)? {
        SendResult::Yielded(v) => Ok(Some(v)),
        SendResult::Returned(_) => Ok(None),
    }
}

/// `gen.send(v)`.
pub fn send(g: &ObjRef, v: ObjRef) -> R {
    match resume(g, Some(v), None)? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(stop_exc(v)),
    }
}

fn stop_exc(v: ObjRef) -> Exc {
    if kind(v.as_obj()) == Kind::NoneType {
        crate::exc::new_exc_args("StopIteration", vec![])
    } else {
        crate::exc::new_exc_args("StopIteration", vec![v])
    }
}

/// `gen.throw(exc)`.
pub fn throw(g: &ObjRef, e: Exc) -> R {
    match resume(g, None, Some(e))? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(stop_exc(v)),
    }
}

/// Whether the generator has started and not finished.
fn is_suspended(g: Obj<'_>) -> bool {
    gen_body(g).frame.try_borrow().is_ok_and(|f| {
        !is_finished(&f)
            && !matches!(
                f.co.instructions.get(f.pc.wrapping_sub(1)),
                Some(pymm_compiler::Instr::ReturnGenerator)
            )
    })
}

/// The generator attributes that look at its frame: `gi_frame` (the frame object of a
/// generator that has not finished, with `f_locals` read at this moment; `None` once it
/// finished, and while it runs, when pymm's frame is out of reach), `gi_yieldfrom` (the
/// iterator a `yield from` suspended it in) and `gi_suspended`. `None` for other names.
pub fn frame_attr(g: Obj<'_>, name: &str) -> R<Option<ObjRef>> {
    if !matches!(name, "gi_frame" | "gi_yieldfrom" | "gi_suspended") {
        return Ok(None);
    }
    let suspended = is_suspended(g);
    if name == "gi_suspended" {
        return Ok(Some(crate::state::pybool(suspended)));
    }
    let Ok(mut frame) = gen_body(g).frame.try_borrow_mut() else {
        return Ok(Some(none()));
    };
    if is_finished(&frame) {
        return Ok(Some(none()));
    }
    let frame = &mut *frame;
    let r = match name {
        "gi_yieldfrom" => Ok(delegate_of(frame).map_or_else(none, |(d, _)| d)),
        // Suspended: its variables can be read (until it resumes).
        _ => crate::traceback::frame_object(frame).inspect(|_| suspend_frame_object(frame)),
    };
    r.map(Some)
}

/// The frame object of a frame about to resume is live again: a snapshot of its
/// variables taken while it was suspended is dropped.
fn revive_frame_object(frame: &Frame) {
    if let Some(fb) = frame
        .frame_obj
        .as_ref()
        .and_then(|fo| fo.as_obj().downcast::<crate::object::FrameBody>())
        && !fb.live.get()
    {
        crate::traceback::hide_locals(fb);
    }
}

/// A frame that just yielded: its frame object, if it has one (`sys._getframe()` in the
/// generator), shows the variables as they are now and where it stopped, as CPython's
/// frame object of a suspended generator does.
fn suspend_frame_object(frame: &Frame) {
    if let Some(fb) = frame
        .frame_obj
        .as_ref()
        .and_then(|fo| fo.as_obj().downcast::<crate::object::FrameBody>())
    {
        fb.lasti.set(frame.pc.saturating_sub(1) as u32);
        crate::traceback::show_locals(fb, frame);
    }
}

/// `gen.close()`.
pub fn close(g: &ObjRef) -> R<()> {
    if is_running(g.as_obj()) {
        return Err(new_exc("ValueError", "generator already executing"));
    }
    if !is_suspended(g.as_obj()) {
        discard_frame(g.as_obj());
        return Ok(());
    }
    let e = crate::exc::new_exc_args("GeneratorExit", vec![]);
    match resume(g, None, Some(e)) {
        Ok(SendResult::Yielded(_)) => {
            Err(new_exc("RuntimeError", "generator ignored GeneratorExit"))
        }
        Ok(SendResult::Returned(_)) => Ok(()),
        Err(e)
            if crate::exc::matches(&e.0, "GeneratorExit")
                || crate::exc::matches(&e.0, "StopIteration") =>
        {
            Ok(())
        }
        Err(e) => Err(e),
    }
}

/// The generator's finalizer: close it if suspended.
pub fn finalize(o: Obj<'_>) {
    if !is_suspended(o) {
        return;
    }
    let g = o.to_owned();
    if let Err(e) = close(&g) {
        let name = crate::str::as_str(gen_body(o).qualname.get().as_obj()).into_owned();
        crate::exc::write_unraisable(&e, &format!("<generator object {name} at {:#x}>", o.addr()));
    }
}
