//! Nested code objects: functions, lambdas, classes and comprehensions
//! (`compiler_function`, `compiler_lambda`, `compiler_class`,
//! `compiler_comprehension`, `compiler_make_closure`,
//! `compiler_set_qualname` and the prologue of `insert_prefix_instructions`).

use std::rc::Rc;

use ruff_python_ast::{
    Comprehension, Decorator, Expr, ExprLambda, Parameters, Stmt, StmtClassDef, StmtFunctionDef,
};
use ruff_text_size::{Ranged, TextRange};

use super::compiler::{CResult, Compiler, Ctx, find_annotations};
use super::unit::{Unit, UnitKind};
use crate::bytecode::{
    Instr, MAKE_FUNCTION_ANNOTATIONS, MAKE_FUNCTION_CLOSURE, MAKE_FUNCTION_DEFAULTS,
    MAKE_FUNCTION_KWDEFAULTS,
};
use crate::code::{CodeFlags, Constant};
use crate::symtable::{DEF_FREE_CLASS, ScopeType, SymbolScope};

impl<'a> Compiler<'a> {
    /// Pushes a new unit for the scope introduced by `node`.
    fn enter_unit<T>(&mut self, node: &T, kind: UnitKind, name: &str, firstlineno: u32) {
        let scope_id = self.table.scope_of(node);
        let scope = &self.table.scopes[scope_id];
        let qualname = self.qualname_for(name);
        let mut unit = Unit::new(kind, scope_id, name.to_string(), qualname);
        unit.firstlineno = firstlineno;
        unit.private = if kind == UnitKind::Class {
            Some(name.to_string())
        } else {
            self.unit_ref().private.clone()
        };
        let mut cellvars = scope.names_sorted(SymbolScope::Cell, 0);
        // As CPython 3.11's `co_cellvars` (localsplus order): cells that are
        // parameters first, in parameter order, then the others sorted.
        cellvars.sort_by_key(|c| {
            scope
                .params
                .iter()
                .position(|p| p == c)
                .unwrap_or(usize::MAX)
        });
        if kind == UnitKind::Class && scope.needs_class_closure {
            cellvars.insert(0, "__class__".to_string());
        }
        unit.cellvars = cellvars;
        unit.freevars = scope.names_sorted(SymbolScope::Free, DEF_FREE_CLASS);
        let mut flags = 0;
        if kind != UnitKind::Class {
            flags |= CodeFlags::OPTIMIZED | CodeFlags::NEWLOCALS;
            if scope.nested {
                flags |= CodeFlags::NESTED;
            }
            match (scope.is_generator, scope.is_coroutine) {
                (true, true) => flags |= CodeFlags::ASYNC_GENERATOR,
                (true, false) => flags |= CodeFlags::GENERATOR,
                (false, true) => flags |= CodeFlags::COROUTINE,
                _ => {}
            }
            for p in &scope.params {
                unit.add_varname(p);
            }
        }
        unit.flags = flags;
        unit.loc = self.unit_ref().loc;
        self.units.push(unit);
        self.fblocks.push(Vec::new());
        // Prologue: MAKE_CELL, COPY_FREE_VARS, RETURN_GENERATOR.
        let ncells = self.unit_ref().cellvars.len() as u32;
        for i in 0..ncells {
            self.emit(Instr::MakeCell(i));
        }
        let nfree = self.unit_ref().freevars.len() as u32;
        if nfree > 0 {
            self.emit(Instr::CopyFreeVars(nfree));
        }
        if CodeFlags(flags).is_generator_like() {
            self.emit(Instr::ReturnGenerator);
            self.emit(Instr::PopTop);
        }
    }

    fn leave_unit(&mut self) -> Rc<crate::code::CodeObject> {
        self.fblocks.pop();
        let unit = self.units.pop().expect("unit");
        Rc::new(unit.assemble(&self.filename))
    }

    /// CPython's `compiler_set_qualname`.
    fn qualname_for(&self, name: &str) -> String {
        if self.units.len() <= 1 {
            return name.to_string();
        }
        let parent = self.unit_ref();
        let parent_scope = &self.table.scopes[parent.scope];
        let mangled = crate::symtable::mangle(parent.private.as_deref(), name);
        if parent_scope
            .lookup(&mangled)
            .is_some_and(|s| s.scope == SymbolScope::GlobalExplicit)
        {
            return name.to_string();
        }
        match parent.kind {
            UnitKind::Function | UnitKind::Lambda => {
                format!("{}.<locals>.{}", parent.qualname, name)
            }
            UnitKind::Class | UnitKind::Comprehension => format!("{}.{}", parent.qualname, name),
            UnitKind::Module => name.to_string(),
        }
    }

    /// Pushes the closure tuple for `code` (if any) and the code, then
    /// `MAKE_FUNCTION flags`.
    fn make_closure(&mut self, code: Rc<crate::code::CodeObject>, mut flags: u8) {
        if !code.freevars.is_empty() {
            for name in code.freevars.iter() {
                let unit = self.unit_ref();
                let idx = unit
                    .cellvars
                    .iter()
                    .position(|c| **c == **name)
                    .or_else(|| {
                        unit.freevars
                            .iter()
                            .position(|c| **c == **name)
                            .map(|i| i + unit.cellvars.len())
                    })
                    .unwrap_or(0) as u32;
                self.emit(Instr::LoadClosure(idx));
            }
            self.emit(Instr::BuildTuple(code.freevars.len() as u32));
            flags |= MAKE_FUNCTION_CLOSURE;
        }
        self.load_const(Constant::Code(code));
        self.emit(Instr::MakeFunction(flags));
    }

    /// A decorated definition's own location starts at `def`/`class`
    /// (CPython's `FunctionDef.lineno`), after the decorators.
    fn definition_range(&self, range: TextRange, decorators: &[Decorator]) -> TextRange {
        let Some(last) = decorators.last() else {
            return range;
        };
        let source = self.map.source();
        let mut pos = usize::from(last.range.end());
        loop {
            let rest = &source[pos..];
            let trimmed = rest.trim_start();
            pos += rest.len() - trimmed.len();
            if trimmed.starts_with('#') {
                pos += trimmed.find('\n').unwrap_or(trimmed.len());
            } else {
                break;
            }
        }
        match ruff_text_size::TextSize::try_from(pos) {
            Ok(start) if start < range.end() => TextRange::new(start, range.end()),
            _ => range,
        }
    }

    fn compile_decorators(&mut self, decorators: &'a [Decorator]) -> CResult {
        for d in decorators {
            self.compile_expr(&d.expression)?;
        }
        Ok(())
    }

    fn apply_decorators(&mut self, decorators: &'a [Decorator]) {
        for d in decorators.iter().rev() {
            let saved = self.set_loc(d.expression.range());
            self.emit(Instr::Call(0));
            self.restore_loc(saved);
        }
    }

    /// Positional defaults tuple and keyword-only defaults dict.
    fn compile_defaults(&mut self, params: &'a Parameters) -> CResult<u8> {
        let mut flags = 0;
        let defaults: Vec<&Expr> = params
            .posonlyargs
            .iter()
            .chain(&params.args)
            .filter_map(|p| p.default.as_deref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.compile_expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= MAKE_FUNCTION_DEFAULTS;
        }
        let mut nkw = 0;
        for p in &params.kwonlyargs {
            if let Some(d) = &p.default {
                let name = self.mangle(&p.parameter.name.id);
                self.load_const(Constant::Str(Rc::from(name.as_str())));
                self.compile_expr(d)?;
                nkw += 1;
            }
        }
        if nkw > 0 {
            self.emit(Instr::BuildMap(nkw));
            flags |= MAKE_FUNCTION_KWDEFAULTS;
        }
        Ok(flags)
    }

    fn compile_annotations(
        &mut self,
        params: &'a Parameters,
        returns: Option<&'a Expr>,
    ) -> CResult<u8> {
        let mut n = 0;
        for p in params.iter() {
            if let Some(a) = p.annotation() {
                let name = self.mangle(&p.name().id);
                self.load_const(Constant::Str(Rc::from(name.as_str())));
                match a {
                    // `*args: *Ts` (PEP 646): the annotation is `*Ts` unpacked once.
                    Expr::Starred(s) if !self.future_annotations => {
                        self.compile_expr(&s.value)?;
                        self.emit(Instr::UnpackSequence(1));
                    }
                    _ => self.compile_annotation(a)?,
                }
                n += 1;
            }
        }
        if let Some(r) = returns {
            self.load_const(Constant::Str(Rc::from("return")));
            self.compile_annotation(r)?;
            n += 1;
        }
        if n > 0 {
            self.emit(Instr::BuildTuple(n * 2));
            Ok(MAKE_FUNCTION_ANNOTATIONS)
        } else {
            Ok(0)
        }
    }

    /// Parameters may not be named `__debug__`.
    fn check_params(&self, params: &Parameters) -> CResult {
        for p in params.iter() {
            self.check_forbidden(&p.name().id, p.name().range)?;
        }
        Ok(())
    }

    fn set_arg_counts(&mut self, params: &Parameters) {
        let u = self.unit();
        u.posonlyargcount = params.posonlyargs.len() as u32;
        u.argcount = (params.posonlyargs.len() + params.args.len()) as u32;
        u.kwonlyargcount = params.kwonlyargs.len() as u32;
        if params.vararg.is_some() {
            u.flags |= CodeFlags::VARARGS;
        }
        if params.kwarg.is_some() {
            u.flags |= CodeFlags::VARKEYWORDS;
        }
    }

    pub(super) fn compile_function_def(
        &mut self,
        node: &'a Stmt,
        f: &'a StmtFunctionDef,
    ) -> CResult {
        self.check_params(&f.parameters)?;
        self.compile_decorators(&f.decorator_list)?;
        self.set_loc(self.definition_range(f.range, &f.decorator_list));
        let firstlineno = match f.decorator_list.first() {
            Some(d) => self.line_of(d.range),
            None => self.line_of(f.name.range),
        };
        let mut flags = self.compile_defaults(&f.parameters)?;
        flags |= self.compile_annotations(&f.parameters, f.returns.as_deref())?;
        self.enter_unit(node, UnitKind::Function, &f.name.id, firstlineno);
        self.set_arg_counts(&f.parameters);
        let doc = self.doc_of(&f.body);
        self.unit()
            .add_const(doc.map_or(Constant::None, |d| Constant::Str(Rc::from(d))));
        let body = if doc.is_some() {
            &f.body[1..]
        } else {
            &f.body[..]
        };
        let r = self.compile_body(body);
        if let Err(e) = r {
            self.leave_unit();
            return Err(e);
        }
        self.implicit_return();
        let code = self.leave_unit();
        self.make_closure(code, flags);
        self.apply_decorators(&f.decorator_list);
        self.name_op(&f.name.id, Ctx::Store, f.name.range)
    }

    /// `return None` at the end of a body, artificial: the assembler gives it the line
    /// CPython's does (its predecessor's, or the last line before it).
    fn implicit_return(&mut self) {
        if self.unit_ref().reachable() {
            self.unset_loc();
            self.load_const(Constant::None);
            self.emit(Instr::ReturnValue);
        }
    }

    pub(super) fn compile_lambda(&mut self, node: &'a Expr, l: &'a ExprLambda) -> CResult {
        let mut flags = 0;
        if let Some(p) = &l.parameters {
            self.check_params(p)?;
            flags = self.compile_defaults(p)?;
        }
        let line = self.line_of(l.range);
        self.enter_unit(node, UnitKind::Lambda, "<lambda>", line);
        if let Some(p) = &l.parameters {
            self.set_arg_counts(p);
        }
        self.unit().add_const(Constant::None);
        let r = self.compile_expr(&l.body);
        if let Err(e) = r {
            self.leave_unit();
            return Err(e);
        }
        if self.table.scopes[self.unit_ref().scope].is_generator {
            self.emit(Instr::PopTop);
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        let code = self.leave_unit();
        self.make_closure(code, flags);
        Ok(())
    }

    pub(super) fn compile_class_def(&mut self, node: &'a Stmt, c: &'a StmtClassDef) -> CResult {
        self.compile_decorators(&c.decorator_list)?;
        self.set_loc(self.definition_range(c.range, &c.decorator_list));
        let firstlineno = match c.decorator_list.first() {
            Some(d) => self.line_of(d.range),
            None => self.line_of(c.name.range),
        };
        self.emit(Instr::PushNull);
        self.emit(Instr::LoadBuildClass);
        self.enter_unit(node, UnitKind::Class, &c.name.id, firstlineno);
        let r = self.compile_class_body(c);
        if let Err(e) = r {
            self.leave_unit();
            return Err(e);
        }
        let code = self.leave_unit();
        self.make_closure(code, 0);
        self.load_const(Constant::Str(Rc::from(&*c.name.id)));
        match &c.arguments {
            Some(args) => {
                let range = self.definition_range(c.range, &c.decorator_list);
                self.call_helper_args(2, args, range)?;
            }
            None => self.emit(Instr::Call(2)),
        }
        self.apply_decorators(&c.decorator_list);
        self.name_op(&c.name.id, Ctx::Store, c.name.range)
    }

    fn compile_class_body(&mut self, c: &'a StmtClassDef) -> CResult {
        let name_idx = self.unit().add_name("__name__");
        self.emit(Instr::LoadName(name_idx));
        let module_idx = self.unit().add_name("__module__");
        self.emit(Instr::StoreName(module_idx));
        let qualname = self.unit_ref().qualname.clone();
        self.load_const(Constant::Str(Rc::from(qualname.as_str())));
        let q_idx = self.unit().add_name("__qualname__");
        self.emit(Instr::StoreName(q_idx));
        let mut body: &[Stmt] = &c.body;
        if let Some(doc) = self.doc_of(body) {
            self.load_const(Constant::Str(Rc::from(doc)));
            let idx = self.unit().add_name("__doc__");
            self.emit(Instr::StoreName(idx));
            body = &c.body[1..];
        }
        if find_annotations(&c.body) {
            self.emit(Instr::SetupAnnotations);
        }
        self.compile_body(body)?;
        // Artificial, as in CPython.
        self.unset_loc();
        let needs_cell = self.table.scopes[self.unit_ref().scope].needs_class_closure;
        if needs_cell {
            self.emit(Instr::LoadClosure(0));
            self.emit(Instr::Copy(1));
            let idx = self.unit().add_name("__classcell__");
            self.emit(Instr::StoreName(idx));
        } else {
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    /// List/set/dict comprehensions and generator expressions: a nested
    /// function taking the outermost iterator as `.0`.
    pub(super) fn compile_comprehension(&mut self, e: &'a Expr) -> CResult {
        let (name, generators, kind): (&str, &'a [Comprehension], CompKind<'a>) = match e {
            Expr::ListComp(c) => ("<listcomp>", &c.generators, CompKind::List(&c.elt)),
            Expr::SetComp(c) => ("<setcomp>", &c.generators, CompKind::Set(&c.elt)),
            Expr::DictComp(c) => (
                "<dictcomp>",
                &c.generators,
                CompKind::Dict(c.key.as_deref(), &c.value),
            ),
            Expr::Generator(c) => ("<genexpr>", &c.generators, CompKind::Gen(&c.elt)),
            _ => unreachable!("not a comprehension"),
        };
        let comp_scope = &self.table.scopes[self.table.scope_of(e)];
        let is_async = comp_scope.is_coroutine;
        let is_gen = matches!(kind, CompKind::Gen(_));
        if is_async && !is_gen && self.unit_ref().kind != UnitKind::Comprehension {
            self.check_async(
                "asynchronous comprehension outside of an asynchronous function",
                e.range(),
            )?;
        }
        if let CompKind::Dict(None, _) = kind {
            return Err(self.error(
                "dict unpacking cannot be used in dict comprehension",
                e.range(),
            ));
        }
        let range = self.comprehension_range(e);
        let start = range.start();
        self.set_loc(range);
        let line = self.map.line_col(start.into()).0;
        self.enter_unit(e, UnitKind::Comprehension, name, line);
        self.unit().argcount = 1;
        let r = self.comprehension_body(generators, kind);
        if let Err(err) = r {
            self.leave_unit();
            return Err(err);
        }
        let code = self.leave_unit();
        self.make_closure(code, 0);
        self.compile_iterable(&generators[0].iter)?;
        self.emit(if generators[0].is_async {
            Instr::GetAIter
        } else {
            Instr::GetIter
        });
        self.emit(Instr::Call(0));
        if is_async && !is_gen {
            self.emit(Instr::GetAwaitable(0));
            self.load_const(Constant::None);
            self.yield_from_loop();
        }
        Ok(())
    }

    fn comprehension_body(
        &mut self,
        generators: &'a [Comprehension],
        kind: CompKind<'a>,
    ) -> CResult {
        match kind {
            CompKind::List(_) => self.emit(Instr::BuildList(0)),
            CompKind::Set(_) => self.emit(Instr::BuildSet(0)),
            CompKind::Dict(..) => self.emit(Instr::BuildMap(0)),
            CompKind::Gen(_) => {}
        }
        self.comprehension_generator(generators, 0, kind)?;
        if let CompKind::Gen(_) = kind {
            self.load_const(Constant::None);
        }
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &'a [Comprehension],
        index: usize,
        kind: CompKind<'a>,
    ) -> CResult {
        let g = &generators[index];
        let start = self.new_label();
        let anchor = self.new_label();
        if index == 0 {
            let idx = self.unit().add_varname(".0");
            self.emit(Instr::LoadFast(idx));
        } else {
            self.compile_iterable(&g.iter)?;
            self.emit(if g.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            });
        }
        self.bind(start);
        if g.is_async {
            // `anchor` is the StopAsyncIteration handler around `__anext__`.
            let depth = self.unit_ref().current_depth();
            self.unit().push_handler(anchor, depth, false);
            self.emit(Instr::GetANext);
            self.load_const(Constant::None);
            self.yield_from_loop();
            self.unit().pop_handler();
        } else {
            self.emit_jump(Instr::ForIter(0), anchor);
        }
        self.compile_store(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, start, false)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, kind)?;
        } else {
            let depth = generators.len() as u32 + 1;
            match kind {
                CompKind::List(elt) => {
                    self.compile_expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                CompKind::Set(elt) => {
                    self.compile_expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                CompKind::Dict(key, value) => {
                    if let Some(k) = key {
                        self.compile_expr(k)?;
                    }
                    self.compile_expr(value)?;
                    self.emit(Instr::MapAdd(depth));
                }
                CompKind::Gen(elt) => {
                    self.compile_expr(elt)?;
                    if self.unit_ref().flags & CodeFlags::ASYNC_GENERATOR != 0 {
                        self.emit(Instr::AsyncGenWrap);
                    }
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::PopTop);
                }
            }
        }
        self.emit_jump(Instr::Jump(0), start);
        self.bind(anchor);
        if g.is_async {
            self.emit(Instr::EndAsyncFor);
        }
        Ok(())
    }
}

#[derive(Clone, Copy)]
enum CompKind<'a> {
    List(&'a Expr),
    Set(&'a Expr),
    Dict(Option<&'a Expr>, &'a Expr),
    Gen(&'a Expr),
}

#[allow(dead_code)]
fn is_function_scope(t: ScopeType) -> bool {
    t == ScopeType::Function
}

impl Compiler<'_> {
    /// The range CPython gives a comprehension: for `f(x for x in y)` the
    /// generator expression includes the call's parentheses.
    fn comprehension_range(&self, e: &Expr) -> TextRange {
        let range = e.range();
        let Expr::Generator(g) = e else {
            return range;
        };
        if g.parenthesized {
            return range;
        }
        let source = self.map.source();
        let before = source[..usize::from(range.start())].trim_end();
        let after_start = usize::from(range.end());
        let after = &source[after_start..];
        let skipped = after.len() - after.trim_start().len();
        if before.ends_with('(') && after.trim_start().starts_with(')') {
            let (Ok(s), Ok(e)) = (
                ruff_text_size::TextSize::try_from(before.len() - 1),
                ruff_text_size::TextSize::try_from(after_start + skipped + 1),
            ) else {
                return range;
            };
            TextRange::new(s, e)
        } else {
            range
        }
    }
}
