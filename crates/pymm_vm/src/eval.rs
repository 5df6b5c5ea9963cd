//! The eval loop: one `match` over [`Instr`] per instruction, CPython 3.11's stack
//! discipline and zero-cost exception table.

use pymm_compiler::{ComparisonOperator, Instr};
use pymm_mem::ObjRef;

use crate::call::Kw;
use crate::exc::{Exc, R, new_exc, type_error};
use crate::frame::{Frame, code_body};
use crate::object::*;
use crate::state::{none, pybool, rt};

/// How a frame stopped running.
#[derive(Debug)]
pub enum Exit {
    Return(ObjRef),
    Yield(ObjRef),
    /// The frame executed `RETURN_GENERATOR`.
    Generator,
}

/// Runs a (non-generator) frame to completion.
pub fn run_frame(f: &mut Frame) -> R {
    match eval(f)? {
        Exit::Return(v) | Exit::Yield(v) => Ok(v),
        Exit::Generator => Ok(none()),
    }
}

macro_rules! pop {
    ($f:expr) => {
        $f.slots.pop().flatten().expect("stack underflow")
    };
}

macro_rules! top {
    ($f:expr) => {
        $f.slots.last().cloned().flatten().expect("empty stack")
    };
}

fn name_error(name: &str) -> Exc {
    let e = new_exc("NameError", &format!("name '{name}' is not defined"));
    // NameError.name (3.10+).
    if let Ok(n) = crate::str::new_str(name) {
        let _ = crate::typeobj::set_exc_member(e.0.as_obj(), "name", n);
    }
    e
}

/// A NameError with CPython's suggestion from the frame's locals, globals and builtins.
fn name_error_in(f: &Frame, name: &str) -> Exc {
    let e = name_error(name);
    let keys = |d: &ObjRef| -> Vec<String> {
        crate::dict::items(d.as_obj())
            .iter()
            .map(|(k, _)| crate::str::as_str(k.as_obj()).into_owned())
            .collect()
    };
    let mut found = None;
    let local = match f.locals() {
        Some(l) if crate::dict::is_dict(l.as_obj()) => keys(l),
        _ => f.co.varnames.iter().map(|n| n.to_string()).collect(),
    };
    for cands in [local, keys(f.globals()), keys(f.builtins())] {
        if let Some(s) = crate::suggest::calculate(&cands, name) {
            found = Some(s);
            break;
        }
    }
    // The "Did you mean" text the traceback prints (CPython computes it from the
    // frame when it prints; the frame is gone by then here).
    if let Some(s) = found
        && let Ok(s) = crate::str::new_str(&s)
    {
        let _ = crate::typeobj::set_exc_member(e.0.as_obj(), "suggestion", s);
    }
    e
}

fn unbound_local(name: &str) -> Exc {
    new_exc(
        "UnboundLocalError",
        &format!("cannot access local variable '{name}' where it is not associated with a value"),
    )
}

/// Records the frame in the exception's traceback (`PyTraceBack_Here`). Only memory can
/// fail here; then the traceback just lacks this entry, as CPython's would.
fn add_traceback(e: &Exc, f: &mut Frame, pc: usize) {
    let _ = crate::traceback::here(&e.0, f, pc as u32);
}

/// Sets `__context__` of a newly raised exception to the one being handled.
fn set_context(e: &Exc) {
    let cur = rt().exc_info.borrow().last().cloned().flatten();
    if let (Some(c), Some(b)) = (cur, crate::exc::exc_body(e.0.as_obj()))
        && !c.is(&e.0)
        && b.context.get().is_none()
    {
        b.context.set(Some(c));
    }
}

/// Runs `f` until it returns, yields or raises.
#[inline]
pub fn eval(f: &mut Frame) -> R<Exit> {
    if crate::state::eval_breaker() && crate::trace::tracing() {
        return crate::trace::eval_traced(f, None);
    }
    eval_loop(f)
}

/// [`eval`] without the trace events of the call itself.
pub(crate) fn eval_loop(f: &mut Frame) -> R<Exit> {
    // The instructions stay in registers across the loop (a frame never changes code).
    let code = f.code.clone();
    let instrs: &[Instr] = &code_body(&code).quick;
    loop {
        let pc = f.pc;
        let interrupt = if crate::state::eval_breaker() {
            breaker(f)
        } else {
            None
        };
        let r = match interrupt {
            Some(e) => {
                f.pc += 1;
                Err(Stop::Raise(e))
            }
            None => step(f, instrs),
        };
        let (e, reraise) = match r {
            Ok(()) => continue,
            Err(Stop::Return(v)) => return Ok(Exit::Return(v)),
            Err(Stop::Yield(v)) => return Ok(Exit::Yield(v)),
            Err(Stop::Generator) => return Ok(Exit::Generator),
            Err(Stop::Raise(e)) => (e, false),
            Err(Stop::Reraise(e)) => (e, true),
        };
        handle_exception(f, e, reraise, pc)?;
    }
}

/// An exception raised by the instruction at `pc` (or by the one before the current
/// position): records it in the traceback and jumps to this frame's handler for it, or
/// gives it back when the frame has none (its value stack emptied).
#[cold]
#[inline(never)]
fn handle_exception(f: &mut Frame, e: Exc, reraise: bool, pc: usize) -> Result<(), Exc> {
    if !reraise {
        set_context(&e);
    }
    // A re-raise adds no entry for this frame when the exception already passed through
    // it, nor to an exception that has no traceback at all (`except*`'s combined group:
    // CPython's RERAISE adds none).
    let fresh_reraise =
        reraise && crate::exc::exc_body(e.0.as_obj()).is_some_and(|b| b.traceback.get().is_none());
    if !reraise || (!fresh_reraise && !crate::traceback::starts_at(&e.0, f)) {
        add_traceback(&e, f, f.pc.saturating_sub(1).max(pc.min(f.pc)));
    }
    let at = f.pc.saturating_sub(1) as u32;
    let e = if reraise {
        e
    } else {
        crate::trace::with_exception_event(f, e, at)
    };
    if f.co.handler_for(at).is_none() {
        f.slots.truncate(f.nlocals);
        return Err(e);
    }
    jump_to_handler(f, e, at)
}

/// Continues `f` at its handler for an exception raised by instruction `at`: the value
/// stack cut to the handler's depth, then (if it asks) the instruction's offset, then the
/// exception. `Err(e)` when no handler covers `at`.
pub(crate) fn jump_to_handler(f: &mut Frame, e: Exc, at: u32) -> Result<(), Exc> {
    let Some(h) = f.co.handler_for(at).copied() else {
        return Err(e);
    };
    f.slots.truncate(f.nlocals + h.depth as usize);
    if h.push_lasti {
        f.slots.push(Some(crate::int::from_i64(at as i64)?));
    }
    f.slots.push(Some(e.0));
    f.pc = h.target as usize;
    Ok(())
}

/// Why an instruction did not simply go on to the next one: one word of payload, so that
/// the loop's test of an instruction's outcome stays in registers.
enum Stop {
    /// An exception was raised (the traceback gets this frame's entry).
    Raise(Exc),
    /// An exception was re-raised (`RERAISE`, bare `raise`): its traceback already
    /// starts here.
    Reraise(Exc),
    Return(ObjRef),
    Yield(ObjRef),
    /// `RETURN_GENERATOR`.
    Generator,
}

type StepErr = Stop;

/// The eval breaker's work before an instruction: a line event for `sys.settrace`,
/// tracemalloc's location, then Ctrl-C (the `KeyboardInterrupt` that the instruction
/// about to run raises).
#[cold]
#[inline(never)]
fn breaker(f: &mut Frame) -> Option<Exc> {
    if f.trace.is_some()
        && crate::trace::tracing()
        && let Err(e) = crate::trace::line_event(f)
    {
        return Some(e);
    }
    // After the trace function, whose own frames moved tracemalloc's location.
    // A frame still in its prologue is not shown: its allocations are the caller's.
    if crate::tracemalloc::TRACING.load(std::sync::atomic::Ordering::Relaxed)
        && f.pc >= f.co.first_traceable()
    {
        crate::tracemalloc::set_location(&f.co, f.pc);
    }
    // A NOP (`pass`, `try:`) never raises: CPython looks at pending signals at jumps and
    // calls, so Ctrl-C in `while True: pass` is reported at the loop's line.
    if matches!(code_body(&f.code).quick.get(f.pc), Some(Instr::Nop)) {
        return None;
    }
    crate::state::take_interrupt()
}

fn err<T>(e: Exc) -> Result<T, StepErr> {
    Err(Stop::Raise(e))
}

trait Raise<T> {
    fn r(self) -> Result<T, StepErr>;
}
impl<T> Raise<T> for R<T> {
    #[inline]
    fn r(self) -> Result<T, StepErr> {
        self.map_err(Stop::Raise)
    }
}

/// `LOAD_CONST i`.
#[inline(always)]
fn load_const(f: &mut Frame, i: usize) {
    let v = code_body(&f.code).consts[i].clone();
    f.slots.push(Some(v));
}

/// `LOAD_FAST i`.
#[inline(always)]
fn load_fast(f: &mut Frame, i: usize) -> Result<(), StepErr> {
    match &f.slots[i] {
        Some(v) => {
            let v = v.clone();
            f.slots.push(Some(v));
            Ok(())
        }
        None => err(unbound_local(&f.co.varnames[i])),
    }
}

/// `STORE_FAST i`.
#[inline(always)]
fn store_fast(f: &mut Frame, i: usize) {
    let v = f.slots.pop().flatten();
    let old = std::mem::replace(&mut f.slots[i], v);
    drop(old);
}

/// Steps a superinstruction onto its second half (the position of the second
/// instruction, as if it had been dispatched); false when the eval breaker is set, so
/// that the loop runs the second instruction itself (tracemalloc sees its line, Ctrl-C
/// is seen before it).
#[inline(always)]
fn second_half(f: &mut Frame) -> bool {
    if crate::state::eval_breaker() {
        return false;
    }
    f.pc += 1;
    true
}

/// `LOAD_ATTR i`.
#[inline(always)]
fn load_attr(f: &mut Frame, i: usize) -> Result<(), StepErr> {
    let o = pop!(f);
    let cb = code_body(&f.code);
    let v = crate::typeobj::load_attr_cached(&cb.attr_cache[i][0], &o, &cb.names[i]).r()?;
    f.slots.push(Some(v));
    Ok(())
}

/// `BINARY_OP op`.
#[inline(always)]
fn binary_op(f: &mut Frame, op: pymm_compiler::BinaryOperator) -> Result<(), StepErr> {
    let b = pop!(f);
    let a = pop!(f);
    let v = match crate::ops::binary_op_fast(op, &a, &b) {
        Some(r) => r,
        None => crate::ops::binary_op(op, &a, &b),
    };
    f.slots.push(Some(v.r()?));
    Ok(())
}

/// `LOAD_METHOD i`.
fn load_method(f: &mut Frame, i: usize) -> Result<(), StepErr> {
    let o = pop!(f);
    let cb = code_body(&f.code);
    let cache = &cb.attr_cache[i][2];
    let name = &cb.names[i];
    if let Some(d) = crate::typeobj::load_method_cached(cache, &o, name) {
        f.slots.push(Some(d));
        f.slots.push(Some(o));
        return Ok(());
    }
    let name = name.clone();
    // Unbound-method optimisation: a plain function found on the type.
    let obj = o.as_obj();
    if !matches!(kind(obj), Kind::Type | Kind::Module | Kind::Super)
        && !obj
            .type_object()
            .is_some_and(|t| crate::typeobj::tb(t).custom_getattribute.get())
    {
        let t = crate::typeobj::type_of(obj);
        if let Some(d) = crate::typeobj::lookup(t.as_obj(), &name) {
            let k = kind(d.as_obj());
            let plain = k == Kind::Function
                || (k == Kind::BuiltinFunction
                    && d.as_obj()
                        .downcast::<BuiltinBody>()
                        .is_some_and(|b| b.bound.get().is_none() && !b.owner().is_empty()));
            if plain {
                let shadowed = crate::typeobj::instance_attr(obj, &name).is_some();
                if !shadowed {
                    if k == Kind::Function {
                        crate::typeobj::fill_method_cache(
                            &code_body(&f.code).attr_cache[i][2],
                            &o,
                            &name,
                        );
                    }
                    f.slots.push(Some(d));
                    f.slots.push(Some(o));
                    return Ok(());
                }
            }
        }
    }
    let v = crate::typeobj::getattr(&o, &name).r()?;
    f.slots.push(None);
    f.slots.push(Some(v));
    Ok(())
}

/// Executes one instruction.
#[inline(always)]
fn step(f: &mut Frame, instrs: &[Instr]) -> Result<(), StepErr> {
    let instr = instrs[f.pc];
    f.pc += 1;
    match instr {
        Instr::Nop => {}
        Instr::PopTop => {
            f.slots.pop();
        }
        Instr::PushNull => f.slots.push(None),
        Instr::Copy(i) => {
            let v = f.slots[f.slots.len() - i as usize].clone();
            f.slots.push(v);
        }
        Instr::Swap(i) => {
            let n = f.slots.len();
            f.slots.swap(n - 1, n - i as usize);
        }
        Instr::LoadConst(i) => load_const(f, i as usize),
        Instr::LoadFast(i) => load_fast(f, i as usize)?,
        Instr::StoreFast(i) => store_fast(f, i as usize),
        // Superinstructions: the second half runs as if dispatched (its own position for
        // errors), unless the eval breaker wants to see it on its own.
        Instr::LoadFastLoadFast(a, b) => {
            load_fast(f, a.into())?;
            if second_half(f) {
                load_fast(f, b.into())?;
            }
        }
        Instr::LoadFastLoadConst(a, c) => {
            load_fast(f, a.into())?;
            if second_half(f) {
                load_const(f, c.into());
            }
        }
        Instr::LoadFastLoadAttr(a, n) => {
            load_fast(f, a.into())?;
            if second_half(f) {
                load_attr(f, n.into())?;
            }
        }
        Instr::LoadFastLoadMethod(a, n) => {
            load_fast(f, a.into())?;
            if second_half(f) {
                load_method(f, n.into())?;
            }
        }
        Instr::StoreFastLoadFast(a, b) => {
            store_fast(f, a.into());
            if second_half(f) {
                load_fast(f, b.into())?;
            }
        }
        Instr::StoreFastStoreFast(a, b) => {
            store_fast(f, a.into());
            if second_half(f) {
                store_fast(f, b.into());
            }
        }
        Instr::LoadConstBinaryOp(c, op) => {
            load_const(f, c.into());
            if second_half(f) {
                binary_op(f, op)?;
            }
        }
        Instr::LoadDeref(i) => {
            let c = f.slots[f.co.varnames.len() + i as usize]
                .clone()
                .expect("cell");
            match c.as_obj().downcast::<CellBody>().and_then(|c| c.0.get()) {
                Some(v) => f.slots.push(Some(v)),
                None => {
                    let name = deref_name(f, i as usize);
                    return err(if (i as usize) < f.co.cellvars.len() {
                        unbound_local(&name)
                    } else {
                        new_exc(
                            "NameError",
                            &format!(
                                "cannot access free variable '{name}' where it is not associated with a value in enclosing scope"
                            ),
                        )
                    });
                }
            }
        }
        Instr::StoreDeref(i) => {
            let v = pop!(f);
            let c = f.slots[f.co.varnames.len() + i as usize]
                .clone()
                .expect("cell");
            c.as_obj()
                .downcast::<CellBody>()
                .expect("cell")
                .0
                .set(Some(v));
        }
        Instr::LoadGlobal(i) | Instr::LoadGlobalNull(i) => {
            if matches!(instr, Instr::LoadGlobalNull(_)) {
                f.slots.push(None);
            }
            let cb = code_body(&f.code);
            let v = match crate::dict::load_global(
                f.globals().as_obj(),
                f.builtins().as_obj(),
                &cb.names[i as usize],
                &cb.global_cache[i as usize],
            ) {
                Some(v) => v,
                None => return err(name_error_in(f, &f.co.names[i as usize])),
            };
            f.slots.push(Some(v));
        }
        Instr::LoadAttr(i) => load_attr(f, i as usize)?,
        Instr::StoreAttr(i) => {
            let o = pop!(f);
            let v = pop!(f);
            let cb = code_body(&f.code);
            let cache = &cb.attr_cache[i as usize][1];
            crate::typeobj::store_attr_cached(cache, &o, &cb.names[i as usize], v).r()?;
        }
        Instr::LoadMethod(i) => load_method(f, i as usize)?,
        Instr::BinarySubscr => {
            let k = pop!(f);
            let o = pop!(f);
            let v = crate::ops::getitem(&o, &k).r()?;
            f.slots.push(Some(v));
        }
        Instr::StoreSubscr => {
            let k = pop!(f);
            let o = pop!(f);
            let v = pop!(f);
            crate::ops::setitem(&o, k, v).r()?;
        }
        Instr::BinaryOp(op) => binary_op(f, op)?,
        Instr::UnaryNot => {
            let a = pop!(f);
            let t = crate::ops::truthy(&a).r()?;
            f.slots.push(Some(pybool(!t)));
        }
        Instr::CompareOp(op) => {
            let b = pop!(f);
            let a = pop!(f);
            if let Some(t) = crate::ops::compare_fast(op, &a, &b) {
                // A conditional jump right after takes the truth without a bool object
                // (CPython 3.11's COMPARE_OP_*_JUMP).
                match instrs.get(f.pc) {
                    Some(Instr::PopJumpIfFalse(target)) => {
                        f.pc = if t { f.pc + 1 } else { *target as usize };
                    }
                    Some(Instr::PopJumpIfTrue(target)) => {
                        f.pc = if t { *target as usize } else { f.pc + 1 };
                    }
                    _ => f.slots.push(Some(pybool(t))),
                }
                return Ok(());
            }
            let v = crate::ops::compare(&a, &b, op).r()?;
            f.slots.push(Some(v));
        }
        Instr::IsOp(invert) => {
            let b = pop!(f);
            let a = pop!(f);
            f.slots.push(Some(pybool(a.is(&b) != invert)));
        }
        Instr::ContainsOp(invert) => {
            let container = pop!(f);
            let item = pop!(f);
            let r = crate::ops::contains(&container, &item).r()?;
            f.slots.push(Some(pybool(r != invert)));
        }
        Instr::BuildTuple(n) => {
            let at = f.slots.len() - n as usize;
            let items = f.slots.drain(at..).map(|x| x.expect("NULL in values"));
            let t = crate::seq::new_tuple_from(items).r()?;
            f.slots.push(Some(t));
        }
        Instr::ListAppend(i) => {
            let v = pop!(f);
            let l = f.slots[f.slots.len() - i as usize].clone().expect("list");
            crate::seq::list_append(l.as_obj(), v).r()?;
        }
        Instr::UnpackSequence(n) => {
            let s = pop!(f);
            crate::iter::unpack_onto(&s, n as usize, &mut f.slots).r()?;
        }
        Instr::Call(n) => do_call(f, n as usize, None)?,
        Instr::ReturnValue => {
            let v = pop!(f);
            return Err(Stop::Return(v));
        }
        Instr::YieldValue => {
            let v = pop!(f);
            return Err(Stop::Yield(v));
        }
        Instr::GetIter => {
            let o = pop!(f);
            f.slots.push(Some(crate::iter::get_iter(&o).r()?));
        }
        Instr::ForIter(target) => {
            let it = top!(f);
            match crate::iter::next(&it).r()? {
                Some(v) => f.slots.push(Some(v)),
                None => {
                    f.slots.pop();
                    f.pc = target as usize;
                }
            }
        }
        Instr::Jump(t) => f.pc = t as usize,
        Instr::PopJumpIfFalse(t) => {
            let v = pop!(f);
            if !crate::ops::truthy(&v).r()? {
                f.pc = t as usize;
            }
        }
        Instr::PopJumpIfTrue(t) => {
            let v = pop!(f);
            if crate::ops::truthy(&v).r()? {
                f.pc = t as usize;
            }
        }
        Instr::PopJumpIfNone(t) => {
            let v = pop!(f);
            if kind(v.as_obj()) == Kind::NoneType {
                f.pc = t as usize;
            }
        }
        Instr::PopJumpIfNotNone(t) => {
            let v = pop!(f);
            if kind(v.as_obj()) != Kind::NoneType {
                f.pc = t as usize;
            }
        }
        Instr::JumpIfTrueOrPop(t) => {
            let v = top!(f);
            if crate::ops::truthy(&v).r()? {
                f.pc = t as usize;
            } else {
                f.slots.pop();
            }
        }
        Instr::JumpIfFalseOrPop(t) => {
            let v = top!(f);
            if !crate::ops::truthy(&v).r()? {
                f.pc = t as usize;
            } else {
                f.slots.pop();
            }
        }
        _ => return step_cold(f, instr),
    }
    Ok(())
}

/// The instructions that programs run rarely, out of the loop's way (the hot ones stay
/// inlined in [`eval`], whose registers they would otherwise crowd).
#[inline(never)]
fn step_cold(f: &mut Frame, instr: Instr) -> Result<(), StepErr> {
    match instr {
        Instr::DeleteFast(i) => {
            if f.slots[i as usize].is_none() {
                return err(unbound_local(&f.co.varnames[i as usize]));
            }
            let old = f.slots[i as usize].take();
            drop(old);
        }
        Instr::MakeCell(i) => {
            let slot = f.co.varnames.len() + i as usize;
            let init = match f.co.cell2arg.get(i as usize).copied().flatten() {
                // The argument moves into its cell (CPython's MAKE_CELL): the cell holds
                // the only reference the frame has.
                Some(a) => f.slots[a as usize].take(),
                None => f.slots[slot].take(),
            };
            let c = ObjRef::new(&CELL_T, CellBody(OptSlot::new(init)))
                .map_err(|_| Stop::Raise(crate::exc::memory_error()))?;
            c.track();
            f.slots[slot] = Some(c);
        }
        Instr::CopyFreeVars(n) => {
            let func = f.func.clone().expect("closure function");
            let fb = func.as_obj().downcast::<FunctionBody>().expect("function");
            let closure = fb.closure.get().expect("closure");
            let base = f.co.varnames.len() + f.co.cellvars.len();
            for (i, c) in crate::seq::tuple_items(closure.as_obj())
                .iter()
                .take(n as usize)
                .enumerate()
            {
                f.slots[base + i] = Some(c.clone());
            }
        }
        Instr::LoadClosure(i) => {
            let v = f.slots[f.co.varnames.len() + i as usize].clone();
            f.slots.push(v);
        }
        Instr::LoadClassDeref(i) => {
            let name = deref_name(f, i as usize);
            let key = crate::str::intern(&name);
            if let Some(l) = f.locals()
                && let Some(v) = crate::ops::mapping_get(l, &key).r()?
            {
                f.slots.push(Some(v));
                return Ok(());
            }
            let c = f.slots[f.co.varnames.len() + i as usize]
                .clone()
                .expect("cell");
            match c.as_obj().downcast::<CellBody>().and_then(|c| c.0.get()) {
                Some(v) => f.slots.push(Some(v)),
                None => return err(name_error_in(f, &name)),
            }
        }
        Instr::DeleteDeref(i) => {
            let c = f.slots[f.co.varnames.len() + i as usize]
                .clone()
                .expect("cell");
            let cb = c.as_obj().downcast::<CellBody>().expect("cell");
            if cb.0.get().is_none() {
                return err(unbound_local(&deref_name(f, i as usize)));
            }
            cb.0.set(None);
        }
        Instr::StoreGlobal(i) => {
            let v = pop!(f);
            let name = code_body(&f.code).names[i as usize].clone();
            crate::dict::set(f.globals().as_obj(), name, v).r()?;
        }
        Instr::DeleteGlobal(i) => {
            let name = code_body(&f.code).names[i as usize].clone();
            if crate::dict::del(f.globals().as_obj(), &name).r()?.is_none() {
                return err(name_error_in(f, &f.co.names[i as usize]));
            }
        }
        Instr::LoadName(i) => {
            let name = code_body(&f.code).names[i as usize].clone();
            if let Some(l) = f.locals()
                && let Some(v) = crate::ops::mapping_get(l, &name).r()?
            {
                f.slots.push(Some(v));
                return Ok(());
            }
            let v = match crate::dict::get_str_obj(f.globals().as_obj(), &name) {
                Some(v) => v,
                None => match crate::dict::get_str_obj(f.builtins().as_obj(), &name) {
                    Some(v) => v,
                    None => return err(name_error_in(f, &f.co.names[i as usize])),
                },
            };
            f.slots.push(Some(v));
        }
        Instr::StoreName(i) => {
            let v = pop!(f);
            let name = code_body(&f.code).names[i as usize].clone();
            let l = f.locals().cloned().unwrap_or_else(|| f.globals().clone());
            crate::ops::setitem(&l, name, v).r()?;
        }
        Instr::DeleteName(i) => {
            let name = code_body(&f.code).names[i as usize].clone();
            let l = f.locals().cloned().unwrap_or_else(|| f.globals().clone());
            if crate::dict::is_dict(l.as_obj()) {
                if crate::dict::del(l.as_obj(), &name).r()?.is_none() {
                    return err(name_error_in(f, &f.co.names[i as usize]));
                }
            } else {
                crate::ops::delitem(&l, &name).r()?;
            }
        }
        Instr::DeleteAttr(i) => {
            let o = pop!(f);
            let name = code_body(&f.code).names[i as usize].clone();
            crate::typeobj::setattr(&o, &name, None).r()?;
        }
        Instr::DeleteSubscr => {
            let k = pop!(f);
            let o = pop!(f);
            crate::ops::delitem(&o, &k).r()?;
        }
        Instr::UnaryPositive => {
            let a = pop!(f);
            f.slots.push(Some(crate::ops::unary(&a, "__pos__").r()?));
        }
        Instr::UnaryNegative => {
            let a = pop!(f);
            f.slots.push(Some(crate::ops::unary(&a, "__neg__").r()?));
        }
        Instr::UnaryInvert => {
            let a = pop!(f);
            f.slots.push(Some(crate::ops::unary(&a, "__invert__").r()?));
        }
        Instr::BuildList(n) => {
            let items = pop_n(f, n as usize);
            f.slots.push(Some(crate::seq::new_list(items).r()?));
        }
        Instr::BuildSet(n) => {
            let items = pop_n(f, n as usize);
            let s = crate::builtins::new_set(&items, false).r()?;
            f.slots.push(Some(s));
        }
        Instr::BuildMap(n) => {
            let items = pop_n(f, 2 * n as usize);
            let d = crate::dict::try_new_dict().r()?;
            let mut it = items.into_iter();
            while let (Some(k), Some(v)) = (it.next(), it.next()) {
                crate::dict::set(d.as_obj(), k, v).r()?;
            }
            f.slots.push(Some(d));
        }
        Instr::BuildConstKeyMap(n) => {
            let keys = pop!(f);
            let vals = pop_n(f, n as usize);
            let d = crate::dict::try_new_dict().r()?;
            for (k, v) in crate::seq::tuple_items(keys.as_obj()).iter().zip(vals) {
                crate::dict::set(d.as_obj(), k.clone(), v).r()?;
            }
            f.slots.push(Some(d));
        }
        Instr::BuildString(n) => {
            let parts = pop_n(f, n as usize);
            let mut s = String::new();
            for p in &parts {
                s.push_str(&crate::str::as_str(p.as_obj()));
            }
            f.slots.push(Some(crate::str::new_str(&s).r()?));
        }
        Instr::BuildSlice(n) => {
            let step = if n == 3 { pop!(f) } else { none() };
            let stop = pop!(f);
            let start = pop!(f);
            f.slots
                .push(Some(crate::builtins::new_slice(start, stop, step).r()?));
        }
        Instr::SetAdd(i) => {
            let v = pop!(f);
            let s = f.slots[f.slots.len() - i as usize].clone().expect("set");
            crate::builtins::set_add(&s, v).r()?;
        }
        Instr::MapAdd(i) => {
            let v = pop!(f);
            let k = pop!(f);
            let d = f.slots[f.slots.len() - i as usize].clone().expect("dict");
            crate::dict::set(d.as_obj(), k, v).r()?;
        }
        Instr::ListExtend(i) => {
            let it = pop!(f);
            let l = f.slots[f.slots.len() - i as usize].clone().expect("list");
            let items = crate::iter::collect(&it).map_err(|e| {
                if crate::exc::matches(&e.0, "TypeError")
                    && crate::typeobj::lookup_special(&it, "__iter__").is_none()
                {
                    Stop::Raise(type_error(format!(
                        "Value after * must be an iterable, not {}",
                        crate::typeobj::obj_type_name(&it)
                    )))
                } else {
                    Stop::Raise(e)
                }
            })?;
            crate::seq::list_extend(l.as_obj(), items).r()?;
        }
        Instr::SetUpdate(i) => {
            let it = pop!(f);
            let s = f.slots[f.slots.len() - i as usize].clone().expect("set");
            crate::builtins::set_update_from(&s, &it).r()?;
        }
        Instr::DictUpdate(i) | Instr::DictMerge(i) => {
            let m = pop!(f);
            let d = f.slots[f.slots.len() - i as usize].clone().expect("dict");
            let merge = matches!(instr, Instr::DictMerge(_));
            if merge
                && !crate::dict::is_dict(m.as_obj())
                && crate::typeobj::lookup_special(&m, "keys").is_none()
            {
                let func = f.slots[f.slots.len() - i as usize - 2].clone();
                let fname = func
                    .map(|x| crate::builtins::func_display_name(&x))
                    .unwrap_or_default();
                return err(type_error(format!(
                    "{fname} argument after ** must be a mapping, not {}",
                    crate::typeobj::obj_type_name(&m)
                )));
            }
            for (k, v) in crate::builtins::mapping_items(&m).r()? {
                if merge && crate::dict::get(d.as_obj(), &k).r()?.is_some() {
                    let func = f.slots[f.slots.len() - i as usize - 2].clone();
                    let fname = func
                        .map(|x| crate::builtins::func_display_name(&x))
                        .unwrap_or_default();
                    return err(type_error(format!(
                        "{fname} got multiple values for keyword argument '{}'",
                        crate::str::as_str(k.as_obj())
                    )));
                }
                crate::dict::set(d.as_obj(), k, v).r()?;
            }
        }
        Instr::ListToTuple => {
            let l = pop!(f);
            f.slots.push(Some(
                crate::seq::new_tuple(crate::seq::list_items(l.as_obj())).r()?,
            ));
        }
        Instr::UnpackEx { before, after } => {
            let s = pop!(f);
            let items = crate::iter::collect(&s).r()?;
            let (b, a) = (before as usize, after as usize);
            if items.len() < b + a {
                return err(crate::exc::value_error(format!(
                    "not enough values to unpack (expected at least {}, got {})",
                    b + a,
                    items.len()
                )));
            }
            let mid = crate::seq::new_list(items[b..items.len() - a].to_vec()).r()?;
            for x in items[items.len() - a..].iter().rev() {
                f.slots.push(Some(x.clone()));
            }
            f.slots.push(Some(mid));
            for x in items[..b].iter().rev() {
                f.slots.push(Some(x.clone()));
            }
        }
        Instr::KwNames(i) => {
            let names = code_body(&f.code).consts[i as usize].clone();
            let next = f.co.instructions[f.pc];
            let Instr::Call(n) = next else {
                unreachable!("KW_NAMES without CALL")
            };
            f.pc += 1;
            do_call(f, n as usize, Some(names))?;
        }
        Instr::CallFunctionEx(has_kw) => {
            let kwargs = if has_kw { Some(pop!(f)) } else { None };
            let args = pop!(f);
            let callable = pop!(f);
            let a = f.slots.pop().flatten();
            let mut argv = match crate::iter::collect(&args) {
                Ok(v) => v,
                // `check_args_iterable`: an object that is not iterable at all.
                Err(e)
                    if crate::exc::matches(&e.0, "TypeError")
                        && crate::typeobj::lookup_special(&args, "__iter__").is_none()
                        && crate::typeobj::lookup_special(&args, "__getitem__").is_none() =>
                {
                    let func = a.as_ref().unwrap_or(&callable);
                    return err(type_error(format!(
                        "{} argument after * must be an iterable, not {}",
                        crate::builtins::func_display_name(func),
                        crate::typeobj::obj_type_name(&args)
                    )));
                }
                Err(e) => return Err(e).r(),
            };
            let callee = match a {
                Some(m) => {
                    argv.insert(0, callable);
                    m
                }
                None => callable,
            };
            let mut kw = Kw::default();
            if let Some(d) = &kwargs {
                kw.0 = crate::builtins::mapping_items(d).r()?;
                // `_PyStack_UnpackDict` and the argument parsers accept str keys only.
                if kw.0.iter().any(|(k, _)| kind(k.as_obj()) != Kind::Str) {
                    return err(type_error("keywords must be strings"));
                }
            }
            // CPython 3.11 turns the positional arguments into a tuple unless they are
            // one (`PySequence_Tuple`), then `PyObject_Call`s: a Python function gets
            // them through vectorcall (keywords as a new names tuple), anything else
            // through `tp_call` with that very tuple and dict.
            let tuple = if argv.is_empty() {
                None
            } else if kind(args.as_obj()) == Kind::Tuple
                && argv.len() == crate::seq::tuple_items(args.as_obj()).len()
            {
                Some(args.clone())
            } else {
                Some(crate::seq::new_tuple(argv.clone()).r()?)
            };
            let vectorcall = match kind(callee.as_obj()) {
                Kind::Function => true,
                Kind::Method => callee
                    .as_obj()
                    .downcast::<MethodBody>()
                    .is_some_and(|m| kind(m.func.as_obj()) == Kind::Function),
                _ => false,
            };
            let names = if vectorcall {
                crate::call::kwnames_tuple(&kw).r()?
            } else {
                crate::call::TpCallArgs::offer(crate::call::TpCallArgs {
                    tuple: tuple.clone(),
                    dict: kwargs.clone().filter(|_| !kw.is_empty()),
                });
                None
            };
            let r = crate::call::call_kw(&callee, &argv, &kw);
            crate::call::TpCallArgs::clear_offer();
            drop(names);
            drop(tuple);
            let r = r.r()?;
            f.slots.push(Some(r));
        }
        Instr::MakeFunction(flags) => {
            let code = pop!(f);
            let closure = if flags & 8 != 0 { Some(pop!(f)) } else { None };
            let annotations = if flags & 4 != 0 { Some(pop!(f)) } else { None };
            let kwdefaults = if flags & 2 != 0 { Some(pop!(f)) } else { None };
            let defaults = if flags & 1 != 0 { Some(pop!(f)) } else { None };
            let func = crate::builtins::new_function(
                code,
                f.globals().clone(),
                defaults,
                kwdefaults,
                closure,
                annotations,
            )
            .r()?;
            f.slots.push(Some(func));
        }
        Instr::LoadBuildClass => {
            let v = crate::dict::get_str(f.builtins().as_obj(), "__build_class__")
                .expect("__build_class__");
            f.slots.push(Some(v));
        }
        Instr::ReturnGenerator => return Err(Stop::Generator),
        Instr::Send(target) => {
            let v = pop!(f);
            let recv = top!(f);
            match crate::genobj::send_to(&recv, v).r()? {
                crate::genobj::SendResult::Yielded(y) => f.slots.push(Some(y)),
                crate::genobj::SendResult::Returned(r) => {
                    f.slots.pop();
                    f.slots.push(Some(r));
                    f.pc = target as usize;
                }
            }
        }
        Instr::GetYieldFromIter => {
            let o = pop!(f);
            let it = if kind(o.as_obj()) == Kind::Generator {
                o
            } else {
                crate::iter::get_iter(&o).r()?
            };
            f.slots.push(Some(it));
        }
        Instr::RaiseVarargs(n) => match n {
            0 => {
                let cur = rt().exc_info.borrow().last().cloned().flatten();
                return match cur {
                    Some(e) => Err(Stop::Reraise(Exc(e))),
                    None => err(new_exc("RuntimeError", "No active exception to reraise")),
                };
            }
            1 => {
                let e = pop!(f);
                return err(make_exception(&e).r()?);
            }
            _ => {
                let cause = pop!(f);
                let e = pop!(f);
                let ex = make_exception(&e).r()?;
                let c = if kind(cause.as_obj()) == Kind::NoneType {
                    None
                } else {
                    match make_exception(&cause) {
                        Ok(c) => Some(c.0),
                        Err(_) => {
                            return err(type_error(
                                "exception causes must derive from BaseException",
                            ));
                        }
                    }
                };
                if let Some(b) = crate::exc::exc_body(ex.0.as_obj()) {
                    b.cause.set(c);
                    b.suppress_context.set(true);
                }
                return err(ex);
            }
        },
        Instr::Reraise(n) => {
            // CPython's RERAISE restores `f_lasti` for the traceback only; the handler is
            // looked up at this instruction. The traceback already holds this frame's
            // entry from the original raise, so the saved lasti is not needed.
            let _ = n;
            let e = pop!(f);
            return Err(Stop::Reraise(Exc(e)));
        }
        Instr::PushExcInfo => {
            let e = pop!(f);
            let prev = {
                let mut info = rt().exc_info.borrow_mut();
                let prev = info.last().cloned().flatten();
                info.push(Some(e.clone()));
                prev
            };
            f.slots.push(Some(prev.unwrap_or_else(none)));
            f.slots.push(Some(e));
        }
        Instr::PopExcept => {
            f.slots.pop();
            let old = rt().exc_info.borrow_mut().pop();
            drop(old);
        }
        Instr::CheckExcMatch => {
            let t = pop!(f);
            let e = top!(f);
            let m = crate::builtins::exception_matches(&e, &t).r()?;
            f.slots.push(Some(pybool(m)));
        }
        Instr::LoadAssertionError => f.slots.push(Some(crate::exc::exc_type("AssertionError"))),
        Instr::BeforeWith => {
            let mgr = pop!(f);
            let enter = crate::typeobj::lookup_special(&mgr, "__enter__");
            let exit = crate::typeobj::lookup_special(&mgr, "__exit__");
            let (Some(enter), Some(exit)) = (enter, exit) else {
                return err(type_error(format!(
                    "'{}' object does not support the context manager protocol",
                    crate::typeobj::obj_type_name(&mgr)
                )));
            };
            let t = crate::typeobj::type_of(mgr.as_obj());
            let bound_exit = crate::typeobj::bind_descr(exit, &mgr, &t).r()?;
            let bound_enter = crate::typeobj::bind_descr(enter, &mgr, &t).r()?;
            f.slots.push(Some(bound_exit));
            let r = crate::call::call(&bound_enter, &[]).r()?;
            f.slots.push(Some(r));
        }
        Instr::WithExceptStart => {
            let n = f.slots.len();
            let e = f.slots[n - 1].clone().expect("exc");
            let exit = f.slots[n - 4].clone().expect("exit");
            let t = crate::typeobj::type_of(e.as_obj());
            let r = crate::call::call(&exit, &[t, e, none()]).r()?;
            f.slots.push(Some(r));
        }
        Instr::ImportName(i) => {
            let fromlist = pop!(f);
            let _level = pop!(f);
            let top = kind(fromlist.as_obj()) == Kind::NoneType
                || kind(fromlist.as_obj()) == Kind::Tuple
                    && crate::seq::tuple_items(fromlist.as_obj()).is_empty();
            let m = crate::builtins::import_name(&f.co.names[i as usize], top).r()?;
            f.slots.push(Some(m));
        }
        Instr::ImportFrom(i) => {
            let m = top!(f);
            let name = code_body(&f.code).names[i as usize].clone();
            match crate::typeobj::getattr_opt(&m, &name).r()? {
                Some(v) => f.slots.push(Some(v)),
                None => {
                    let text = |attr: &str| {
                        crate::typeobj::getattr_opt(&m, &crate::str::intern(attr))
                            .ok()
                            .flatten()
                            .filter(|s| kind(s.as_obj()) == Kind::Str)
                            .map(|s| crate::str::as_str(s.as_obj()).into_owned())
                    };
                    let mname = text("__name__").unwrap_or_default();
                    let location = text("__file__").unwrap_or_else(|| "unknown location".into());
                    return err(crate::exc::import_error(
                        "ImportError",
                        &format!(
                            "cannot import name '{}' from '{}' ({location})",
                            f.co.names[i as usize], mname
                        ),
                        &mname,
                    ));
                }
            }
        }
        Instr::ImportStar => {
            let m = pop!(f);
            let d = crate::typeobj::getattr(&m, &crate::str::intern("__dict__")).r()?;
            let target = f.locals().cloned().unwrap_or_else(|| f.globals().clone());
            // `__all__` lists the public names when the module defines it.
            match crate::dict::get_str(d.as_obj(), "__all__") {
                Some(all) => {
                    for k in crate::iter::collect(&all).r()? {
                        let v = crate::typeobj::getattr(&m, &k).r()?;
                        crate::ops::setitem(&target, k, v).r()?;
                    }
                }
                None => {
                    for (k, v) in crate::dict::items(d.as_obj()) {
                        if !crate::str::as_str(k.as_obj()).starts_with('_') {
                            crate::dict::set(target.as_obj(), k, v).r()?;
                        }
                    }
                }
            }
        }
        Instr::FormatValue(conv, has_spec) => {
            let spec = if has_spec { Some(pop!(f)) } else { None };
            let v = pop!(f);
            let v = match conv {
                pymm_compiler::Conversion::None => v,
                pymm_compiler::Conversion::Str => {
                    crate::str::new_str(&crate::ops::str_of(&v).r()?).r()?
                }
                pymm_compiler::Conversion::Repr => {
                    crate::str::new_str(&crate::ops::repr_of(&v).r()?).r()?
                }
                pymm_compiler::Conversion::Ascii => {
                    crate::str::new_str(&crate::str::ascii_repr_obj(&v).r()?).r()?
                }
            };
            let spec_s = spec
                .map(|s| crate::str::as_str(s.as_obj()).into_owned())
                .unwrap_or_default();
            let r = if spec_s.is_empty()
                && kind(v.as_obj()) == Kind::Str
                && !crate::typeobj::is_heap_instance(v.as_obj())
            {
                v
            } else {
                crate::str::new_str(&crate::ops::format(&v, &spec_s).r()?).r()?
            };
            f.slots.push(Some(r));
        }
        Instr::PrintExpr => {
            let v = pop!(f);
            if kind(v.as_obj()) != Kind::NoneType {
                let s = crate::ops::repr_of(&v).r()?;
                crate::state::write_out(&s);
                crate::state::write_out("\n");
                crate::dict::set_str(&rt().builtins, "_", v);
            }
        }
        Instr::SetupAnnotations => {
            let l = f.locals().cloned().unwrap_or_else(|| f.globals().clone());
            if crate::dict::get_str(l.as_obj(), "__annotations__").is_none() {
                crate::dict::set_str(&l, "__annotations__", crate::dict::try_new_dict().r()?);
            }
        }
        Instr::GetLen => {
            let o = top!(f);
            let n = crate::ops::len(&o).r()?;
            f.slots.push(Some(crate::int::from_i64(n as i64).r()?));
        }
        Instr::MatchSequence | Instr::MatchMapping => {
            let o = top!(f);
            let k = kind(o.as_obj());
            let r = if matches!(instr, Instr::MatchSequence) {
                matches!(k, Kind::List | Kind::Tuple | Kind::Range)
            } else {
                k == Kind::Dict
            };
            f.slots.push(Some(pybool(r)));
        }
        Instr::MatchKeys => {
            let keys = top!(f);
            let subj = f.slots[f.slots.len() - 2].clone().expect("subject");
            let mut vals = Vec::new();
            let mut ok = true;
            for k in crate::seq::tuple_items(keys.as_obj()) {
                match crate::ops::mapping_get(&subj, k).r()? {
                    Some(v) => vals.push(v),
                    None => {
                        ok = false;
                        break;
                    }
                }
            }
            let r = if ok {
                crate::seq::new_tuple(vals).r()?
            } else {
                none()
            };
            f.slots.push(Some(r));
        }
        Instr::MatchClass(n) => {
            let kwn = pop!(f);
            let cls = pop!(f);
            let subj = pop!(f);
            let r = crate::builtins::match_class(&subj, &cls, n as usize, &kwn).r()?;
            f.slots.push(Some(r.unwrap_or_else(none)));
        }
        Instr::CheckEgMatch => {
            // [exc, type] -> [exc, None] when nothing matches, else [rest, match], the
            // match becoming the exception being handled.
            let match_type = pop!(f);
            let exc = pop!(f);
            let r = crate::exc::eg_helper("check_eg_match", &[exc.clone(), match_type]).r()?;
            let pair = crate::seq::tuple_items(r.as_obj()).to_vec();
            let [matched, rest] = pair.as_slice() else {
                return err(new_exc("SystemError", "bad CHECK_EG_MATCH result"));
            };
            if crate::state::is_none(matched) {
                f.slots.push(Some(exc));
                f.slots.push(Some(matched.clone()));
            } else {
                f.slots.push(Some(rest.clone()));
                f.slots.push(Some(matched.clone()));
                if let Some(top) = rt().exc_info.borrow_mut().last_mut() {
                    *top = Some(matched.clone());
                }
            }
        }
        Instr::PrepReraiseStar => {
            let excs = pop!(f);
            let orig = pop!(f);
            let r = crate::exc::eg_helper("prep_reraise_star", &[orig, excs]).r()?;
            f.slots.push(Some(r));
        }
        other => {
            return err(new_exc(
                "SystemError",
                &format!("pymm does not support this instruction yet: {other:?}"),
            ));
        }
    }
    Ok(())
}

fn deref_name(f: &Frame, i: usize) -> String {
    let nc = f.co.cellvars.len();
    if i < nc {
        f.co.cellvars[i].to_string()
    } else {
        f.co.freevars[i - nc].to_string()
    }
}

#[inline]
fn pop_n(f: &mut Frame, n: usize) -> Vec<ObjRef> {
    let at = f.slots.len() - n;
    f.slots
        .drain(at..)
        .map(|x| x.expect("NULL in values"))
        .collect()
}

/// CALL of a plain Python function (exact positional arguments, no `*args`, `**kw`,
/// keyword-only parameters or generator): the arguments move from this frame's stack
/// straight into the new frame's locals. `false` when the call is not of that shape.
fn try_fast_call(f: &mut Frame, n: usize) -> Result<bool, StepErr> {
    let len = f.slots.len();
    if len < n + 2 {
        return Ok(false);
    }
    let has_self = f.slots[len - n - 2].is_some();
    let callee = if has_self {
        f.slots[len - n - 2].as_ref()
    } else {
        f.slots[len - n - 1].as_ref()
    };
    let Some(callee) = callee else {
        return Ok(false);
    };
    let Some(fb) = callee.as_obj().downcast::<FunctionBody>() else {
        if !has_self && kind(callee.as_obj()) == Kind::Type {
            return try_fast_new(f, n);
        }
        return Ok(false);
    };
    let nargs = n + usize::from(has_self);
    if !takes_exactly(fb, nargs) {
        return Ok(false);
    }
    let func = callee.clone();
    // Stack: [callable-or-method, NULL-or-self, args...] -> locals [self?, args...].
    let first = len - n - usize::from(has_self);
    let mut frame = Frame::for_function_with_args(func, f.slots.drain(first..));
    f.slots
        .truncate(f.slots.len() - (2 - usize::from(has_self)));
    crate::state::enter_call().r()?;
    let r = run_frame(&mut frame);
    crate::state::leave_call();
    drop(frame);
    f.slots.push(Some(r.r()?));
    Ok(true)
}

/// Whether a call of `fb` with `nargs` positional arguments and no keywords binds them
/// one to one to its parameters (no defaults, `*args`, `**kwargs`, keyword-only
/// parameters or generator).
#[inline]
fn takes_exactly(fb: &FunctionBody, nargs: usize) -> bool {
    fb.simple_arity as usize == nargs
}

/// `Cls(args...)` for the common class: a class written in Python on `object`, whose
/// metaclass is `type`, with `object.__new__` and an `__init__` written in Python that
/// takes exactly these arguments. The same steps as `type_call` (the argument tuple
/// `type_call` receives is built and held for the call, the instance is allocated,
/// `__init__` runs in its own frame and must return None), without the intermediate
/// argument vectors. False, with the stack untouched, for every other callee.
fn try_fast_new(f: &mut Frame, n: usize) -> Result<bool, StepErr> {
    let len = f.slots.len();
    let Some(cls) = f.slots[len - n - 1].as_ref() else {
        return Ok(false);
    };
    let t = crate::typeobj::tb(cls.as_obj());
    if !t.is_heap || t.base_kind != Kind::Object {
        return Ok(false);
    }
    let meta = crate::typeobj::type_of(cls.as_obj());
    if crate::typeobj::tb(meta.as_obj()).is_heap {
        return Ok(false);
    }
    let lookup = |name| crate::typeobj::lookup(cls.as_obj(), &crate::str::intern_static(name));
    // `object.__new__` is a static method wrapping a built-in; a `__new__` written in
    // Python (plain or as a static method) takes the general path.
    let written_in_python = |n: &ObjRef| match kind(n.as_obj()) {
        Kind::Function => true,
        Kind::StaticMethod => n
            .as_obj()
            .downcast::<WrapperBody>()
            .is_some_and(|w| kind(w.0.get().as_obj()) != Kind::BuiltinFunction),
        _ => true,
    };
    if lookup("__new__").is_some_and(|n| written_in_python(&n)) {
        return Ok(false);
    }
    let Some(init) = lookup("__init__") else {
        return Ok(false);
    };
    let Some(ib) = init.as_obj().downcast::<FunctionBody>() else {
        return Ok(false);
    };
    if !takes_exactly(ib, n + 1) {
        return Ok(false);
    }
    let cls = cls.clone();
    let args: smallvec::SmallVec<[ObjRef; 8]> = f.slots[len - n..]
        .iter()
        .map(|a| a.clone().expect("argument"))
        .collect();
    // The argument vector stays alive for the call, as the general path's does (one
    // reference to each argument besides the tuple's and the frame's).
    let tp = crate::call::TpCallArgs::new(&args, &Kw::EMPTY).r()?;
    let obj = crate::typeobj::alloc_instance(&cls).r()?;
    let mut frame = Frame::for_function_with_args(
        init,
        std::iter::once(Some(obj.clone())).chain(f.slots.drain(len - n..)),
    );
    f.slots.truncate(len - n - 2);
    crate::state::enter_call().r()?;
    let r = run_frame(&mut frame);
    crate::state::leave_call();
    drop(frame);
    let r = r.r()?;
    crate::call::check_init_result(&r).r()?;
    drop(r);
    drop(tp);
    drop(args);
    f.slots.push(Some(obj));
    Ok(true)
}

fn do_call(f: &mut Frame, n: usize, kwnames: Option<ObjRef>) -> Result<(), StepErr> {
    if kwnames.is_none() && try_fast_call(f, n)? {
        return Ok(());
    }
    // Stack: [method, self, args...] or [NULL, callable, args...]; a method's `self`
    // leads its arguments, taken in one move with them.
    let has_self = f.slots[f.slots.len() - n - 2].is_some();
    // On the native stack for the common few arguments; Python functions and methods
    // take them over as a vector.
    let at = f.slots.len() - n - usize::from(has_self);
    let mut args: Args = f
        .slots
        .drain(at..)
        .map(|x| x.expect("NULL in values"))
        .collect();
    let callee = f.slots.pop().flatten().expect("callable");
    if !has_self {
        f.slots.pop();
    }
    let kw = match kwnames {
        Some(names) => {
            let names = crate::seq::tuple_items(names.as_obj());
            let split = args.len() - names.len();
            Kw(names.iter().cloned().zip(args.drain(split..)).collect())
        }
        None => Kw::EMPTY,
    };
    let r = if args.is_empty()
        && kw.is_empty()
        && callee.is(&crate::state::builtin_type(Kind::Super))
    {
        zero_arg_super(f)
    } else if let Some(b) = callee.as_obj().downcast::<BuiltinBody>()
        && b.bound.get().is_none()
    {
        // A built-in function or a built-in type's method (`len(x)`, `d.get(k)`): the
        // few that read the caller's frame run with it; the others take the arguments
        // from here, as `call_kw` would give them.
        match frame_builtin(f, &callee, b, &mut args, &kw) {
            Some(r) => r,
            None => {
                let r = (b.func)(&args, &kw);
                drop(args);
                drop(kw);
                r
            }
        }
    } else if matches!(kind(callee.as_obj()), Kind::Function | Kind::Method) {
        crate::call::call_owned_kw(&callee, args.into_vec(), kw)
    } else {
        let r = crate::call::call_kw(&callee, &args, &kw);
        // Released as `call_owned_kw` releases them: the arguments, then the names.
        drop(args);
        drop(kw);
        r
    };
    f.slots.push(Some(r.r()?));
    Ok(())
}

/// A call's positional arguments, off the value stack.
type Args = smallvec::SmallVec<[ObjRef; 8]>;

/// Whether unbound built-in `b` may be one of the built-ins [`frame_builtin`] runs with
/// the caller's frame.
fn reads_caller_frame(b: &BuiltinBody) -> bool {
    std::ptr::fn_addr_eq(b.func, crate::modules::sys_getframe as NativeFn)
        || (b.owner().is_empty()
            && matches!(
                b.name(),
                "globals" | "locals" | "vars" | "dir" | "exec" | "eval"
            ))
}

/// The built-ins that read the caller's frame: `globals()`, `locals()`, `vars()`, `dir()`
/// and `exec`/`eval` without namespaces. `None` when `callee` is not one of them.
fn frame_builtin(
    f: &mut Frame,
    callee: &ObjRef,
    b: &BuiltinBody,
    args: &mut Args,
    kw: &Kw,
) -> Option<R> {
    if !reads_caller_frame(b) {
        return None;
    }
    if std::ptr::fn_addr_eq(b.func, crate::modules::sys_getframe as NativeFn) {
        return Some(getframe(f, args, kw));
    }
    let is_builtin = crate::dict::get_str(crate::state::rt().builtins.as_obj(), b.name())
        .is_some_and(|o| o.is(callee));
    if !is_builtin {
        return None;
    }
    match (b.name(), args.len()) {
        ("globals", 0) => Some(Ok(f.globals().clone())),
        ("locals" | "vars", 0) => Some(frame_locals(f)),
        ("dir", 0) => Some((|| {
            let l = frame_locals(f)?;
            let keys: Vec<ObjRef> = crate::dict::items(l.as_obj())
                .into_iter()
                .map(|(k, _)| k)
                .collect();
            let list = crate::seq::new_list(keys)?;
            crate::methods::list_sort_impl(&list, &Kw::EMPTY)?;
            Ok(list)
        })()),
        ("exec" | "eval", 1) if kw.is_empty() => {
            let locals = match frame_locals(f) {
                Ok(l) => l,
                Err(e) => return Some(Err(e)),
            };
            args.push(f.globals().clone());
            args.push(locals);
            Some(crate::call::call_kw(callee, args, kw))
        }
        _ => None,
    }
}

/// `sys._getframe([depth])` called from activation `f`: its frame object. pymm keeps no
/// chain of running activations, so a depth past 0 is refused with a `SystemError`
/// rather than answered wrongly.
fn getframe(f: &mut Frame, args: &[ObjRef], kw: &Kw) -> R {
    if !kw.is_empty() {
        return Err(type_error("_getframe() takes no keyword arguments"));
    }
    if args.len() > 1 {
        return Err(type_error(format!(
            "_getframe expected at most 1 argument, got {}",
            args.len()
        )));
    }
    let depth = match args.first() {
        Some(d) => crate::builtins::to_index(d)?,
        None => 0,
    };
    if depth > 0 {
        return Err(new_exc(
            "SystemError",
            "pymm supports sys._getframe() only for the calling frame (depth 0)",
        ));
    }
    let fo = crate::traceback::frame_object(f)?;
    if let Some(fb) = fo.as_obj().downcast::<FrameBody>() {
        fb.lasti.set(f.pc.saturating_sub(1) as u32);
    }
    Ok(fo)
}

/// The frame's local namespace: the mapping of module and class bodies, or a snapshot of a
/// function's variables (CPython's `locals()` in a function).
pub fn frame_locals(f: &Frame) -> R {
    if let Some(l) = f.locals() {
        return Ok(l.clone());
    }
    crate::frame::fast_locals(&f.co, f.fast())
}

/// `super()` without arguments: the `__class__` cell of the enclosing class body and the
/// frame's first argument (read through its cell when the argument is captured).
fn zero_arg_super(f: &Frame) -> R {
    // `super_init_without_args`' checks, in its order.
    if f.co.argcount == 0 {
        return Err(new_exc("RuntimeError", "super(): no arguments"));
    }
    let nv = f.co.varnames.len();
    let mut first = f.fast().first().cloned().flatten();
    if let Some(ci) = f.co.cell2arg.iter().position(|a| *a == Some(0)) {
        first = f.slots[nv + ci]
            .as_ref()
            .and_then(|c| c.as_obj().downcast::<CellBody>().and_then(|c| c.0.get()));
    }
    let first = first.ok_or_else(|| new_exc("RuntimeError", "super(): arg[0] deleted"))?;
    let class_cell =
        f.co.freevars
            .iter()
            .position(|n| &**n == "__class__")
            .and_then(|i| {
                f.fast()
                    .get(nv + f.co.cellvars.len() + i)
                    .cloned()
                    .flatten()
            })
            .ok_or_else(|| new_exc("RuntimeError", "super(): __class__ cell not found"))?;
    let cls = class_cell
        .as_obj()
        .downcast::<CellBody>()
        .and_then(|c| c.0.get())
        .ok_or_else(|| new_exc("RuntimeError", "super(): empty __class__ cell"))?;
    crate::methods::new_super(cls, Some(first))
}

/// `raise X`: an exception instance, or a class to instantiate.
fn make_exception(e: &ObjRef) -> R<Exc> {
    let o = e.as_obj();
    if kind(o) == Kind::Type {
        let base = crate::exc::exc_type("BaseException");
        if crate::typeobj::is_subtype(o, base.as_obj()) {
            let inst = crate::call::call(e, &[])?;
            return Ok(Exc(inst));
        }
    } else if kind(o) == Kind::BaseException {
        return Ok(Exc(e.clone()));
    }
    Err(type_error("exceptions must derive from BaseException"))
}

/// Compares with a known operator (used by `sorted`, `min`, `max`).
pub fn compare_op(a: &ObjRef, b: &ObjRef, op: ComparisonOperator) -> R<bool> {
    let r = crate::ops::compare(a, b, op)?;
    crate::ops::truthy(&r)
}
