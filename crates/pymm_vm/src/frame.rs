//! Frames and argument binding. A frame is a Rust value owned by the native stack while
//! it runs, or by its generator object while suspended.

use std::rc::Rc;

use pymm_compiler::{CodeFlags, CodeObject};
use pymm_mem::{ObjRef, SlotBuf, Visitor};

use crate::call::Kw;
use crate::exc::{R, memory_error, type_error};
use crate::object::*;

/// An executing (or suspended) function activation.
#[derive(Debug)]
pub struct Frame {
    pub code: ObjRef,
    pub co: Rc<CodeObject>,
    /// The namespaces of module and class bodies and `exec` (see [`Namespaces`]);
    /// `None` for a function's frame.
    ns: Option<Box<Namespaces>>,
    pub func: Option<ObjRef>,
    /// CPython's `localsplus`: the fast locals, cells and free variables (the first
    /// `nlocals` slots), then the value stack (`None` is CPython's `NULL`). One buffer, so
    /// that a call takes and gives back one.
    pub slots: SlotBuf,
    /// How many of `slots` are variables.
    pub nlocals: usize,
    pub pc: usize,
    /// The exceptions being handled when this generator frame was suspended.
    pub exc_state: Option<Box<Vec<Option<ObjRef>>>>,
    /// The activation's frame object, once one was needed ([`crate::traceback`]).
    pub frame_obj: Option<ObjRef>,
    /// Its local trace function and line state, when `sys.settrace` traces it.
    pub trace: Option<Box<crate::trace::FrameTrace>>,
}

/// What a frame that runs no function has beyond a function's frame, out of line so
/// that a [`Frame`] (which a generator embeds) stays small.
#[derive(Debug)]
struct Namespaces {
    /// The globals and builtins of a frame that runs no function (a module, `exec`):
    /// it owns them. A function's frame borrows its function's, as CPython 3.11's
    /// `_PyFrame_InitializeSpecials` does (so they are not counted once per call).
    own: Option<(ObjRef, ObjRef)>,
    /// The locals mapping of module and class bodies.
    locals: Option<ObjRef>,
}

impl Frame {
    /// A frame for `code` with the given namespaces, running no function (module code,
    /// `exec`); its builtins are the interpreter's.
    pub fn new(code: ObjRef, globals: ObjRef, locals: Option<ObjRef>) -> Frame {
        Frame::with_builtins(code, globals, crate::state::rt().builtins.clone(), locals)
    }

    /// [`Frame::new`] with the given builtins dict (`exec`/`eval` with a `__builtins__`).
    pub fn with_builtins(
        code: ObjRef,
        globals: ObjRef,
        builtins: ObjRef,
        locals: Option<ObjRef>,
    ) -> Frame {
        Frame::build(code, Some((globals, builtins)), locals, None)
    }

    /// A frame running function `func` (a `FunctionBody`), with its code, globals and
    /// builtins.
    pub fn for_function(func: ObjRef, locals: Option<ObjRef>) -> Frame {
        let code = func_body(&func).code.clone();
        Frame::build(code, None, locals, Some(func))
    }

    /// A frame running function `func` whose first fast locals are `args` (a call's
    /// positional arguments, moved from the caller's value stack): the eval loop's call
    /// path, which builds the frame in place.
    #[inline(always)]
    pub fn for_function_with_args(
        func: ObjRef,
        args: impl Iterator<Item = Option<ObjRef>>,
    ) -> Frame {
        let code = func_body(&func).code.clone();
        Frame::build_with(code, None, None, Some(func), args)
    }

    #[inline(always)]
    fn build(
        code: ObjRef,
        own_namespaces: Option<(ObjRef, ObjRef)>,
        locals: Option<ObjRef>,
        func: Option<ObjRef>,
    ) -> Frame {
        Frame::build_with(code, own_namespaces, locals, func, std::iter::empty())
    }

    #[inline(always)]
    fn build_with(
        code: ObjRef,
        own_namespaces: Option<(ObjRef, ObjRef)>,
        locals: Option<ObjRef>,
        func: Option<ObjRef>,
        args: impl Iterator<Item = Option<ObjRef>>,
    ) -> Frame {
        let co = code_body(&code).code.clone();
        let n = co.varnames.len() + co.cellvars.len() + co.freevars.len();
        let mut slots = take_buffer();
        slots.extend(args);
        slots.resize(n, None);
        slots.reserve(co.max_stackdepth as usize);
        let ns = if own_namespaces.is_some() || locals.is_some() {
            Some(Box::new(Namespaces {
                own: own_namespaces,
                locals,
            }))
        } else {
            None
        };
        Frame {
            code,
            co,
            ns,
            func,
            slots,
            nlocals: n,
            pc: 0,
            exc_state: None,
            frame_obj: None,
            trace: None,
        }
    }

    /// The variables: fast locals, then cells, then free variables.
    #[inline]
    pub fn fast(&self) -> &[Option<ObjRef>] {
        &self.slots[..self.nlocals]
    }

    /// Moves the slots into a block of this thread's heap with room for exactly the
    /// code's variables and deepest value stack: a generator's frame, whose slots are
    /// part of the generator's memory (CPython embeds them in the generator object).
    pub fn move_slots_to_heap(&mut self) -> R<()> {
        let mut heap = SlotBuf::in_heap(self.co.frame_slots()).map_err(|_| memory_error())?;
        heap.extend(self.slots.drain(0..));
        give_buffer(std::mem::replace(&mut self.slots, heap));
        Ok(())
    }

    fn own_namespaces(&self) -> Option<&(ObjRef, ObjRef)> {
        self.ns.as_ref().and_then(|n| n.own.as_ref())
    }

    /// The locals mapping of module and class bodies (`None` in a function's frame).
    #[inline]
    pub fn locals(&self) -> Option<&ObjRef> {
        self.ns.as_ref().and_then(|n| n.locals.as_ref())
    }

    /// `f_globals`.
    #[inline]
    pub fn globals(&self) -> &ObjRef {
        match (self.own_namespaces(), &self.func) {
            (Some((g, _)), _) => g,
            (None, Some(f)) => &func_body(f).globals,
            (None, None) => unreachable!("a frame has namespaces or a function"),
        }
    }

    /// `f_builtins`.
    #[inline]
    pub fn builtins(&self) -> &ObjRef {
        match (self.own_namespaces(), &self.func) {
            (Some((_, b)), _) => b,
            (None, Some(f)) => &func_body(f).builtins,
            (None, None) => unreachable!("a frame has namespaces or a function"),
        }
    }

    /// Visits every object the frame holds (`_PyFrame_Traverse`: the function and the
    /// code, not the borrowed namespaces), in CPython's order: [`Frame::traverse_head`],
    /// the slots, [`Frame::traverse_tail`].
    pub fn traverse(&self, v: &mut Visitor<'_>) {
        self.traverse_head(v);
        for o in self.slots.iter().flatten() {
            v.visit(o.as_obj());
        }
        self.traverse_tail(v);
    }

    /// The frame object, the namespaces of a frame that runs no function, the function
    /// and the code.
    pub fn traverse_head(&self, v: &mut Visitor<'_>) {
        if let Some(o) = &self.frame_obj {
            v.visit(o.as_obj());
        }
        if let Some((g, b)) = self.own_namespaces() {
            v.visit(g.as_obj());
            v.visit(b.as_obj());
        }
        for o in self.locals().into_iter().chain(self.func.iter()) {
            v.visit(o.as_obj());
        }
        v.visit(self.code.as_obj());
    }

    /// The exceptions a suspended generator frame was handling.
    pub fn traverse_tail(&self, v: &mut Visitor<'_>) {
        for o in self.exc_state.iter().flat_map(|e| e.iter()).flatten() {
            v.visit(o.as_obj());
        }
    }
}

/// The body of a function object.
#[inline]
fn func_body(f: &ObjRef) -> &FunctionBody {
    f.as_obj().downcast::<FunctionBody>().expect("function")
}

#[inline(always)]
fn take_buffer() -> SlotBuf {
    crate::state::rt()
        .frame_buffers
        .try_borrow_mut()
        .ok()
        .and_then(|mut v| v.pop())
        .unwrap_or_default()
}

#[inline(always)]
fn give_buffer(mut slots: SlotBuf) {
    // Release the references first (locals, then the value stack, as CPython clears
    // `localsplus`): their finalizers may call (and use the pool).
    slots.clear();
    // A generator's heap block goes back to the heap.
    if slots.capacity() > 256 || slots.capacity() == 0 || slots.is_in_heap() {
        return;
    }
    if let Ok(mut pool) = crate::state::rt().frame_buffers.try_borrow_mut()
        && pool.len() < 64
    {
        pool.push(slots);
    }
}

impl Drop for Frame {
    fn drop(&mut self) {
        if self.frame_obj.is_some() {
            crate::traceback::release(self);
        }
        give_buffer(std::mem::take(&mut self.slots));
    }
}

const _: () = assert!(std::mem::size_of::<Frame>() == 96);

/// A dict of the variables of `co` that have values in `fast` (fast locals, then cells,
/// then free variables; `PyFrame_FastToLocals`): an argument captured by a cell shows
/// the cell's contents under its own name, and cells and free variables show theirs.
pub fn fast_locals(co: &CodeObject, fast: &[Option<ObjRef>]) -> R {
    let d = crate::dict::try_new_dict()?;
    let cell_value = |slot: usize| {
        fast.get(slot)
            .cloned()
            .flatten()
            .and_then(|c| c.as_obj().downcast::<CellBody>().and_then(|c| c.0.get()))
    };
    let nv = co.varnames.len();
    for (i, name) in co.varnames.iter().enumerate() {
        let v = match co.cell2arg.iter().position(|a| *a == Some(i as u32)) {
            Some(ci) => cell_value(nv + ci),
            None => fast.get(i).cloned().flatten(),
        };
        if let Some(v) = v {
            crate::dict::set(d.as_obj(), crate::str::intern(name), v)?;
        }
    }
    let cells = co.cellvars.iter().chain(co.freevars.iter());
    for (j, name) in cells.enumerate() {
        if co.varnames.iter().any(|n| n == name) {
            continue;
        }
        if let Some(v) = cell_value(nv + j) {
            crate::dict::set(d.as_obj(), crate::str::intern(name), v)?;
        }
    }
    Ok(d)
}

/// The code body of a code object.
#[inline]
pub fn code_body(o: &ObjRef) -> &CodeBody {
    o.as_obj().downcast::<CodeBody>().expect("code object")
}

/// The references CPython's parser holds to the literals of source it has just parsed
/// while `PyRun_*` executes it: the AST arena (which owns one reference to each
/// `Constant` node's value, folded tuples and frozensets included) is freed only after
/// the code has run, so in a script, `-c`, an interactive statement or `exec`/`eval` of
/// a string, `sys.getrefcount(1000)` is one higher than in an imported module. The
/// returned references, held for the duration of the run, reproduce that.
pub fn ast_constant_refs(code: &ObjRef) -> Vec<ObjRef> {
    fn walk(o: &ObjRef, out: &mut Vec<ObjRef>) {
        match kind(o.as_obj()) {
            Kind::Code => {
                for c in &code_body(o).consts {
                    walk(c, out);
                }
            }
            Kind::Tuple => {
                out.push(o.clone());
                for c in crate::seq::tuple_items(o.as_obj()) {
                    walk(c, out);
                }
            }
            Kind::FrozenSet => {
                out.push(o.clone());
                for c in crate::builtins::set_items(o.as_obj()) {
                    walk(&c, out);
                }
            }
            _ => out.push(o.clone()),
        }
    }
    let mut out = Vec::new();
    for c in &code_body(code).consts {
        walk(c, &mut out);
    }
    // One parse-tree reference per object: equal literals share one constant.
    let mut seen = std::collections::HashSet::new();
    out.retain(|o| seen.insert(o.as_obj().addr()));
    out
}

/// Builds a Python code object from compiled code: equal constants anywhere in its
/// tree of code objects are one object, as CPython's compiler merges them
/// (`merge_consts_recursive` with the unit's constant cache).
pub fn new_code(co: Rc<CodeObject>) -> R {
    new_code_in(co, &mut ConstCache::default())
}

/// The constants already built for one compilation, by kind and value.
#[derive(Debug, Default)]
pub struct ConstCache(std::collections::HashMap<String, ObjRef>);

impl ConstCache {
    /// The object for constant `c`, shared with equal constants built before.
    pub fn get(&mut self, c: &pymm_compiler::Constant) -> R {
        use pymm_compiler::Constant as K;
        match c {
            K::Code(code) => return new_code_in(code.clone(), self),
            K::Tuple(items) => {
                // Items first, so that a tuple shares them with equal constants.
                let v = items.iter().map(|i| self.get(i)).collect::<R<Vec<_>>>()?;
                let key = format!("{c:?}");
                if let Some(o) = self.0.get(&key) {
                    return Ok(o.clone());
                }
                let t = crate::seq::new_tuple(v)?;
                self.0.insert(key, t.clone());
                return Ok(t);
            }
            K::FrozenSet(items) => {
                // Equal frozensets are one constant whatever their items' order
                // (`_PyCode_ConstantKey` keys them by a frozenset).
                let mut parts: Vec<String> = items.iter().map(|i| format!("{i:?}")).collect();
                parts.sort();
                parts.dedup();
                let key = format!("FrozenSet{parts:?}");
                if let Some(o) = self.0.get(&key) {
                    return Ok(o.clone());
                }
                // The compiler builds the frozenset from the folded tuple, then
                // `merge_consts_recursive` builds it again from the first one's
                // iteration order: the table (so the order) is the second one's.
                let v = items.iter().map(|i| self.get(i)).collect::<R<Vec<_>>>()?;
                let first = crate::builtins::new_set(&v, true)?;
                let merged =
                    crate::builtins::new_set(&crate::builtins::set_items(first.as_obj()), true)?;
                self.0.insert(key, merged.clone());
                return Ok(merged);
            }
            _ => {}
        }
        let key = format!("{c:?}");
        if let Some(o) = self.0.get(&key) {
            return Ok(o.clone());
        }
        let o = crate::ops::from_constant(c)?;
        self.0.insert(key, o.clone());
        Ok(o)
    }
}

fn new_code_in(co: Rc<CodeObject>, cache: &mut ConstCache) -> R {
    let mut consts = Vec::with_capacity(co.constants.len());
    for c in &co.constants {
        consts.push(cache.get(c)?);
    }
    let names: Vec<ObjRef> = co.names.iter().map(|n| crate::str::intern(n)).collect();
    let global_cache = names.iter().map(|_| Default::default()).collect();
    let attr_cache = names.iter().map(|_| Default::default()).collect();
    let quick = pymm_compiler::quicken(&co.instructions).into();
    let varnames = co.varnames.iter().map(|n| crate::str::intern(n)).collect();
    ObjRef::new(
        &CODE_T,
        CodeBody {
            code: co,
            consts,
            names,
            varnames,
            weaklist: Default::default(),
            global_cache,
            attr_cache,
            quick,
        },
    )
    .map_err(|_| memory_error())
}

/// The name argument errors give: the function's `__qualname__` (which a program may
/// have changed since the function was made, as `dataclasses` does).
fn fname(fb: &FunctionBody) -> String {
    crate::str::as_str(fb.qualname.get().as_obj()).into_owned()
}

/// Calls a Python function.
pub fn call_function(f: &ObjRef, args: &[ObjRef], kw: &Kw) -> R {
    call_function_owned(f, args.to_vec(), Kw(kw.0.clone()))
}

/// Calls a Python function, moving the positional arguments into its frame (so that, as
/// in CPython, the callee holds the only references the call made).
pub fn call_function_owned(f: &ObjRef, args: Vec<ObjRef>, kw: Kw) -> R {
    let fb = f.as_obj().downcast::<FunctionBody>().expect("function");
    let mut frame = Frame::for_function(f.clone(), None);
    bind_args(&mut frame, fb, args, kw)?;
    if frame.co.flags.is_generator_like() {
        return crate::genobj::run_until_generator(frame, fb);
    }
    crate::state::enter_call()?;
    let r = crate::eval::run_frame(&mut frame);
    crate::state::leave_call();
    r
}

fn bind_args(frame: &mut Frame, fb: &FunctionBody, mut args: Vec<ObjRef>, kw: Kw) -> R<()> {
    let nargs = args.len();
    let co = frame.co.clone();
    let argcount = co.argcount as usize;
    let kwonly = co.kwonlyargcount as usize;
    let posonly = co.posonlyargcount as usize;
    let has_varargs = co.flags.has(CodeFlags::VARARGS);
    let has_varkw = co.flags.has(CodeFlags::VARKEYWORDS);
    let n = nargs.min(argcount);
    let extra = if nargs > argcount {
        args.split_off(argcount)
    } else {
        Vec::new()
    };
    for (slot, a) in frame.slots.iter_mut().zip(args) {
        *slot = Some(a);
    }
    let mut idx = argcount + kwonly;
    if has_varargs {
        frame.slots[idx] = Some(crate::seq::new_tuple(extra)?);
        idx += 1;
    } else if nargs > argcount {
        let ndefaults = fb
            .defaults
            .get()
            .map_or(0, |d| crate::seq::tuple_items(d.as_obj()).len());
        let given_kw = 0;
        let _ = given_kw;
        let takes = if ndefaults > 0 {
            format!(
                "from {} to {} positional arguments",
                argcount - ndefaults,
                argcount
            )
        } else {
            format!(
                "{} positional argument{}",
                argcount,
                if argcount == 1 { "" } else { "s" }
            )
        };
        return Err(type_error(format!(
            "{}() takes {} but {} {} given",
            &fname(fb),
            takes,
            nargs,
            if nargs == 1 { "was" } else { "were" }
        )));
    }
    let kwdict = if has_varkw {
        let d = crate::dict::try_new_dict()?;
        frame.slots[idx] = Some(d.clone());
        Some(d)
    } else {
        None
    };
    for (k, v) in kw.0 {
        let name = crate::str::as_str(k.as_obj());
        let pos = co.varnames[posonly..argcount + kwonly]
            .iter()
            .position(|n| **n == *name)
            .map(|p| p + posonly);
        match pos {
            Some(p) => {
                if frame.slots[p].is_some() {
                    return Err(type_error(format!(
                        "{}() got multiple values for argument '{}'",
                        &fname(fb),
                        name
                    )));
                }
                frame.slots[p] = Some(v);
            }
            None => match &kwdict {
                Some(d) => crate::dict::set(d.as_obj(), k, v)?,
                None => {
                    if co.varnames[..posonly].iter().any(|n| **n == *name) {
                        return Err(type_error(format!(
                            "{}() got some positional-only arguments passed as keyword arguments: '{}'",
                            &fname(fb),
                            name
                        )));
                    }
                    return Err(type_error(format!(
                        "{}() got an unexpected keyword argument '{}'",
                        &fname(fb),
                        name
                    )));
                }
            },
        }
    }
    if n < argcount {
        let defaults = fb.defaults.get();
        let d = defaults
            .as_ref()
            .map(|d| crate::seq::tuple_items(d.as_obj()))
            .unwrap_or(&[]);
        let first_default = argcount - d.len();
        let mut missing = Vec::new();
        for i in n..argcount {
            if frame.slots[i].is_none() {
                if i >= first_default {
                    frame.slots[i] = Some(d[i - first_default].clone());
                } else {
                    missing.push(co.varnames[i].to_string());
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(missing_msg(&fname(fb), "positional", &missing)));
        }
    }
    if kwonly > 0 {
        let kwd = fb.kwdefaults.get();
        let mut missing = Vec::new();
        for i in argcount..argcount + kwonly {
            if frame.slots[i].is_none() {
                let dv = kwd
                    .as_ref()
                    .and_then(|d| crate::dict::get_str(d.as_obj(), &co.varnames[i]));
                match dv {
                    Some(v) => frame.slots[i] = Some(v),
                    None => missing.push(co.varnames[i].to_string()),
                }
            }
        }
        if !missing.is_empty() {
            return Err(type_error(missing_msg(
                &fname(fb),
                "keyword-only",
                &missing,
            )));
        }
    }
    Ok(())
}

fn missing_msg(name: &str, what: &str, missing: &[String]) -> String {
    let quoted: Vec<String> = missing.iter().map(|m| format!("'{m}'")).collect();
    let list = match quoted.len() {
        1 => quoted[0].clone(),
        2 => format!("{} and {}", quoted[0], quoted[1]),
        _ => format!(
            "{}, and {}",
            quoted[..quoted.len() - 1].join(", "),
            quoted[quoted.len() - 1]
        ),
    };
    format!(
        "{}() missing {} required {} argument{}: {}",
        name,
        missing.len(),
        what,
        if missing.len() == 1 { "" } else { "s" },
        list
    )
}
