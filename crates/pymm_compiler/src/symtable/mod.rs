//! Symbol tables: which names are local, global, free or cell in each scope.
//!
//! Follows CPython 3.11's `Python/symtable.c`: a first pass records, per
//! scope, how each name is used (`DEF_*` flags); [`SymbolTable::analyze`]
//! then resolves every name to a [`SymbolScope`] top-down, passing the set of
//! names bound in enclosing function scopes (`bound`) and known globals, and
//! bottom-up the free names of children (which turn locals into cells).
//! Class scopes do not contribute bindings to nested functions; a class
//! whose methods use `__class__` (or `super`) gets the implicit `__class__`
//! cell. Each comprehension and generator expression is its own function
//! scope with the single parameter `.0`; walrus targets inside them bind in
//! the nearest enclosing function (or module) scope.

mod analyze;
mod builder;
mod table;

pub(crate) use table::*;
