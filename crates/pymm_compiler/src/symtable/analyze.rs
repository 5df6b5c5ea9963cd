//! Second pass (CPython's `analyze_block`): resolve every name of every
//! scope to local / global / free / cell.

use std::collections::HashSet;

use ruff_text_size::TextRange;

use super::table::*;

pub(super) struct Analyzer<'t> {
    pub(super) table: &'t mut SymbolTable,
    pub(super) error: Option<SymtableError>,
}

impl Analyzer<'_> {
    /// CPython's `analyze_block`. Returns (via `free`) the names free in
    /// this block that enclosing blocks must provide.
    pub(super) fn analyze_block(
        &mut self,
        id: ScopeId,
        bound: Option<&HashSet<String>>,
        free: &mut HashSet<String>,
        global: &HashSet<String>,
    ) {
        let kind = self.table.scopes[id].kind;
        let mut local = HashSet::new();
        let mut newglobal: HashSet<String> = HashSet::new();
        let mut newbound: HashSet<String> = HashSet::new();
        let mut global = global.clone();
        if kind == ScopeType::Class {
            newglobal.extend(global.iter().cloned());
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
        }
        let names = self.table.scopes[id].order.clone();
        for name in &names {
            let flags = self.table.scopes[id].symbols[name].flags;
            let scope = self.analyze_name(id, name, flags, bound, &mut local, free, &mut global);
            self.table.scopes[id].symbols.get_mut(name).unwrap().scope = scope;
        }
        if kind != ScopeType::Class {
            if kind == ScopeType::Function {
                newbound.extend(local.iter().cloned());
            }
            if let Some(b) = bound {
                newbound.extend(b.iter().cloned());
            }
            newglobal.extend(global.iter().cloned());
        } else {
            newbound.insert("__class__".into());
        }
        let mut allfree = HashSet::new();
        let children = self.table.scopes[id].children.clone();
        for child in children {
            let mut child_free = HashSet::new();
            self.analyze_block(child, Some(&newbound), &mut child_free, &newglobal);
            allfree.extend(child_free);
        }
        let mut newfree = allfree;
        match kind {
            ScopeType::Function => {
                // analyze_cells: locals that children need become cells.
                let scope = &mut self.table.scopes[id];
                for (name, sym) in scope.symbols.iter_mut() {
                    if sym.scope == SymbolScope::Local && newfree.contains(name) {
                        sym.scope = SymbolScope::Cell;
                        newfree.remove(name);
                    }
                }
            }
            ScopeType::Class => {
                if newfree.remove("__class__") {
                    self.table.scopes[id].needs_class_closure = true;
                }
            }
            ScopeType::Module => {}
        }
        // update_symbols: record free names coming up from children.
        let is_class = kind == ScopeType::Class;
        let scope = &mut self.table.scopes[id];
        let mut pending: Vec<&String> = newfree.iter().collect();
        pending.sort();
        for name in pending {
            if let Some(sym) = scope.symbols.get_mut(name) {
                if is_class && sym.flags & (DEF_BOUND | DEF_GLOBAL) != 0 {
                    sym.flags |= DEF_FREE_CLASS;
                }
                continue;
            }
            if bound.is_some_and(|b| !b.contains(name)) {
                continue;
            }
            if bound.is_none() {
                continue;
            }
            scope.order.push(name.clone());
            scope.symbols.insert(
                name.clone(),
                Symbol {
                    flags: 0,
                    scope: SymbolScope::Free,
                },
            );
        }
        free.extend(newfree);
    }

    #[allow(clippy::too_many_arguments)]
    fn analyze_name(
        &mut self,
        id: ScopeId,
        name: &str,
        flags: u16,
        bound: Option<&HashSet<String>>,
        local: &mut HashSet<String>,
        free: &mut HashSet<String>,
        global: &mut HashSet<String>,
    ) -> SymbolScope {
        let scope = &self.table.scopes[id];
        if flags & DEF_GLOBAL != 0 {
            if flags & DEF_NONLOCAL != 0 {
                let range = scope.directives.get(name).copied().unwrap_or_default();
                self.error(format!("name '{name}' is nonlocal and global"), range);
            }
            global.insert(name.to_string());
            return SymbolScope::GlobalExplicit;
        }
        if flags & DEF_NONLOCAL != 0 {
            if !bound.is_some_and(|b| b.contains(name)) {
                let range = scope.directives.get(name).copied().unwrap_or_default();
                self.error(format!("no binding for nonlocal '{name}' found"), range);
            }
            free.insert(name.to_string());
            return SymbolScope::Free;
        }
        if flags & DEF_BOUND != 0 {
            local.insert(name.to_string());
            global.remove(name);
            return SymbolScope::Local;
        }
        if bound.is_some_and(|b| b.contains(name)) {
            free.insert(name.to_string());
            return SymbolScope::Free;
        }
        SymbolScope::GlobalImplicit
    }

    fn error(&mut self, message: String, range: TextRange) {
        if self.error.is_none() {
            self.error = Some(SymtableError { message, range });
        }
    }
}
