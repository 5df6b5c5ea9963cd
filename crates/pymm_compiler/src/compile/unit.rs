//! One code object under construction ([`Unit`]): instruction emission with
//! labels, compile-time stack-depth tracking, the exception-handler stack,
//! and assembly into a [`CodeObject`].
//!
//! Unlike CPython's `compile.c`, which builds basic blocks and computes the
//! stack depth and exception table in a later flow pass
//! (`stackdepth`, `label_exception_targets`), pymm emits straight-line code
//! and tracks the depth while emitting: after an unconditional transfer the
//! depth is unknown (`None`) and the following code is unreachable, so it is
//! simply not emitted (this is the dead-code elimination); binding a label
//! that some jump targets makes it reachable again with the depth recorded at
//! that jump. Code is emitted in structured order, so the handler in force
//! for an instruction is the top of the compile-time handler stack when it is
//! emitted; runs of equal handlers become exception-table entries.

use std::collections::HashMap;
use std::rc::Rc;

use crate::bytecode::Instr;
use crate::code::{CodeFlags, CodeObject, Constant, ExceptionTableEntry, Location};
use crate::symtable::ScopeId;

/// A jump target not yet placed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Label(pub u32);

/// An exception handler pushed by `SETUP_FINALLY` / `SETUP_CLEANUP` /
/// `SETUP_WITH` (which are compile-time only here).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Handler {
    pub label: Label,
    pub depth: u32,
    pub lasti: bool,
}

/// The kind of code object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum UnitKind {
    Module,
    Class,
    Function,
    Lambda,
    Comprehension,
}

#[derive(Debug)]
pub(crate) struct Unit {
    pub kind: UnitKind,
    pub scope: ScopeId,
    pub name: String,
    pub qualname: String,
    pub firstlineno: u32,
    pub private: Option<String>,
    pub flags: u32,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,

    pub instrs: Vec<Instr>,
    /// For jumps: the label id the instruction targets.
    pub jump_labels: Vec<Option<u32>>,
    pub locs: Vec<Location>,
    pub instr_handler: Vec<Option<u32>>,
    pub labels: Vec<Option<u32>>,
    pub label_depth: Vec<Option<u32>>,
    pub depth: Option<u32>,
    pub max_depth: u32,
    pub handlers: Vec<Handler>,
    pub handler_stack: Vec<u32>,
    pub loc: Location,
    /// Position of the most recently bound label (no peephole across it).
    pub last_bound: Option<u32>,
    /// The current unreachable region is dead only because of a constant
    /// condition (`if 0:`): CPython 3.11 still puts nested code objects of
    /// such regions in `co_consts`, so we do too.
    pub dead_by_constant: bool,

    pub consts: Vec<Constant>,
    const_index: HashMap<ConstKey, u32>,
    name_index: HashMap<String, u32>,
    varname_index: HashMap<String, u32>,
    pub names: Vec<String>,
    pub varnames: Vec<String>,
    pub cellvars: Vec<String>,
    pub freevars: Vec<String>,
}

impl Unit {
    pub(crate) fn new(kind: UnitKind, scope: ScopeId, name: String, qualname: String) -> Self {
        Unit {
            kind,
            scope,
            name,
            qualname,
            firstlineno: 1,
            private: None,
            flags: 0,
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            instrs: Vec::new(),
            jump_labels: Vec::new(),
            locs: Vec::new(),
            instr_handler: Vec::new(),
            labels: Vec::new(),
            label_depth: Vec::new(),
            depth: Some(0),
            max_depth: 0,
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            loc: Location::default(),
            last_bound: None,
            dead_by_constant: false,
            consts: Vec::new(),
            const_index: HashMap::new(),
            name_index: HashMap::new(),
            varname_index: HashMap::new(),
            names: Vec::new(),
            varnames: Vec::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
        }
    }

    pub(crate) fn is_function_like(&self) -> bool {
        matches!(
            self.kind,
            UnitKind::Function | UnitKind::Lambda | UnitKind::Comprehension
        )
    }

    pub(crate) fn new_label(&mut self) -> Label {
        self.labels.push(None);
        self.label_depth.push(None);
        Label(self.labels.len() as u32 - 1)
    }

    /// Whether code emitted now is reachable.
    pub(crate) fn reachable(&self) -> bool {
        self.depth.is_some()
    }

    fn set_depth(&mut self, d: i64) {
        let d = d.max(0) as u32;
        self.depth = Some(d);
        self.max_depth = self.max_depth.max(d);
    }

    /// Emits a non-jump instruction.
    pub(crate) fn emit(&mut self, instr: Instr) {
        let Some(depth) = self.depth else {
            return;
        };
        if let Instr::LoadGlobal(i) = instr
            && self.instrs.last() == Some(&Instr::PushNull)
            && self.last_bound != Some(self.instrs.len() as u32)
            && self.instr_handler.last().copied() == Some(self.handler_stack.last().copied())
        {
            // Peephole: `PUSH_NULL; LOAD_GLOBAL` → `LOAD_GLOBAL_NULL`.
            let last = self.instrs.len() - 1;
            self.instrs[last] = Instr::LoadGlobalNull(i);
            self.locs[last] = self.loc;
            self.set_depth(i64::from(depth) + 1);
            return;
        }
        self.push_raw(instr, None);
        if instr.is_terminator() {
            self.depth = None;
        } else {
            self.set_depth(i64::from(depth) + i64::from(instr.stack_effect(false)));
        }
    }

    /// Emits a jump to `label` (the instruction's operand is replaced).
    pub(crate) fn emit_jump(&mut self, instr: Instr, label: Label) {
        let Some(depth) = self.depth else {
            return;
        };
        self.push_raw(instr, Some(label.0));
        self.dead_by_constant = false;
        let at_target = i64::from(depth) + i64::from(instr.stack_effect(true));
        self.note_label_depth(label, at_target);
        if instr.is_terminator() {
            self.depth = None;
        } else {
            self.set_depth(i64::from(depth) + i64::from(instr.stack_effect(false)));
        }
    }

    fn note_label_depth(&mut self, label: Label, depth: i64) {
        let d = depth.max(0) as u32;
        self.max_depth = self.max_depth.max(d);
        let slot = &mut self.label_depth[label.0 as usize];
        if slot.is_none() {
            *slot = Some(d);
        }
    }

    fn push_raw(&mut self, instr: Instr, label: Option<u32>) {
        self.instrs.push(instr);
        self.jump_labels.push(label);
        self.locs.push(self.loc);
        self.instr_handler.push(self.handler_stack.last().copied());
    }

    /// Places `label` here.
    pub(crate) fn bind(&mut self, label: Label) {
        self.labels[label.0 as usize] = Some(self.instrs.len() as u32);
        self.last_bound = Some(self.instrs.len() as u32);
        if self.depth.is_none() {
            self.depth = self.label_depth[label.0 as usize];
        } else if let Some(d) = self.depth {
            self.note_label_depth(label, i64::from(d));
        }
    }

    /// `SETUP_FINALLY` (`lasti = false`) / `SETUP_CLEANUP` / `SETUP_WITH`:
    /// instructions emitted until [`Unit::pop_handler`] jump to `label` on
    /// an exception, with the stack unwound to `depth`.
    pub(crate) fn push_handler(&mut self, label: Label, depth: u32, lasti: bool) {
        let idx = self.handlers.len() as u32;
        self.handlers.push(Handler {
            label,
            depth,
            lasti,
        });
        self.handler_stack.push(idx);
        if self.depth.is_some() {
            self.note_label_depth(label, i64::from(depth) + 1 + i64::from(lasti));
        }
    }

    /// `POP_BLOCK`.
    pub(crate) fn pop_handler(&mut self) {
        self.handler_stack.pop();
    }

    pub(crate) fn current_depth(&self) -> u32 {
        self.depth.unwrap_or(0)
    }

    pub(crate) fn add_const(&mut self, c: Constant) -> u32 {
        let key = ConstKey::of(&c);
        if let Some(k) = &key {
            if let Some(&i) = self.const_index.get(k) {
                return i;
            }
        } else if let Some(i) = self.consts.iter().position(|x| x.same_as(&c)) {
            return i as u32;
        }
        let i = self.consts.len() as u32;
        self.consts.push(c);
        if let Some(k) = key {
            self.const_index.insert(k, i);
        }
        i
    }

    pub(crate) fn add_name(&mut self, n: &str) -> u32 {
        index_or_push(&mut self.names, &mut self.name_index, n)
    }

    pub(crate) fn add_varname(&mut self, n: &str) -> u32 {
        index_or_push(&mut self.varnames, &mut self.varname_index, n)
    }

    /// Assembles the finished unit.
    pub(crate) fn assemble(mut self, filename: &Rc<str>) -> CodeObject {
        self.remove_nops();
        self.propagate_lines();
        let labels = &self.labels;
        let instructions: Vec<Instr> = self
            .instrs
            .iter()
            .zip(&self.jump_labels)
            .map(|(i, l)| match l {
                Some(l) => i.with_target(labels[*l as usize].unwrap_or(0)),
                None => *i,
            })
            .collect();
        let mut exception_table: Vec<ExceptionTableEntry> = Vec::new();
        let mut i = 0;
        while i < self.instr_handler.len() {
            let Some(h) = self.instr_handler[i] else {
                i += 1;
                continue;
            };
            let start = i;
            while i < self.instr_handler.len() && self.instr_handler[i] == Some(h) {
                i += 1;
            }
            let handler = self.handlers[h as usize];
            exception_table.push(ExceptionTableEntry {
                start: start as u32,
                end: i as u32,
                target: labels[handler.label.0 as usize].unwrap_or(0),
                depth: handler.depth,
                push_lasti: handler.lasti,
            });
        }
        let rc = |v: Vec<String>| -> Vec<Rc<str>> { v.into_iter().map(Rc::from).collect() };
        let cell2arg = self
            .cellvars
            .iter()
            .map(|c| {
                let nargs = (self.argcount
                    + self.kwonlyargcount
                    + u32::from(self.flags & CodeFlags::VARARGS != 0)
                    + u32::from(self.flags & CodeFlags::VARKEYWORDS != 0))
                    as usize;
                self.varnames[..nargs.min(self.varnames.len())]
                    .iter()
                    .position(|v| v == c)
                    .map(|p| p as u32)
            })
            .collect();
        // CPython 3.11 no longer sets CO_NOFREE; neither do we.
        let flags = self.flags;
        CodeObject {
            name: Rc::from(self.name.as_str()),
            qualname: Rc::from(self.qualname.as_str()),
            filename: filename.clone(),
            firstlineno: self.firstlineno,
            argcount: self.argcount,
            posonlyargcount: self.posonlyargcount,
            kwonlyargcount: self.kwonlyargcount,
            flags: CodeFlags(flags),
            varnames: rc(self.varnames),
            cellvars: rc(self.cellvars),
            cell2arg,
            freevars: rc(self.freevars),
            names: rc(self.names),
            constants: self.consts,
            instructions,
            locations: self.locs,
            exception_table,
            max_stackdepth: self.max_depth,
        }
    }
}

impl Unit {
    /// Whether instruction `i` ends its basic block (a jump of any kind, or an
    /// instruction after which control never falls through).
    fn ends_block(&self, i: usize) -> bool {
        self.jump_labels[i].is_some() || self.instrs[i].is_terminator()
    }

    /// Which positions start a basic block: the first instruction, every label's
    /// position and every instruction after a jump or a terminator.
    fn block_starts(&self) -> Vec<bool> {
        let n = self.instrs.len();
        let mut starts = vec![false; n + 1];
        starts[0] = true;
        for l in self.labels.iter().flatten() {
            starts[(*l as usize).min(n)] = true;
        }
        for i in 0..n {
            if self.ends_block(i) {
                starts[i + 1] = true;
            }
        }
        starts
    }

    /// The basic blocks as index ranges, in order (`starts` from [`Unit::block_starts`]).
    fn block_ranges(starts: &[bool]) -> Vec<std::ops::Range<usize>> {
        let n = starts.len() - 1;
        let mut out = Vec::new();
        let mut i = 0;
        while i < n {
            let mut end = i + 1;
            while end < n && !starts[end] {
                end += 1;
            }
            out.push(i..end);
            i = end;
        }
        out
    }

    /// Drops `NOP`s and jumps to the next instruction, remapping labels (CPython's
    /// `clean_basic_block` / `remove_redundant_jumps`). As in CPython, a `NOP` that is
    /// the only instruction of its line stays (line tracing reports the line: `try:`,
    /// `pass`), and one followed in its block by an instruction without a line gives
    /// that instruction its line.
    fn remove_nops(&mut self) {
        let n = self.instrs.len();
        let starts = self.block_starts();
        let mut keep = vec![true; n];
        let mut prev_line = 0;
        for i in 0..n {
            if starts[i] {
                prev_line = 0;
            }
            let line = self.locs[i].line;
            match (self.instrs[i], self.jump_labels[i]) {
                (Instr::Nop, _) => {
                    let next_in_block = i + 1 < n && !starts[i + 1];
                    let drop = if line == 0 || line == prev_line {
                        true
                    } else if next_in_block {
                        let next = self.locs[i + 1].line;
                        if next == 0 {
                            self.locs[i + 1] = self.locs[i];
                        }
                        next == 0 || next == line
                    } else {
                        i + 1 < n && self.locs[i + 1].line == line
                    };
                    if drop {
                        keep[i] = false;
                        continue;
                    }
                }
                (Instr::Jump(_), Some(l)) if self.labels[l as usize] == Some(i as u32 + 1) => {
                    // A jump to the next instruction: its line goes with it unless the
                    // next instruction has none.
                    if i + 1 < n && self.locs[i + 1].line == 0 {
                        self.locs[i + 1] = self.locs[i];
                    }
                    keep[i] = false;
                    continue;
                }
                _ => {}
            }
            prev_line = line;
        }
        if keep.iter().all(|k| *k) {
            return;
        }
        let mut new_index = Vec::with_capacity(n + 1);
        let mut kept = 0u32;
        for k in &keep {
            new_index.push(kept);
            kept += u32::from(*k);
        }
        new_index.push(kept);
        for l in self.labels.iter_mut().flatten() {
            *l = new_index[(*l as usize).min(n)];
        }
        let mut it = keep.iter();
        self.instrs.retain(|_| *it.next().unwrap_or(&true));
        let mut it = keep.iter();
        self.jump_labels.retain(|_| *it.next().unwrap_or(&true));
        let mut it = keep.iter();
        self.locs.retain(|_| *it.next().unwrap_or(&true));
        let mut it = keep.iter();
        self.instr_handler.retain(|_| *it.next().unwrap_or(&true));
    }

    /// Gives the artificial instructions (emitted without a line, CPython's
    /// `UNSET_LOC`) the line CPython 3.11's assembler gives them, which is what line
    /// tracing reports (`propagate_line_numbers`, then `guarantee_lineno_for_exits`):
    /// within a basic block each takes the location of the instruction before it; a
    /// block reached from one place only (falling through or jumped to, exception edges
    /// not counted) starts with the location its predecessor ended with; a block ending
    /// in `RETURN_VALUE` still without a line takes the last line of the blocks before
    /// it. Anything else keeps line 0, which tracing skips.
    fn propagate_lines(&mut self) {
        let n = self.instrs.len();
        if n == 0 {
            return;
        }
        let starts = self.block_starts();
        let target = |u: &Unit, i: usize| -> Option<usize> {
            u.jump_labels[i]
                .and_then(|l| u.labels[l as usize])
                .map(|t| t as usize)
        };
        let mut preds = vec![0u32; n + 1];
        for i in 0..n {
            if let Some(t) = target(self, i) {
                preds[t.min(n)] += 1;
            }
            if starts[i + 1] && !self.instrs[i].is_terminator() {
                preds[i + 1] += 1;
            }
        }
        let blocks = Self::block_ranges(&starts);
        for b in &blocks {
            let end = b.end;
            let mut prev = Location::default();
            for k in b.clone() {
                if self.locs[k].line == 0 {
                    self.locs[k] = prev;
                } else {
                    prev = self.locs[k];
                }
            }
            let last = end - 1;
            if end < n && !self.instrs[last].is_terminator() && preds[end] == 1 {
                if self.locs[end].line == 0 {
                    self.locs[end] = prev;
                }
            }
            if let Some(t) = target(self, last)
                && t < n
                && preds[t] == 1
                && self.locs[t].line == 0
            {
                self.locs[t] = prev;
            }
        }
        let mut line = Location {
            line: self.firstlineno,
            end_line: self.firstlineno,
            col: 0,
            end_col: 0,
        };
        for b in &blocks {
            let last = b.end - 1;
            if self.locs[last].line == 0 {
                if self.instrs[last] == Instr::ReturnValue {
                    for k in b.clone() {
                        self.locs[k] = line;
                    }
                }
            } else {
                line = self.locs[last];
            }
        }
    }
}

fn index_or_push(v: &mut Vec<String>, index: &mut HashMap<String, u32>, n: &str) -> u32 {
    if let Some(&i) = index.get(n) {
        return i;
    }
    let i = v.len() as u32;
    v.push(n.to_string());
    index.insert(n.to_string(), i);
    i
}

/// Hashable identity of a scalar constant (CPython's `_PyCode_ConstantKey`:
/// `1`, `1.0`, `True` and `0.0`/`-0.0` stay distinct). Containers and code
/// objects have no key and are shared by a linear search instead.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub(crate) enum ConstKey {
    None,
    Bool(bool),
    Int(i64),
    BigInt(String),
    Float(u64),
    Complex(u64, u64),
    Str(Rc<str>),
    Bytes(Rc<[u8]>),
    Ellipsis,
}

impl ConstKey {
    pub(crate) fn of(c: &Constant) -> Option<ConstKey> {
        Some(match c {
            Constant::None => ConstKey::None,
            Constant::Bool(b) => ConstKey::Bool(*b),
            Constant::Int(i) => ConstKey::Int(*i),
            Constant::BigInt(b) => ConstKey::BigInt(b.to_string()),
            Constant::Float(f) => ConstKey::Float(f.to_bits()),
            Constant::Complex { real, imag } => ConstKey::Complex(real.to_bits(), imag.to_bits()),
            Constant::Str(s) => ConstKey::Str(s.clone()),
            Constant::Bytes(b) => ConstKey::Bytes(b.clone()),
            Constant::Ellipsis => ConstKey::Ellipsis,
            Constant::Tuple(_) | Constant::FrozenSet(_) | Constant::Code(_) => return None,
        })
    }
}
