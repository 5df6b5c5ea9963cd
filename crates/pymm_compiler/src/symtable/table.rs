//! The symbol-table data: scopes, symbols, `DEF_*` flags, name mangling.

use std::collections::HashMap;

use ruff_python_ast::{Expr, Stmt};
use ruff_text_size::TextRange;

use ruff_python_ast::visitor::Visitor;

use super::builder::Builder;

pub(crate) type ScopeId = usize;

/// Name was assigned (or deleted, or imported) in this scope.
pub(crate) const DEF_LOCAL: u16 = 1 << 0;
/// `global name` in this scope.
pub(crate) const DEF_GLOBAL: u16 = 1 << 1;
/// `nonlocal name` in this scope.
pub(crate) const DEF_NONLOCAL: u16 = 1 << 2;
/// Name is a parameter.
pub(crate) const DEF_PARAM: u16 = 1 << 3;
/// Name is read.
pub(crate) const USE: u16 = 1 << 4;
/// Bound in a class and free in a nested function.
pub(crate) const DEF_FREE_CLASS: u16 = 1 << 5;
/// Bound by an import.
pub(crate) const DEF_IMPORT: u16 = 1 << 6;
/// Has an annotation.
pub(crate) const DEF_ANNOT: u16 = 1 << 7;
/// Comprehension iteration variable.
pub(crate) const DEF_COMP_ITER: u16 = 1 << 8;
pub(crate) const DEF_BOUND: u16 = DEF_LOCAL | DEF_PARAM | DEF_IMPORT;

/// Kind of scope.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ScopeType {
    Module,
    Class,
    Function,
}

/// Where a name lives at run time.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SymbolScope {
    Local,
    GlobalExplicit,
    GlobalImplicit,
    Free,
    Cell,
}

#[derive(Clone, Debug)]
pub(crate) struct Symbol {
    pub flags: u16,
    pub scope: SymbolScope,
}

/// One scope (CPython's `PySTEntryObject`).
#[derive(Debug)]
pub(crate) struct Scope {
    pub kind: ScopeType,
    pub name: String,
    pub symbols: HashMap<String, Symbol>,
    /// First-seen order of symbols, for deterministic iteration.
    pub order: Vec<String>,
    /// Parameters in order.
    pub params: Vec<String>,
    pub children: Vec<ScopeId>,
    pub is_generator: bool,
    pub is_coroutine: bool,
    pub is_comprehension: bool,
    pub is_lambda: bool,
    /// Nested inside a function scope.
    pub nested: bool,
    /// Class scope whose methods need `__class__`.
    pub needs_class_closure: bool,
    /// Enclosing class name for private-name mangling.
    pub private: Option<String>,
    /// Where `global`/`nonlocal` statements occurred, for error ranges.
    pub(crate) directives: HashMap<String, TextRange>,
}

impl Scope {
    pub(crate) fn lookup(&self, name: &str) -> Option<&Symbol> {
        self.symbols.get(name)
    }

    /// Names with the given scope (or extra flag), sorted (CPython's
    /// `dictbytype`).
    pub(crate) fn names_sorted(&self, scope: SymbolScope, flag: u16) -> Vec<String> {
        let mut v: Vec<String> = self
            .symbols
            .iter()
            .filter(|(_, s)| s.scope == scope || s.flags & flag != 0)
            .map(|(n, _)| n.clone())
            .collect();
        v.sort();
        v
    }
}

/// A symbol-table error: message and source range.
#[derive(Debug)]
pub(crate) struct SymtableError {
    pub message: String,
    pub range: TextRange,
}

/// All scopes of one compilation.
#[derive(Debug)]
pub(crate) struct SymbolTable {
    pub scopes: Vec<Scope>,
    /// AST node address → scope it introduces.
    pub by_node: HashMap<usize, ScopeId>,
}

/// Address of an AST node, used as its identity.
pub(crate) fn node_key<T>(node: &T) -> usize {
    std::ptr::from_ref(node) as usize
}

/// CPython's `_Py_Mangle`: `__x` inside class `C` becomes `_C__x`.
pub(crate) fn mangle(private: Option<&str>, name: &str) -> String {
    let Some(class) = private else {
        return name.to_string();
    };
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
        return name.to_string();
    }
    let stripped = class.trim_start_matches('_');
    if stripped.is_empty() {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

impl SymbolTable {
    /// Builds and analyses the symbol table of a module (or expression).
    pub(crate) fn build_module(body: &[Stmt]) -> Result<SymbolTable, SymtableError> {
        let mut b = Builder::new();
        b.visit_body(body);
        b.finish()
    }

    /// Builds the symbol table for an expression (eval mode).
    pub(crate) fn build_expression(expr: &Expr) -> Result<SymbolTable, SymtableError> {
        let mut b = Builder::new();
        b.visit_expr(expr);
        b.finish()
    }

    /// The scope introduced by `node`.
    pub(crate) fn scope_of<T>(&self, node: &T) -> ScopeId {
        self.by_node[&node_key(node)]
    }
}

impl Scope {
    pub(crate) fn new(
        kind: ScopeType,
        name: String,
        nested: bool,
        private: Option<String>,
    ) -> Self {
        Scope {
            kind,
            name,
            symbols: HashMap::new(),
            order: Vec::new(),
            params: Vec::new(),
            children: Vec::new(),
            is_generator: false,
            is_coroutine: false,
            is_comprehension: false,
            is_lambda: false,
            nested,
            needs_class_closure: false,
            private,
            directives: HashMap::new(),
        }
    }
}
