//! The [`Compiler`] state shared by all code-generation modules, the
//! public [`compile`] entry point, name resolution (`compiler_nameop`) and
//! the module body.
use std::rc::Rc;

use ruff_python_ast::{Expr, Mod, Stmt};
use ruff_text_size::{Ranged, TextRange};

use crate::bytecode::Instr;
use crate::code::{CodeObject, Constant, Location};
use crate::error::{CompileError, ErrorKind};
use crate::source::SourceMap;
use crate::symtable::{SymbolScope, SymbolTable, mangle};

use super::flow::FBlock;
use super::unit::{Label, Unit, UnitKind};

/// What `compile()` parses and how the result behaves (CPython's `mode`
/// argument of `compile()`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    /// A module: a sequence of statements.
    Exec,
    /// A single expression; the code returns its value.
    Eval,
    /// An interactive statement: expression statements print their value
    /// through `sys.displayhook` ([`Instr::PrintExpr`]).
    Single,
}

pub(crate) type CResult<T = ()> = Result<T, CompileError>;

/// Deepest AST nesting compiled (statements plus expressions) before a
/// `SyntaxError` (CPython 3.11 raises `RecursionError` near 3000). The
/// recursive passes grow their stack on the heap with `stacker` as needed.
pub(crate) const MAX_NESTING: u32 = 2900;

/// Name access context.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Ctx {
    Load,
    Store,
    Del,
}

pub(crate) struct Compiler<'a> {
    pub(super) table: &'a SymbolTable,
    pub(super) map: &'a SourceMap<'a>,
    pub(super) filename: Rc<str>,
    pub(super) mode: Mode,
    pub(super) units: Vec<Unit>,
    /// Frame blocks of each unit, parallel to `units`.
    pub(super) fblocks: Vec<Vec<FBlock<'a>>>,
    pub(super) future_annotations: bool,
    pub(super) nesting: u32,
    /// Range of the statement being compiled (for unwinding errors).
    pub(super) current_range: TextRange,
    /// `optimize` level (see [`CompileOptions`]).
    pub(super) optimize: u8,
}

/// Compiles `source` to a module, expression or interactive code object.
///
/// # Errors
/// A [`CompileError`] for any syntax error, with CPython's message and
/// location.
pub fn compile(source: &str, filename: &str, mode: Mode) -> Result<Rc<CodeObject>, CompileError> {
    compile_with(source, filename, mode, CompileOptions::default())
}

/// Options of [`compile_with`], like the `optimize` argument of Python's
/// `compile()` and the `-O`/`-OO` command-line flags.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CompileOptions {
    /// 0: normal; 1 (`-O`): `assert` statements removed and `__debug__` is
    /// `False`; 2 (`-OO`): also docstrings removed.
    pub optimize: u8,
}

/// [`compile`] with explicit [`CompileOptions`].
///
/// # Errors
/// A [`CompileError`] for any syntax error.
pub fn compile_with(
    source: &str,
    filename: &str,
    mode: Mode,
    options: CompileOptions,
) -> Result<Rc<CodeObject>, CompileError> {
    // ruff's recursive-descent parser and the AST's drop glue recurse once per
    // nesting level without checking the stack; nesting is bounded by the
    // source length, so run the whole pipeline where that much stack is free.
    let needed = source
        .len()
        .saturating_mul(STACK_PER_SOURCE_BYTE)
        .clamp(256 << 10, 1 << 30);
    stacker::maybe_grow(needed, needed, || {
        compile_on_stack(source, filename, mode, options)
    })
}

/// Stack bytes reserved per source byte for the parser's recursion (a debug
/// build uses a few KiB per nesting level; every level needs a byte of source).
const STACK_PER_SOURCE_BYTE: usize = 4096;

fn compile_on_stack(
    source: &str,
    filename: &str,
    mode: Mode,
    options: CompileOptions,
) -> Result<Rc<CodeObject>, CompileError> {
    let map = SourceMap::new(source);
    let module = crate::parse::parse(source, filename, &map, mode == Mode::Eval)?;
    let table = match &module {
        Mod::Module(m) => SymbolTable::build_module(&m.body),
        Mod::Expression(e) => SymbolTable::build_expression(&e.body),
    }
    .map_err(|e| CompileError::at(ErrorKind::SyntaxError, e.message, filename, &map, e.range))?;
    let mut c = Compiler {
        table: &table,
        map: &map,
        filename: Rc::from(filename),
        mode,
        units: Vec::new(),
        fblocks: Vec::new(),
        future_annotations: false,
        nesting: 0,
        current_range: TextRange::default(),
        optimize: options.optimize,
    };
    if mode == Mode::Single {
        if let Mod::Module(m) = &module {
            check_single(&m.body, source, filename, &map)?;
        }
    }
    c.units.push(Unit::new(
        UnitKind::Module,
        0,
        "<module>".into(),
        "<module>".into(),
    ));
    c.fblocks.push(Vec::new());
    match &module {
        Mod::Module(m) => c.compile_module(&m.body)?,
        Mod::Expression(e) => {
            c.compile_expr(&e.body)?;
            c.emit(Instr::ReturnValue);
        }
    }
    let unit = c.units.pop().expect("module unit");
    Ok(Rc::new(unit.assemble(&c.filename)))
}

/// `Mode::Single` takes one statement, or one line of simple statements separated by
/// `;` (CPython's `statement_newline` rule): `a; b` compiles, `a\nb` does not.
fn check_single(
    body: &[Stmt],
    source: &str,
    filename: &str,
    map: &SourceMap<'_>,
) -> Result<(), CompileError> {
    let [first, rest @ ..] = body else {
        return Ok(());
    };
    let Some(second) = rest.first() else {
        return Ok(());
    };
    if is_compound(first) {
        // Whatever follows a compound statement is unexpected: its first token.
        let start = second.range().start();
        let tail = &source[usize::from(start)..];
        let word = tail
            .find(|c: char| !(c.is_alphanumeric() || c == '_'))
            .unwrap_or(tail.len());
        let len = if word > 0 {
            word
        } else {
            tail.chars().next().map_or(0, char::len_utf8)
        };
        let range = TextRange::at(
            start,
            ruff_text_size::TextSize::try_from(len).unwrap_or_default(),
        );
        return Err(CompileError::at(
            ErrorKind::SyntaxError,
            "invalid syntax",
            filename,
            map,
            range,
        ));
    }
    let mut last = first;
    for next in rest {
        let gap = &source[usize::from(last.range().end())..usize::from(next.range().start())];
        if is_compound(next) || !is_semicolon_gap(gap) {
            return Err(CompileError::at(
                ErrorKind::SyntaxError,
                "multiple statements found while compiling a single statement",
                filename,
                map,
                TextRange::empty(last.range().end()),
            ));
        }
        last = next;
    }
    Ok(())
}

/// Whether a statement is a compound one (it ends its logical line).
fn is_compound(s: &Stmt) -> bool {
    matches!(
        s,
        Stmt::FunctionDef(_)
            | Stmt::ClassDef(_)
            | Stmt::If(_)
            | Stmt::While(_)
            | Stmt::For(_)
            | Stmt::With(_)
            | Stmt::Try(_)
            | Stmt::Match(_)
    )
}

/// Whether the text between two statements is one `;`, with blanks and backslash
/// continuations only: the statements are on one logical line.
fn is_semicolon_gap(gap: &str) -> bool {
    let mut semicolons = 0;
    let mut chars = gap.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            ';' => semicolons += 1,
            ' ' | '\t' | '\x0c' => {}
            '\\' => {
                chars.next_if_eq(&'\r');
                if chars.next() != Some('\n') {
                    return false;
                }
            }
            _ => return false,
        }
    }
    semicolons == 1
}

impl<'a> Compiler<'a> {
    pub(super) fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("unit")
    }

    pub(super) fn unit_ref(&self) -> &Unit {
        self.units.last().expect("unit")
    }

    pub(super) fn emit(&mut self, i: Instr) {
        self.unit().emit(i);
    }

    pub(super) fn emit_jump(&mut self, i: Instr, l: Label) {
        self.unit().emit_jump(i, l);
    }

    pub(super) fn new_label(&mut self) -> Label {
        self.unit().new_label()
    }

    pub(super) fn bind(&mut self, l: Label) {
        self.unit().bind(l);
    }

    pub(super) fn load_const(&mut self, c: Constant) {
        if !self.unit_ref().reachable() {
            // Dead code: keep `co_consts` free of unused constants, as
            // CPython's `remove_unused_consts` does -- except code objects
            // under a constant-false condition, which CPython 3.11 keeps.
            if self.unit_ref().dead_by_constant && matches!(c, Constant::Code(_)) {
                self.unit().add_const(c);
            }
            return;
        }
        let i = self.unit().add_const(c);
        self.emit(Instr::LoadConst(i));
    }

    pub(super) fn error(&self, message: impl Into<String>, range: TextRange) -> CompileError {
        CompileError::at(
            ErrorKind::SyntaxError,
            message,
            &self.filename,
            self.map,
            range,
        )
    }

    /// Sets the location of subsequently emitted instructions; returns the
    /// previous one for restoring.
    pub(super) fn set_loc(&mut self, range: TextRange) -> Location {
        let (line, col) = self.map.line_col(range.start().into());
        let (end_line, end_col) = self.map.line_col(range.end().into());
        let loc = Location {
            line,
            end_line,
            col,
            end_col,
        };
        std::mem::replace(&mut self.unit().loc, loc)
    }

    /// Emits what follows without a location (CPython's `UNSET_LOC`): the assembler
    /// gives such artificial instructions the line CPython's does (see
    /// `Unit::propagate_lines`). Returns the previous location for restoring.
    pub(super) fn unset_loc(&mut self) -> Location {
        std::mem::take(&mut self.unit().loc)
    }

    /// Emits jump `i` to `l` without a location (CPython's `ADDOP_JUMP_NOLINE`).
    pub(super) fn emit_jump_noline(&mut self, i: Instr, l: Label) {
        let saved = self.unset_loc();
        self.emit_jump(i, l);
        self.restore_loc(saved);
    }

    pub(super) fn restore_loc(&mut self, loc: Location) {
        self.unit().loc = loc;
    }

    pub(super) fn line_of(&self, range: TextRange) -> u32 {
        self.map.line_col(range.start().into()).0
    }

    pub(super) fn source_text(&self, range: TextRange) -> &'a str {
        let s: &'a str = self.map.source();
        s.get(usize::from(range.start())..usize::from(range.end()))
            .unwrap_or("")
    }

    pub(super) fn mangle(&self, name: &str) -> String {
        mangle(self.unit_ref().private.as_deref(), name)
    }

    /// CPython's `compiler_nameop`.
    pub(super) fn name_op(&mut self, name: &str, ctx: Ctx, range: TextRange) -> CResult {
        if ctx != Ctx::Load && name == "__debug__" {
            let msg = if ctx == Ctx::Del {
                "cannot delete __debug__"
            } else {
                "cannot assign to __debug__"
            };
            return Err(self.error(msg, range));
        }
        if ctx == Ctx::Load && name == "__debug__" {
            // CPython compiles `__debug__` to the constant `True` (no -O).
            self.load_const(Constant::Bool(self.optimize == 0));
            return Ok(());
        }
        let mangled = self.mangle(name);
        let unit = self.unit_ref();
        let scope = &self.table.scopes[unit.scope];
        let sym_scope = scope.lookup(&mangled).map(|s| s.scope);
        let function_like = unit.is_function_like();
        let is_class = unit.kind == UnitKind::Class;
        enum Op {
            Fast,
            Deref(u32),
            Global,
            Name,
        }
        let deref_index = |u: &Unit| -> Option<u32> {
            if let Some(i) = u.cellvars.iter().position(|c| *c == mangled) {
                return Some(i as u32);
            }
            u.freevars
                .iter()
                .position(|c| *c == mangled)
                .map(|i| (u.cellvars.len() + i) as u32)
        };
        let op = match sym_scope {
            Some(SymbolScope::Free | SymbolScope::Cell) => match deref_index(unit) {
                Some(i) => Op::Deref(i),
                None => Op::Name,
            },
            Some(SymbolScope::Local) => {
                if function_like {
                    Op::Fast
                } else {
                    Op::Name
                }
            }
            Some(SymbolScope::GlobalImplicit) => {
                if function_like {
                    Op::Global
                } else {
                    Op::Name
                }
            }
            Some(SymbolScope::GlobalExplicit) => Op::Global,
            None => Op::Name,
        };
        let instr = match op {
            Op::Fast => {
                let i = self.unit().add_varname(&mangled);
                match ctx {
                    Ctx::Load => Instr::LoadFast(i),
                    Ctx::Store => Instr::StoreFast(i),
                    Ctx::Del => Instr::DeleteFast(i),
                }
            }
            Op::Deref(i) => match ctx {
                Ctx::Load if is_class => Instr::LoadClassDeref(i),
                Ctx::Load => Instr::LoadDeref(i),
                Ctx::Store => Instr::StoreDeref(i),
                Ctx::Del => Instr::DeleteDeref(i),
            },
            Op::Global => {
                let i = self.unit().add_name(&mangled);
                match ctx {
                    Ctx::Load => Instr::LoadGlobal(i),
                    Ctx::Store => Instr::StoreGlobal(i),
                    Ctx::Del => Instr::DeleteGlobal(i),
                }
            }
            Op::Name => {
                let i = self.unit().add_name(&mangled);
                match ctx {
                    Ctx::Load => Instr::LoadName(i),
                    Ctx::Store => Instr::StoreName(i),
                    Ctx::Del => Instr::DeleteName(i),
                }
            }
        };
        self.emit(instr);
        Ok(())
    }

    /// CPython's `forbidden_name`: `__debug__` cannot be bound.
    pub(super) fn check_forbidden(&self, name: &str, range: TextRange) -> CResult {
        if name == "__debug__" {
            Err(self.error("cannot assign to __debug__", range))
        } else {
            Ok(())
        }
    }

    pub(super) fn compile_module(&mut self, body: &'a [Stmt]) -> CResult {
        let mut rest = body;
        self.future_annotations = has_future_annotations(body);
        if let Some(doc) = self.doc_of(body) {
            if self.mode != Mode::Single {
                let saved = self.set_loc(body[0].range());
                self.load_const(Constant::Str(Rc::from(doc)));
                let i = self.unit().add_name("__doc__");
                self.emit(Instr::StoreName(i));
                self.restore_loc(saved);
                rest = &body[1..];
            }
        }
        if find_annotations(body) {
            self.emit(Instr::SetupAnnotations);
        }
        for s in rest {
            self.compile_stmt(s)?;
        }
        // Artificial, as in CPython: the assembler gives it its predecessor's line.
        self.unit().loc = Location::default();
        self.load_const(Constant::None);
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    pub(super) fn compile_body(&mut self, body: &'a [Stmt]) -> CResult {
        for s in body {
            self.compile_stmt(s)?;
        }
        Ok(())
    }
}

impl Compiler<'_> {
    /// The docstring of a body, unless docstrings are optimised away.
    pub(super) fn doc_of<'b>(&self, body: &'b [Stmt]) -> Option<&'b str> {
        if self.optimize >= 2 {
            None
        } else {
            docstring(body)
        }
    }
}

/// The docstring of a body, if its first statement is a string literal.
pub(crate) fn docstring(body: &[Stmt]) -> Option<&str> {
    if let Some(Stmt::Expr(e)) = body.first() {
        if let Expr::StringLiteral(s) = &*e.value {
            return Some(s.value.to_str());
        }
    }
    None
}

fn has_future_annotations(body: &[Stmt]) -> bool {
    let mut iter = body.iter();
    if docstring(body).is_some() {
        iter.next();
    }
    for s in iter {
        match s {
            Stmt::ImportFrom(i) if i.module.as_ref().is_some_and(|m| &*m.id == "__future__") => {
                if i.names.iter().any(|a| &*a.name.id == "annotations") {
                    return true;
                }
            }
            _ => return false,
        }
    }
    false
}

/// CPython's `find_ann`: does this body (not nested scopes) contain an
/// annotated assignment?
pub(crate) fn find_annotations(body: &[Stmt]) -> bool {
    body.iter().any(|s| match s {
        Stmt::AnnAssign(_) => true,
        Stmt::For(f) => find_annotations(&f.body) || find_annotations(&f.orelse),
        Stmt::While(w) => find_annotations(&w.body) || find_annotations(&w.orelse),
        Stmt::If(i) => {
            find_annotations(&i.body)
                || i.elif_else_clauses
                    .iter()
                    .any(|c| find_annotations(&c.body))
        }
        Stmt::With(w) => find_annotations(&w.body),
        Stmt::Try(t) => {
            find_annotations(&t.body)
                || find_annotations(&t.orelse)
                || find_annotations(&t.finalbody)
                || t.handlers.iter().any(|h| {
                    let ruff_python_ast::ExceptHandler::ExceptHandler(h) = h;
                    find_annotations(&h.body)
                })
        }
        Stmt::Match(m) => m.cases.iter().any(|c| find_annotations(&c.body)),
        _ => false,
    })
}
