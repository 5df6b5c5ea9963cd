//! First pass: walk the AST, create one [`Scope`] per function, class,
//! lambda and comprehension, and record how each name is used.

use std::collections::{HashMap, HashSet};

use ruff_python_ast::visitor::{self, Visitor};
use ruff_python_ast::{Comprehension, ExceptHandler, Expr, ExprContext, Parameters, Pattern, Stmt};
use ruff_text_size::{Ranged, TextRange};

use super::analyze::Analyzer;
use super::table::*;

/// Deepest AST nesting analysed (as the code generator's limit).
const MAX_NESTING: u32 = crate::compile::MAX_NESTING;
const NESTING_MESSAGE: &str =
    "too many nested expressions or statements (compiler recursion limit)";

pub(super) struct Builder {
    table: SymbolTable,
    stack: Vec<ScopeId>,
    error: Option<SymtableError>,
    /// Comprehension iteration targets currently being visited.
    in_comp_iter_target: bool,
    /// Current AST nesting, bounded like the code generator's.
    nesting: u32,
}

impl Builder {
    pub(super) fn new() -> Self {
        let module = Scope::new(ScopeType::Module, "top".into(), false, None);
        Builder {
            table: SymbolTable {
                scopes: vec![module],
                by_node: HashMap::new(),
            },
            stack: vec![0],
            error: None,
            in_comp_iter_target: false,
            nesting: 0,
        }
    }

    pub(super) fn finish(mut self) -> Result<SymbolTable, SymtableError> {
        if let Some(e) = self.error.take() {
            return Err(e);
        }
        let mut analyzer = Analyzer {
            table: &mut self.table,
            error: None,
        };
        analyzer.analyze_block(0, None, &mut HashSet::new(), &HashSet::new());
        if let Some(e) = analyzer.error {
            return Err(e);
        }
        Ok(self.table)
    }

    fn cur(&self) -> ScopeId {
        *self.stack.last().unwrap()
    }

    fn cur_scope(&mut self) -> &mut Scope {
        let id = self.cur();
        &mut self.table.scopes[id]
    }

    fn fail(&mut self, message: impl Into<String>, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(SymtableError {
                message: message.into(),
                range,
            });
        }
    }

    fn enter(&mut self, kind: ScopeType, name: &str, key: usize) -> ScopeId {
        let parent = &self.table.scopes[self.cur()];
        let nested = parent.nested || parent.kind == ScopeType::Function;
        let private = if parent.kind == ScopeType::Class {
            Some(parent.name.clone())
        } else {
            parent.private.clone()
        };
        let id = self.table.scopes.len();
        self.table
            .scopes
            .push(Scope::new(kind, name.to_string(), nested, private));
        let cur = self.cur();
        self.table.scopes[cur].children.push(id);
        self.table.by_node.insert(key, id);
        self.stack.push(id);
        id
    }

    fn leave(&mut self) {
        self.stack.pop();
    }

    fn add_def(&mut self, name: &str, flag: u16, range: TextRange) {
        let id = self.cur();
        self.add_def_in(id, name, flag, range);
    }

    fn add_def_in(&mut self, id: ScopeId, name: &str, flag: u16, range: TextRange) {
        let scope = &mut self.table.scopes[id];
        let mangled = mangle(scope.private.as_deref(), name);
        if let Some(sym) = scope.symbols.get_mut(&mangled) {
            if flag & DEF_PARAM != 0 && sym.flags & DEF_PARAM != 0 {
                let msg = format!("duplicate argument '{name}' in function definition");
                self.fail(msg, range);
                return;
            }
            sym.flags |= flag;
        } else {
            scope.order.push(mangled.clone());
            scope.symbols.insert(
                mangled.clone(),
                Symbol {
                    flags: flag,
                    scope: SymbolScope::GlobalImplicit,
                },
            );
        }
        if flag & DEF_PARAM != 0 {
            scope.params.push(mangled);
        }
    }

    fn visit_params(&mut self, params: &Parameters) {
        for p in params.posonlyargs.iter().chain(&params.args) {
            self.add_def(&p.parameter.name.id, DEF_PARAM, p.parameter.name.range);
        }
        for p in &params.kwonlyargs {
            self.add_def(&p.parameter.name.id, DEF_PARAM, p.parameter.name.range);
        }
        // CPython orders varargs after the keyword-only parameters.
        if let Some(v) = &params.vararg {
            self.add_def(&v.name.id, DEF_PARAM, v.name.range);
        }
        if let Some(k) = &params.kwarg {
            self.add_def(&k.name.id, DEF_PARAM, k.name.range);
        }
    }

    /// Defaults and annotations of parameters are evaluated in the enclosing scope.
    fn visit_param_outer(&mut self, params: &Parameters, annotations: bool) {
        for p in params.iter_non_variadic_params() {
            if let Some(d) = &p.default {
                self.visit_expr(d);
            }
        }
        if annotations {
            for p in params.iter() {
                if let Some(a) = p.annotation() {
                    self.visit_expr(a);
                }
            }
        }
    }

    fn visit_comprehension_scope(
        &mut self,
        expr: &Expr,
        generators: &[Comprehension],
        elts: &[&Expr],
        is_generator: bool,
    ) {
        let Some(first) = generators.first() else {
            return;
        };
        // The outermost iterator is evaluated in the enclosing scope.
        self.visit_expr(&first.iter);
        let name = match expr {
            Expr::ListComp(_) => "<listcomp>",
            Expr::SetComp(_) => "<setcomp>",
            Expr::DictComp(_) => "<dictcomp>",
            _ => "<genexpr>",
        };
        let id = self.enter(ScopeType::Function, name, node_key(expr));
        {
            let s = &mut self.table.scopes[id];
            s.is_comprehension = true;
            s.is_generator = is_generator;
        }
        self.add_def(".0", DEF_PARAM, expr.range());
        for (i, g) in generators.iter().enumerate() {
            if i > 0 {
                self.visit_expr(&g.iter);
            }
            self.in_comp_iter_target = true;
            self.visit_expr(&g.target);
            self.in_comp_iter_target = false;
            for cond in &g.ifs {
                self.visit_expr(cond);
            }
            if g.is_async {
                self.cur_scope().is_coroutine = true;
            }
        }
        for e in elts {
            self.visit_expr(e);
        }
        let is_async = self.table.scopes[id].is_coroutine && !is_generator;
        self.leave();
        // Awaiting an async comprehension makes an enclosing comprehension
        // asynchronous too.
        let parent = self.cur();
        if is_async && self.table.scopes[parent].is_comprehension {
            self.table.scopes[parent].is_coroutine = true;
        }
    }

    /// Walrus inside a comprehension binds in the enclosing function/module.
    fn extend_namedexpr_scope(&mut self, name: &str, range: TextRange) {
        for &id in self.stack.iter().rev() {
            let scope = &self.table.scopes[id];
            if scope.is_comprehension {
                if let Some(sym) = scope.symbols.get(name) {
                    if sym.flags & DEF_COMP_ITER != 0 {
                        let msg = format!(
                            "assignment expression cannot rebind comprehension iteration variable '{name}'"
                        );
                        self.fail(msg, range);
                        return;
                    }
                }
                continue;
            }
            match scope.kind {
                ScopeType::Function => {
                    let global = scope
                        .symbols
                        .get(name)
                        .is_some_and(|s| s.flags & DEF_GLOBAL != 0);
                    let cur = self.cur();
                    self.add_def_in(
                        cur,
                        name,
                        if global { DEF_GLOBAL } else { DEF_NONLOCAL },
                        range,
                    );
                    self.add_def_in(id, name, DEF_LOCAL, range);
                }
                ScopeType::Module => {
                    let cur = self.cur();
                    self.add_def_in(cur, name, DEF_GLOBAL, range);
                    self.add_def_in(id, name, DEF_GLOBAL, range);
                }
                ScopeType::Class => self.fail(
                    "assignment expression within a comprehension cannot be used in a class body",
                    range,
                ),
            }
            return;
        }
    }

    fn check_directive(&mut self, name: &str, range: TextRange, global: bool) {
        let id = self.cur();
        let scope = &self.table.scopes[id];
        let word = if global { "global" } else { "nonlocal" };
        let mangled = mangle(scope.private.as_deref(), name);
        if let Some(sym) = scope.symbols.get(&mangled) {
            let f = sym.flags;
            let other = if global { DEF_NONLOCAL } else { DEF_GLOBAL };
            let msg = if f & DEF_PARAM != 0 {
                format!("name '{name}' is parameter and {word}")
            } else if f & other != 0 {
                // CPython reports this at the first of the two declarations.
                let first = scope.directives.get(&mangled).copied().unwrap_or(range);
                self.fail(format!("name '{name}' is nonlocal and global"), first);
                return;
            } else if f & DEF_ANNOT != 0 {
                format!("annotated name '{name}' can't be {word}")
            } else if f & DEF_LOCAL != 0 {
                format!("name '{name}' is assigned to before {word} declaration")
            } else if f & USE != 0 {
                format!("name '{name}' is used prior to {word} declaration")
            } else {
                String::new()
            };
            if !msg.is_empty() {
                self.fail(msg, range);
                return;
            }
        }
        self.table.scopes[id].directives.insert(mangled, range);
        self.add_def(name, if global { DEF_GLOBAL } else { DEF_NONLOCAL }, range);
    }
}

impl<'a> Visitor<'a> for Builder {
    fn visit_stmt(&mut self, stmt: &'a Stmt) {
        self.nesting += 1;
        if self.nesting <= MAX_NESTING {
            stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_stmt_inner(stmt));
        } else {
            self.fail(NESTING_MESSAGE, stmt.range());
        }
        self.nesting -= 1;
    }

    fn visit_expr(&mut self, expr: &'a Expr) {
        self.nesting += 1;
        if self.nesting <= MAX_NESTING {
            stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.visit_expr_inner(expr));
        } else {
            self.fail(NESTING_MESSAGE, expr.range());
        }
        self.nesting -= 1;
    }

    fn visit_except_handler(&mut self, handler: &'a ExceptHandler) {
        let ExceptHandler::ExceptHandler(h) = handler;
        if let Some(t) = &h.type_ {
            self.visit_expr(t);
        }
        if let Some(n) = &h.name {
            self.add_def(&n.id, DEF_LOCAL, n.range);
        }
        self.visit_body(&h.body);
    }

    fn visit_pattern(&mut self, pattern: &'a Pattern) {
        match pattern {
            Pattern::MatchAs(p) => {
                if let Some(n) = &p.name {
                    self.add_def(&n.id, DEF_LOCAL, n.range);
                }
            }
            Pattern::MatchStar(p) => {
                if let Some(n) = &p.name {
                    self.add_def(&n.id, DEF_LOCAL, n.range);
                }
            }
            Pattern::MatchMapping(p) => {
                if let Some(n) = &p.rest {
                    self.add_def(&n.id, DEF_LOCAL, n.range);
                }
            }
            _ => {}
        }
        visitor::walk_pattern(self, pattern);
    }
}

impl<'a> Builder {
    fn visit_stmt_inner(&mut self, stmt: &'a Stmt) {
        match stmt {
            Stmt::FunctionDef(f) => {
                for d in &f.decorator_list {
                    self.visit_expr(&d.expression);
                }
                self.visit_param_outer(&f.parameters, true);
                if let Some(r) = &f.returns {
                    self.visit_expr(r);
                }
                self.add_def(&f.name.id, DEF_LOCAL, f.name.range);
                let id = self.enter(ScopeType::Function, &f.name.id, node_key(stmt));
                self.table.scopes[id].is_coroutine = f.is_async;
                self.visit_params(&f.parameters);
                self.visit_body(&f.body);
                self.leave();
            }
            Stmt::ClassDef(c) => {
                for d in &c.decorator_list {
                    self.visit_expr(&d.expression);
                }
                if let Some(args) = &c.arguments {
                    self.visit_arguments(args);
                }
                self.add_def(&c.name.id, DEF_LOCAL, c.name.range);
                self.enter(ScopeType::Class, &c.name.id, node_key(stmt));
                self.visit_body(&c.body);
                self.leave();
            }
            Stmt::Global(g) => {
                for n in &g.names {
                    self.check_directive(&n.id, g.range, true);
                }
            }
            Stmt::Nonlocal(n) => {
                if self.table.scopes[self.cur()].kind == ScopeType::Module {
                    self.fail("nonlocal declaration not allowed at module level", n.range);
                    return;
                }
                for name in &n.names {
                    self.check_directive(&name.id, n.range, false);
                }
            }
            Stmt::AnnAssign(a) => {
                if let Expr::Name(name) = &*a.target {
                    let scope = &self.table.scopes[self.cur()];
                    let mangled = mangle(scope.private.as_deref(), &name.id);
                    if let Some(sym) = scope.symbols.get(&mangled) {
                        if sym.flags & (DEF_GLOBAL | DEF_NONLOCAL) != 0 && a.simple {
                            let word = if sym.flags & DEF_GLOBAL != 0 {
                                "global"
                            } else {
                                "nonlocal"
                            };
                            let msg = format!("annotated name '{}' can't be {word}", name.id);
                            self.fail(msg, name.range);
                            return;
                        }
                    }
                    let flag = if a.simple {
                        DEF_ANNOT | DEF_LOCAL
                    } else {
                        DEF_LOCAL
                    };
                    if a.value.is_some() || a.simple {
                        self.add_def(&name.id, flag, name.range);
                    }
                } else {
                    self.visit_expr(&a.target);
                }
                self.visit_expr(&a.annotation);
                if let Some(v) = &a.value {
                    self.visit_expr(v);
                }
            }
            Stmt::Import(i) => {
                for alias in &i.names {
                    let bound = match &alias.asname {
                        Some(a) => a.id.to_string(),
                        None => alias.name.id.split('.').next().unwrap_or("").to_string(),
                    };
                    self.add_def(&bound, DEF_IMPORT, alias.range);
                }
            }
            Stmt::ImportFrom(i) => {
                for alias in &i.names {
                    if &*alias.name.id == "*" {
                        if self.table.scopes[self.cur()].kind != ScopeType::Module {
                            self.fail("import * only allowed at module level", alias.range);
                        }
                        continue;
                    }
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.add_def(&bound.id, DEF_IMPORT, alias.range);
                }
            }
            Stmt::Return(r) => {
                if let Some(v) = &r.value {
                    self.visit_expr(v);
                }
            }
            Stmt::Try(t) => {
                self.visit_body(&t.body);
                for h in &t.handlers {
                    self.visit_except_handler(h);
                }
                self.visit_body(&t.orelse);
                self.visit_body(&t.finalbody);
            }
            _ => visitor::walk_stmt(self, stmt),
        }
    }

    fn visit_expr_inner(&mut self, expr: &'a Expr) {
        match expr {
            Expr::Name(n) => {
                let flag = match n.ctx {
                    ExprContext::Load => USE,
                    _ => DEF_LOCAL,
                };
                let flag = if self.in_comp_iter_target && flag == DEF_LOCAL {
                    flag | DEF_COMP_ITER
                } else {
                    flag
                };
                self.add_def(&n.id, flag, n.range);
                if n.ctx == ExprContext::Load
                    && &*n.id == "super"
                    && self.table.scopes[self.cur()].kind == ScopeType::Function
                {
                    self.add_def("__class__", USE, n.range);
                }
            }
            Expr::Lambda(l) => {
                if let Some(p) = &l.parameters {
                    self.visit_param_outer(p, false);
                }
                let id = self.enter(ScopeType::Function, "<lambda>", node_key(expr));
                self.table.scopes[id].is_lambda = true;
                if let Some(p) = &l.parameters {
                    self.visit_params(p);
                }
                self.visit_expr(&l.body);
                self.leave();
            }
            Expr::ListComp(c) => {
                self.visit_comprehension_scope(expr, &c.generators, &[&c.elt], false)
            }
            Expr::SetComp(c) => {
                self.visit_comprehension_scope(expr, &c.generators, &[&c.elt], false)
            }
            Expr::Generator(c) => {
                self.visit_comprehension_scope(expr, &c.generators, &[&c.elt], true)
            }
            Expr::DictComp(c) => {
                let mut elts: Vec<&Expr> = Vec::new();
                if let Some(k) = &c.key {
                    elts.push(k);
                }
                elts.push(&c.value);
                self.visit_comprehension_scope(expr, &c.generators, &elts, false);
            }
            Expr::Named(n) => {
                self.visit_expr(&n.value);
                if let Expr::Name(name) = &*n.target {
                    if self.table.scopes[self.cur()].is_comprehension {
                        self.extend_namedexpr_scope(&name.id, name.range);
                    } else {
                        self.add_def(&name.id, DEF_LOCAL, name.range);
                    }
                }
            }
            Expr::Yield(_) | Expr::YieldFrom(_) | Expr::Await(_) => {
                let word = match expr {
                    Expr::Yield(_) => "yield",
                    Expr::YieldFrom(_) => "yield from",
                    _ => "await",
                };
                let scope = &self.table.scopes[self.cur()];
                if scope.kind != ScopeType::Function {
                    let w = if word == "yield from" { "yield" } else { word };
                    self.fail(format!("'{w}' outside function"), expr.range());
                } else if scope.is_comprehension && word != "await" {
                    let kind = match scope.name.as_str() {
                        "<listcomp>" => "list comprehension",
                        "<setcomp>" => "set comprehension",
                        "<dictcomp>" => "dict comprehension",
                        _ => "generator expression",
                    };
                    self.fail(format!("'{word}' inside {kind}"), expr.range());
                } else if word == "yield from" && scope.is_coroutine {
                    self.fail("'yield from' inside async function", expr.range());
                } else if word != "await" {
                    self.cur_scope().is_generator = true;
                } else if scope.is_comprehension {
                    // `await` inside a comprehension makes it asynchronous.
                    self.cur_scope().is_coroutine = true;
                }
                visitor::walk_expr(self, expr);
            }
            _ => visitor::walk_expr(self, expr),
        }
    }
}
