//! Statements and assignment targets (`compiler_visit_stmt`,
//! `compiler_visit_expr` in store/delete context, `compiler_augassign`,
//! `compiler_annassign`, imports).

use std::rc::Rc;

use ruff_python_ast::{Expr, ExprContext, Operator, Stmt, StmtAnnAssign, StmtAugAssign};
use ruff_text_size::Ranged;

use super::compiler::{CResult, Compiler, Ctx, Mode};
use crate::bytecode::{BinaryOperator, Instr};
use crate::code::Constant;

impl<'a> Compiler<'a> {
    pub(super) fn compile_stmt(&mut self, s: &'a Stmt) -> CResult {
        self.nesting += 1;
        if self.nesting > super::MAX_NESTING {
            self.nesting -= 1;
            return Err(self.error(
                "too many nested expressions or statements (compiler recursion limit)",
                s.range(),
            ));
        }
        let saved = self.set_loc(s.range());
        let saved_range = std::mem::replace(&mut self.current_range, s.range());
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.compile_stmt_inner(s));
        self.current_range = saved_range;
        self.restore_loc(saved);
        self.nesting -= 1;
        r
    }

    fn compile_stmt_inner(&mut self, s: &'a Stmt) -> CResult {
        match s {
            Stmt::FunctionDef(f) => self.compile_function_def(s, f),
            Stmt::ClassDef(c) => self.compile_class_def(s, c),
            Stmt::Return(r) => self.compile_return(r.value.as_deref(), r.range),
            Stmt::Delete(d) => {
                for t in &d.targets {
                    self.compile_delete(t)?;
                }
                Ok(())
            }
            Stmt::Assign(a) => {
                self.compile_expr(&a.value)?;
                let n = a.targets.len();
                for (i, t) in a.targets.iter().enumerate() {
                    if i + 1 < n {
                        self.emit(Instr::Copy(1));
                    }
                    self.compile_store(t)?;
                }
                Ok(())
            }
            Stmt::AugAssign(a) => self.compile_augassign(a),
            Stmt::AnnAssign(a) => self.compile_annassign(a),
            Stmt::For(f) => self.compile_for(f),
            Stmt::While(w) => self.compile_while(w),
            Stmt::If(i) => {
                let end = self.new_label();
                let mut next = self.new_label();
                self.jump_if(&i.test, next, false)?;
                self.compile_body(&i.body)?;
                for clause in &i.elif_else_clauses {
                    self.emit_jump_noline(Instr::Jump(0), end);
                    self.bind(next);
                    next = self.new_label();
                    let saved = self.set_loc(clause.range);
                    if let Some(test) = &clause.test {
                        self.jump_if(test, next, false)?;
                    }
                    self.restore_loc(saved);
                    self.compile_body(&clause.body)?;
                }
                self.bind(next);
                self.bind(end);
                Ok(())
            }
            Stmt::With(w) => self.compile_with(w, 0),
            Stmt::Match(m) => self.compile_match(m),
            Stmt::Raise(r) => {
                let mut n = 0;
                if let Some(e) = &r.exc {
                    self.compile_expr(e)?;
                    n = 1;
                    if let Some(c) = &r.cause {
                        self.compile_expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::RaiseVarargs(n));
                Ok(())
            }
            Stmt::Try(t) => self.compile_try(t),
            Stmt::Assert(_) if self.optimize > 0 => Ok(()),
            Stmt::Assert(a) => {
                let end = self.new_label();
                self.jump_if(&a.test, end, true)?;
                // CPython 3.11's compiler_jump_if leaks the location of the
                // last comparison it visited into the raise; otherwise the
                // raise carries the statement's location.
                if let Some(r) = compare_location_leak(&a.test) {
                    self.set_loc(r);
                }
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = &a.msg {
                    self.compile_expr(m)?;
                    self.emit(Instr::Call(0));
                }
                self.emit(Instr::RaiseVarargs(1));
                self.bind(end);
                Ok(())
            }
            Stmt::Import(i) => {
                // Every instruction carries the whole statement's location (CPython's
                // `compiler_import`), so a failed import underlines the statement.
                for alias in &i.names {
                    self.load_const(Constant::Int(0));
                    self.load_const(Constant::None);
                    let idx = self.unit().add_name(&alias.name.id);
                    self.emit(Instr::ImportName(idx));
                    let full: &str = &alias.name.id;
                    match &alias.asname {
                        Some(asname) => {
                            let parts: Vec<&str> = full.split('.').collect();
                            for part in &parts[1..] {
                                let idx = self.unit().add_name(part);
                                self.emit(Instr::ImportFrom(idx));
                                self.emit(Instr::Swap(2));
                                self.emit(Instr::PopTop);
                            }
                            self.name_op(&asname.id, Ctx::Store, asname.range)?;
                        }
                        None => {
                            let first = full.split('.').next().unwrap_or(full);
                            self.name_op(first, Ctx::Store, alias.range)?;
                        }
                    }
                }
                Ok(())
            }
            Stmt::ImportFrom(i) => {
                self.load_const(Constant::Int(i64::from(i.level)));
                let names: Vec<Constant> = i
                    .names
                    .iter()
                    .map(|a| Constant::Str(Rc::from(&*a.name.id)))
                    .collect();
                self.load_const(Constant::Tuple(names.into()));
                let module = i.module.as_ref().map_or("", |m| &*m.id);
                let idx = self.unit().add_name(module);
                self.emit(Instr::ImportName(idx));
                if i.names.len() == 1 && &*i.names[0].name.id == "*" {
                    self.emit(Instr::ImportStar);
                    return Ok(());
                }
                for alias in &i.names {
                    let idx = self.unit().add_name(&alias.name.id);
                    self.emit(Instr::ImportFrom(idx));
                    let bound = alias.asname.as_ref().unwrap_or(&alias.name);
                    self.name_op(&bound.id, Ctx::Store, alias.range)?;
                }
                self.emit(Instr::PopTop);
                Ok(())
            }
            // A line of its own for line tracing (dropped when another instruction has
            // the line, as CPython drops its `NOP`).
            Stmt::Pass(_) => {
                self.emit(Instr::Nop);
                Ok(())
            }
            Stmt::Global(_) | Stmt::Nonlocal(_) | Stmt::IpyEscapeCommand(_) => Ok(()),
            Stmt::TypeAlias(t) => Err(self.error("invalid syntax", t.range)),
            Stmt::Expr(e) => {
                if self.mode == Mode::Single && self.units.len() == 1 {
                    self.compile_expr(&e.value)?;
                    self.emit(Instr::PrintExpr);
                    return Ok(());
                }
                if is_constant_expr(&e.value) {
                    // CPython drops constant expression statements.
                    return Ok(());
                }
                self.compile_expr(&e.value)?;
                self.emit(Instr::PopTop);
                Ok(())
            }
            Stmt::Break(b) => self.compile_break_continue(true, b.range),
            Stmt::Continue(c) => self.compile_break_continue(false, c.range),
        }
    }

    /// Stores the value on top of the stack into `target`.
    pub(super) fn compile_store(&mut self, target: &'a Expr) -> CResult {
        let saved = self.set_loc(target.range());
        let r = self.compile_store_inner(target);
        self.restore_loc(saved);
        r
    }

    fn compile_store_inner(&mut self, target: &'a Expr) -> CResult {
        match target {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Store, n.range),
            Expr::Attribute(a) => {
                self.check_forbidden(&a.attr.id, a.attr.range)?;
                self.compile_expr(&a.value)?;
                self.set_loc(self.attr_location(a));
                let name = self.mangle(&a.attr.id);
                let idx = self.unit().add_name(&name);
                self.emit(Instr::StoreAttr(idx));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_subscript_key(&s.slice)?;
                self.emit(Instr::StoreSubscr);
                Ok(())
            }
            Expr::Tuple(t) => self.compile_unpack(&t.elts, target),
            Expr::List(l) => self.compile_unpack(&l.elts, target),
            Expr::Starred(s) => Err(self.error(
                "starred assignment target must be in a list or tuple",
                s.range,
            )),
            other => Err(self.error("cannot assign to expression", other.range())),
        }
    }

    fn compile_unpack(&mut self, elts: &'a [Expr], whole: &'a Expr) -> CResult {
        let star = elts.iter().position(|e| matches!(e, Expr::Starred(_)));
        if let Some(star) = star {
            if elts
                .iter()
                .filter(|e| matches!(e, Expr::Starred(_)))
                .count()
                > 1
            {
                return Err(self.error("multiple starred expressions in assignment", whole.range()));
            }
            let after = elts.len() - star - 1;
            if star >= 256 || after >= (1 << 24) {
                return Err(self.error(
                    "too many expressions in star-unpacking assignment",
                    whole.range(),
                ));
            }
            self.emit(Instr::UnpackEx {
                before: star as u16,
                after: after.min(u16::MAX as usize) as u16,
            });
        } else {
            self.emit(Instr::UnpackSequence(elts.len() as u32));
        }
        for e in elts {
            match e {
                Expr::Starred(s) => self.compile_store(&s.value)?,
                _ => self.compile_store(e)?,
            }
        }
        Ok(())
    }

    fn compile_delete(&mut self, target: &'a Expr) -> CResult {
        let saved = self.set_loc(target.range());
        let r = match target {
            Expr::Name(n) => self.name_op(&n.id, Ctx::Del, n.range),
            Expr::Attribute(a) => {
                self.check_forbidden(&a.attr.id, a.attr.range)?;
                self.compile_expr(&a.value)?;
                self.set_loc(self.attr_location(a));
                let name = self.mangle(&a.attr.id);
                let idx = self.unit().add_name(&name);
                self.emit(Instr::DeleteAttr(idx));
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_subscript_key(&s.slice)?;
                self.emit(Instr::DeleteSubscr);
                Ok(())
            }
            Expr::Tuple(t) => t.elts.iter().try_for_each(|e| self.compile_delete(e)),
            Expr::List(l) => l.elts.iter().try_for_each(|e| self.compile_delete(e)),
            other => Err(self.error("cannot delete expression", other.range())),
        };
        self.restore_loc(saved);
        r
    }

    /// CPython 3.11 `compiler_augassign`: the load and store carry the
    /// target's location, the operation the statement's.
    fn compile_augassign(&mut self, a: &'a StmtAugAssign) -> CResult {
        let op = inplace_op(a.op);
        let stmt_loc = self.set_loc(a.target.range());
        self.restore_loc(stmt_loc);
        match &*a.target {
            Expr::Name(n) => {
                self.name_op(&n.id, Ctx::Load, n.range)?;
                self.compile_expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.name_op(&n.id, Ctx::Store, n.range)
            }
            Expr::Attribute(at) => {
                self.compile_expr(&at.value)?;
                self.set_loc(at.range);
                self.emit(Instr::Copy(1));
                let name = self.mangle(&at.attr.id);
                let idx = self.unit().add_name(&name);
                self.emit(Instr::LoadAttr(idx));
                self.restore_loc(stmt_loc);
                self.compile_expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.set_loc(at.range);
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(idx));
                self.restore_loc(stmt_loc);
                Ok(())
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_subscript_key(&s.slice)?;
                self.set_loc(s.range);
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.emit(Instr::BinarySubscr);
                self.restore_loc(stmt_loc);
                self.compile_expr(&a.value)?;
                self.emit(Instr::BinaryOp(op));
                self.set_loc(s.range);
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
                self.restore_loc(stmt_loc);
                Ok(())
            }
            other => Err(self.error(
                "'expression' is an illegal expression for augmented assignment",
                other.range(),
            )),
        }
    }

    fn compile_annassign(&mut self, a: &'a StmtAnnAssign) -> CResult {
        if let Expr::Name(n) = &*a.target {
            self.check_forbidden(&n.id, n.range)?;
        }
        if let Some(v) = &a.value {
            self.compile_expr(v)?;
            self.compile_store(&a.target)?;
        }
        let module_or_class = !self.unit_ref().is_function_like();
        match &*a.target {
            Expr::Name(n) => {
                if a.simple && module_or_class {
                    self.compile_annotation(&a.annotation)?;
                    let idx = self.unit().add_name("__annotations__");
                    self.emit(Instr::LoadName(idx));
                    let mangled = self.mangle(&n.id);
                    self.load_const(Constant::Str(Rc::from(mangled.as_str())));
                    self.emit(Instr::StoreSubscr);
                }
            }
            Expr::Attribute(at) => {
                if a.value.is_none() {
                    self.compile_expr(&at.value)?;
                    self.emit(Instr::PopTop);
                }
            }
            Expr::Subscript(s) => {
                if a.value.is_none() {
                    self.compile_expr(&s.value)?;
                    self.emit(Instr::PopTop);
                    self.compile_subscript_key(&s.slice)?;
                    self.emit(Instr::PopTop);
                }
            }
            _ => {}
        }
        if !a.simple && module_or_class && !self.future_annotations {
            self.compile_expr(&a.annotation)?;
            self.emit(Instr::PopTop);
        }
        Ok(())
    }

    /// An annotation value: evaluated, or its source text under
    /// `from __future__ import annotations`.
    pub(super) fn compile_annotation(&mut self, ann: &'a Expr) -> CResult {
        if self.future_annotations {
            let text = self.source_text(ann.range());
            self.load_const(Constant::Str(Rc::from(text)));
            Ok(())
        } else {
            self.compile_expr(ann)
        }
    }
}

fn is_constant_expr(e: &Expr) -> bool {
    matches!(
        e,
        Expr::NumberLiteral(_)
            | Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_)
    )
}

/// The binary operator for `op`.
pub(super) fn binary_op(op: Operator) -> BinaryOperator {
    use BinaryOperator as B;
    match op {
        Operator::Add => B::Add,
        Operator::Sub => B::Subtract,
        Operator::Mult => B::Multiply,
        Operator::MatMult => B::MatrixMultiply,
        Operator::Div => B::TrueDivide,
        Operator::Mod => B::Remainder,
        Operator::Pow => B::Power,
        Operator::LShift => B::Lshift,
        Operator::RShift => B::Rshift,
        Operator::BitOr => B::Or,
        Operator::BitXor => B::Xor,
        Operator::BitAnd => B::And,
        Operator::FloorDiv => B::FloorDivide,
    }
}

fn inplace_op(op: Operator) -> BinaryOperator {
    use BinaryOperator as B;
    match op {
        Operator::Add => B::InplaceAdd,
        Operator::Sub => B::InplaceSubtract,
        Operator::Mult => B::InplaceMultiply,
        Operator::MatMult => B::InplaceMatrixMultiply,
        Operator::Div => B::InplaceTrueDivide,
        Operator::Mod => B::InplaceRemainder,
        Operator::Pow => B::InplacePower,
        Operator::LShift => B::InplaceLshift,
        Operator::RShift => B::InplaceRshift,
        Operator::BitOr => B::InplaceOr,
        Operator::BitXor => B::InplaceXor,
        Operator::BitAnd => B::InplaceAnd,
        Operator::FloorDiv => B::InplaceFloorDivide,
    }
}

#[allow(dead_code)]
fn is_store(ctx: ExprContext) -> bool {
    ctx == ExprContext::Store
}

/// The location CPython 3.11's `compiler_jump_if` leaves behind: that of
/// the last comparison it set (through `not`, `and`/`or` and `x if c else y`).
fn compare_location_leak(e: &Expr) -> Option<ruff_text_size::TextRange> {
    match e {
        Expr::Compare(c) => Some(c.range),
        Expr::UnaryOp(u) if u.op == ruff_python_ast::UnaryOp::Not => {
            compare_location_leak(&u.operand)
        }
        Expr::BoolOp(b) => b.values.iter().rev().find_map(compare_location_leak),
        Expr::If(i) => [&i.test, &i.body, &i.orelse]
            .into_iter()
            .rev()
            .find_map(|x| compare_location_leak(x)),
        _ => None,
    }
}
