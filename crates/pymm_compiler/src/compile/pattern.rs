//! `match` statements (PEP 634), following CPython 3.11's
//! `compiler_match` and `compiler_pattern_*`.
//!
//! Each pattern consumes the subject on top of the stack. Captured values
//! stay on the stack (below `on_top` items still being worked on) until the
//! whole case matched; then they are stored in order. A failed check jumps
//! to `fail_pop[n]`, which pops the `n` items the pattern had pushed so far
//! and falls through to `fail_pop[n - 1]` ... `fail_pop[0]`.

use std::rc::Rc;

use ruff_python_ast::{Expr, Pattern, Singleton, StmtMatch};
use ruff_text_size::{Ranged, TextRange};

use super::compiler::{CResult, Compiler, Ctx};
use super::unit::Label;
use crate::bytecode::{BinaryOperator, ComparisonOperator, Instr};
use crate::code::Constant;

/// CPython's `pattern_context`.
struct PatternContext<'a> {
    stores: Vec<(&'a str, TextRange)>,
    allow_irrefutable: bool,
    fail_pop: Vec<Label>,
    on_top: u32,
}

fn is_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchAs(a) if a.pattern.is_none() && a.name.is_none())
}

fn is_star_wildcard(p: &Pattern) -> bool {
    matches!(p, Pattern::MatchStar(s) if s.name.is_none())
}

impl<'a> Compiler<'a> {
    pub(super) fn compile_match(&mut self, m: &'a StmtMatch) -> CResult {
        self.compile_expr(&m.subject)?;
        let end = self.new_label();
        let cases = m.cases.len();
        let last = m.cases.last();
        let has_default =
            cases > 1 && last.is_some_and(|c| is_wildcard(&c.pattern) && c.guard.is_none());
        let n = cases - usize::from(has_default);
        for (i, case) in m.cases[..n].iter().enumerate() {
            let saved = self.set_loc(case.pattern.range());
            if i + 1 != n {
                self.emit(Instr::Copy(1));
            }
            let mut pc = PatternContext {
                stores: Vec::new(),
                allow_irrefutable: case.guard.is_some() || i + 1 == cases,
                fail_pop: Vec::new(),
                on_top: 0,
            };
            self.compile_pattern(&case.pattern, &mut pc)?;
            for (name, range) in pc.stores.clone() {
                self.name_op(name, Ctx::Store, range)?;
            }
            if let Some(guard) = &case.guard {
                self.ensure_fail_pop(&mut pc, 0);
                let target = pc.fail_pop[0];
                self.jump_if(guard, target, false)?;
            }
            if i + 1 != n {
                self.emit(Instr::PopTop);
            }
            self.restore_loc(saved);
            self.compile_body(&case.body)?;
            self.emit_jump(Instr::Jump(0), end);
            let saved = self.set_loc(case.pattern.range());
            self.emit_and_reset_fail_pop(&mut pc);
            self.restore_loc(saved);
        }
        if has_default {
            let case = &m.cases[cases - 1];
            let saved = self.set_loc(case.pattern.range());
            if cases == 1 {
                self.emit(Instr::PopTop);
            } else {
                self.emit(Instr::Nop);
            }
            self.restore_loc(saved);
            self.compile_body(&case.body)?;
        }
        self.bind(end);
        Ok(())
    }

    fn ensure_fail_pop(&mut self, pc: &mut PatternContext<'a>, n: usize) {
        while pc.fail_pop.len() <= n {
            let l = self.new_label();
            pc.fail_pop.push(l);
        }
    }

    fn jump_to_fail_pop(&mut self, pc: &mut PatternContext<'a>, instr: Instr) {
        let pops = pc.on_top as usize + pc.stores.len();
        self.ensure_fail_pop(pc, pops);
        self.emit_jump(instr, pc.fail_pop[pops]);
    }

    fn emit_and_reset_fail_pop(&mut self, pc: &mut PatternContext<'a>) {
        if pc.fail_pop.is_empty() {
            return;
        }
        for i in (1..pc.fail_pop.len()).rev() {
            self.bind(pc.fail_pop[i]);
            self.emit(Instr::PopTop);
        }
        self.bind(pc.fail_pop[0]);
        pc.fail_pop.clear();
    }

    fn rotate(&mut self, mut count: u32) {
        while count > 1 {
            self.emit(Instr::Swap(count));
            count -= 1;
        }
    }

    fn store_capture(
        &mut self,
        name: Option<&'a ruff_python_ast::Identifier>,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let Some(name) = name else {
            self.emit(Instr::PopTop);
            return Ok(());
        };
        if &*name.id == "__debug__" {
            return Err(self.error("cannot assign to __debug__", name.range));
        }
        if pc.stores.iter().any(|(n, _)| *n == &*name.id) {
            return Err(self.error(
                format!("multiple assignments to name '{}' in pattern", name.id),
                name.range,
            ));
        }
        let rotations = pc.on_top + pc.stores.len() as u32 + 1;
        self.rotate(rotations);
        pc.stores.push((&name.id, name.range));
        Ok(())
    }

    fn compile_subpattern(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        let old = pc.allow_irrefutable;
        pc.allow_irrefutable = true;
        let r = self.compile_pattern(p, pc);
        pc.allow_irrefutable = old;
        r
    }

    fn compile_pattern(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        let saved = self.set_loc(p.range());
        let r = self.compile_pattern_inner(p, pc);
        self.restore_loc(saved);
        r
    }

    fn compile_pattern_inner(&mut self, p: &'a Pattern, pc: &mut PatternContext<'a>) -> CResult {
        match p {
            Pattern::MatchValue(v) => {
                self.compile_expr(&v.value)?;
                self.emit(Instr::CompareOp(ComparisonOperator::Equal));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            Pattern::MatchSingleton(s) => {
                self.load_const(match s.value {
                    Singleton::None => Constant::None,
                    Singleton::True => Constant::Bool(true),
                    Singleton::False => Constant::Bool(false),
                });
                self.emit(Instr::IsOp(false));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            Pattern::MatchAs(a) => match &a.pattern {
                None => {
                    if !pc.allow_irrefutable {
                        let msg = match &a.name {
                            Some(n) => format!(
                                "name capture '{}' makes remaining patterns unreachable",
                                n.id
                            ),
                            None => "wildcard makes remaining patterns unreachable".to_string(),
                        };
                        return Err(self.error(msg, a.range));
                    }
                    self.store_capture(a.name.as_ref(), pc)?;
                }
                Some(inner) => {
                    pc.on_top += 1;
                    self.emit(Instr::Copy(1));
                    self.compile_pattern(inner, pc)?;
                    pc.on_top -= 1;
                    self.store_capture(a.name.as_ref(), pc)?;
                }
            },
            Pattern::MatchStar(s) => self.store_capture(s.name.as_ref(), pc)?,
            Pattern::MatchSequence(s) => self.compile_sequence_pattern(&s.patterns, s.range, pc)?,
            Pattern::MatchMapping(m) => {
                let size = m.keys.len();
                pc.on_top += 1;
                self.emit(Instr::MatchMapping);
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
                if size == 0 && m.rest.is_none() {
                    pc.on_top -= 1;
                    self.emit(Instr::PopTop);
                    return Ok(());
                }
                if size > 0 {
                    self.emit(Instr::GetLen);
                    self.load_const(Constant::Int(size as i64));
                    self.emit(Instr::CompareOp(ComparisonOperator::GreaterEqual));
                    self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
                }
                let mut seen: Vec<Constant> = Vec::new();
                for key in &m.keys {
                    match key {
                        Expr::Attribute(_) => {}
                        _ => {
                            if let Ok(c) = self.literal_for_pattern(key) {
                                if seen.iter().any(|s| s.same_as(&c)) {
                                    return Err(self.error(
                                        format!(
                                            "mapping pattern checks duplicate key ({})",
                                            c.repr()
                                        ),
                                        key.range(),
                                    ));
                                }
                                seen.push(c);
                            }
                        }
                    }
                    self.compile_expr(key)?;
                }
                self.emit(Instr::BuildTuple(size as u32));
                self.emit(Instr::MatchKeys);
                pc.on_top += 2;
                self.emit(Instr::Copy(1));
                self.load_const(Constant::None);
                self.emit(Instr::IsOp(true));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
                self.emit(Instr::UnpackSequence(size as u32));
                pc.on_top += size as u32;
                pc.on_top -= 1;
                for sub in &m.patterns {
                    pc.on_top -= 1;
                    self.compile_subpattern(sub, pc)?;
                }
                pc.on_top -= 2;
                if let Some(rest) = &m.rest {
                    self.emit(Instr::BuildMap(0));
                    self.emit(Instr::Swap(3));
                    self.emit(Instr::DictUpdate(2));
                    self.emit(Instr::UnpackSequence(size as u32));
                    let mut k = size as u32;
                    while k > 0 {
                        self.emit(Instr::Copy(1 + k));
                        k -= 1;
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::DeleteSubscr);
                    }
                    self.store_capture(Some(rest), pc)?;
                } else {
                    self.emit(Instr::PopTop);
                    self.emit(Instr::PopTop);
                }
            }
            Pattern::MatchClass(c) => {
                let args = &c.arguments;
                let nargs = args.patterns.len() as u32;
                let nattrs = args.keywords.len() as u32;
                for (i, k) in args.keywords.iter().enumerate() {
                    if args.keywords[..i].iter().any(|o| o.attr.id == k.attr.id) {
                        return Err(self.error(
                            format!("attribute name repeated in class pattern: {}", k.attr.id),
                            k.attr.range,
                        ));
                    }
                }
                self.compile_expr(&c.cls)?;
                let names: Vec<Constant> = args
                    .keywords
                    .iter()
                    .map(|k| Constant::Str(Rc::from(&*k.attr.id)))
                    .collect();
                self.load_const(Constant::Tuple(names.into()));
                self.emit(Instr::MatchClass(nargs));
                self.emit(Instr::Copy(1));
                self.load_const(Constant::None);
                self.emit(Instr::IsOp(true));
                pc.on_top += 1;
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
                self.emit(Instr::UnpackSequence(nargs + nattrs));
                pc.on_top += nargs + nattrs;
                pc.on_top -= 1;
                let subs = args
                    .patterns
                    .iter()
                    .chain(args.keywords.iter().map(|k| &k.pattern));
                for sub in subs {
                    pc.on_top -= 1;
                    if is_wildcard(sub) {
                        self.emit(Instr::PopTop);
                        continue;
                    }
                    self.compile_subpattern(sub, pc)?;
                }
            }
            Pattern::MatchOr(o) => self.compile_or_pattern(&o.patterns, pc)?,
        }
        Ok(())
    }

    fn literal_for_pattern(&self, e: &Expr) -> CResult<Constant> {
        match e {
            Expr::StringLiteral(s) => Ok(Constant::Str(Rc::from(s.value.to_str()))),
            Expr::NumberLiteral(n) => match &n.value {
                ruff_python_ast::Number::Int(i) => {
                    Ok(i.as_i64().map_or(Constant::None, Constant::Int))
                }
                ruff_python_ast::Number::Float(f) => Ok(Constant::Float(*f)),
                _ => Err(self.error("", e.range())),
            },
            Expr::BooleanLiteral(b) => Ok(Constant::Bool(b.value)),
            Expr::NoneLiteral(_) => Ok(Constant::None),
            _ => Err(self.error("", e.range())),
        }
    }

    fn compile_sequence_pattern(
        &mut self,
        patterns: &'a [Pattern],
        range: TextRange,
        pc: &mut PatternContext<'a>,
    ) -> CResult {
        let size = patterns.len();
        let mut star = None;
        let mut only_wildcard = true;
        for (i, p) in patterns.iter().enumerate() {
            if let Pattern::MatchStar(_) = p {
                if star.is_some() {
                    return Err(self.error("multiple starred names in sequence pattern", range));
                }
                only_wildcard &= is_star_wildcard(p);
                star = Some(i);
                continue;
            }
            only_wildcard &= is_wildcard(p);
        }
        pc.on_top += 1;
        self.emit(Instr::MatchSequence);
        self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
        match star {
            None => {
                self.emit(Instr::GetLen);
                self.load_const(Constant::Int(size as i64));
                self.emit(Instr::CompareOp(ComparisonOperator::Equal));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            Some(_) if size > 1 => {
                self.emit(Instr::GetLen);
                self.load_const(Constant::Int(size as i64 - 1));
                self.emit(Instr::CompareOp(ComparisonOperator::GreaterEqual));
                self.jump_to_fail_pop(pc, Instr::PopJumpIfFalse(0));
            }
            Some(_) => {}
        }
        pc.on_top -= 1;
        if only_wildcard {
            self.emit(Instr::PopTop);
            return Ok(());
        }
        if let Some(star) = star.filter(|&s| is_star_wildcard(&patterns[s])) {
            // Index instead of unpacking (no list for `*_`).
            pc.on_top += 1;
            for (i, p) in patterns.iter().enumerate() {
                if is_wildcard(p) || i == star {
                    continue;
                }
                self.emit(Instr::Copy(1));
                if i < star {
                    self.load_const(Constant::Int(i as i64));
                } else {
                    self.emit(Instr::GetLen);
                    self.load_const(Constant::Int((size - i) as i64));
                    self.emit(Instr::BinaryOp(BinaryOperator::Subtract));
                }
                self.emit(Instr::BinarySubscr);
                self.compile_subpattern(p, pc)?;
            }
            pc.on_top -= 1;
            self.emit(Instr::PopTop);
            return Ok(());
        }
        match star {
            Some(s) => self.emit(Instr::UnpackEx {
                before: s.min(u16::MAX as usize) as u16,
                after: (size - s - 1).min(u16::MAX as usize) as u16,
            }),
            None => self.emit(Instr::UnpackSequence(size as u32)),
        }
        pc.on_top += size as u32;
        for p in patterns {
            pc.on_top -= 1;
            self.compile_subpattern(p, pc)?;
        }
        Ok(())
    }

    fn compile_or_pattern(&mut self, alts: &'a [Pattern], pc: &mut PatternContext<'a>) -> CResult {
        let end = self.new_label();
        let old_stores = std::mem::take(&mut pc.stores);
        let old_allow = pc.allow_irrefutable;
        let old_fail_pop = std::mem::take(&mut pc.fail_pop);
        let old_on_top = pc.on_top;
        let mut control: Option<Vec<(&'a str, TextRange)>> = None;
        let size = alts.len();
        for (i, alt) in alts.iter().enumerate() {
            pc.stores = Vec::new();
            pc.allow_irrefutable = i + 1 == size && old_allow;
            pc.fail_pop = Vec::new();
            pc.on_top = 0;
            self.emit(Instr::Copy(1));
            self.compile_pattern(alt, pc)?;
            match &control {
                None => control = Some(pc.stores.clone()),
                Some(ctrl) => {
                    if ctrl.len() != pc.stores.len() {
                        return Err(
                            self.error("alternative patterns bind different names", alt.range())
                        );
                    }
                    let n = ctrl.len();
                    for icontrol in (0..n).rev() {
                        let name = ctrl[icontrol].0;
                        let Some(istores) = pc.stores.iter().position(|(s, _)| *s == name) else {
                            return Err(self
                                .error("alternative patterns bind different names", alt.range()));
                        };
                        if icontrol != istores {
                            let rotations = istores + 1;
                            let rotated: Vec<_> = pc.stores.drain(..rotations).collect();
                            let at = icontrol - istores;
                            for (k, item) in rotated.into_iter().enumerate() {
                                pc.stores.insert(at + k, item);
                            }
                            for _ in 0..rotations {
                                self.rotate(icontrol as u32 + 1);
                            }
                        }
                    }
                }
            }
            self.emit_jump(Instr::Jump(0), end);
            self.emit_and_reset_fail_pop(pc);
        }
        pc.stores = old_stores;
        pc.allow_irrefutable = old_allow;
        pc.fail_pop = old_fail_pop;
        pc.on_top = old_on_top;
        self.emit(Instr::PopTop);
        self.jump_to_fail_pop(pc, Instr::Jump(0));
        self.bind(end);
        let control = control.unwrap_or_default();
        let nstores = control.len() as u32;
        let nrots = nstores + 1 + pc.on_top + pc.stores.len() as u32;
        for (name, range) in control {
            self.rotate(nrots);
            if pc.stores.iter().any(|(n, _)| *n == name) {
                return Err(self.error(
                    format!("multiple assignments to name '{name}' in pattern"),
                    range,
                ));
            }
            pc.stores.push((name, range));
        }
        self.emit(Instr::PopTop);
        Ok(())
    }
}
