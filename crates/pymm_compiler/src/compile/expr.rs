//! Expressions (`compiler_visit_expr1`): operators, comparisons (chained
//! with `SWAP`/`COPY`), calls (3.11 `PUSH_NULL`/`LOAD_METHOD`, `KW_NAMES`,
//! `CALL`, or `CALL_FUNCTION_EX` when `*`/`**` appear), displays with
//! unpacking, f-strings (`FORMAT_VALUE` + `BUILD_STRING`), `yield`,
//! `yield from`/`await` (`SEND` loop), and conditional jumps
//! (`compiler_jump_if`). Constant tuples and negated number literals are
//! folded.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Num;
use ruff_python_ast::{
    BoolOp, CmpOp, ConversionFlag, Expr, ExprCall, FStringPart, InterpolatedStringElement,
    InterpolatedStringElements, Number, UnaryOp,
};
use ruff_text_size::{Ranged, TextRange};

use super::compiler::{CResult, Compiler, Ctx};
use super::stmt::binary_op;
use super::unit::Label;
use crate::bytecode::{ComparisonOperator, Conversion, Instr};
use crate::code::{CodeFlags, Constant};

impl<'a> Compiler<'a> {
    pub(super) fn compile_expr(&mut self, e: &'a Expr) -> CResult {
        self.nesting += 1;
        if self.nesting > super::MAX_NESTING {
            self.nesting -= 1;
            return Err(self.error(
                "too many nested expressions or statements (compiler recursion limit)",
                e.range(),
            ));
        }
        let saved = self.set_loc(e.range());
        let r = stacker::maybe_grow(64 * 1024, 1024 * 1024, || self.compile_expr_inner(e));
        self.restore_loc(saved);
        self.nesting -= 1;
        r
    }

    fn compile_expr_inner(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = self.fold(e) {
            self.load_const(c);
            return Ok(());
        }
        match e {
            Expr::BoolOp(b) => {
                let end = self.new_label();
                let jump = match b.op {
                    BoolOp::And => Instr::JumpIfFalseOrPop(0),
                    BoolOp::Or => Instr::JumpIfTrueOrPop(0),
                };
                let n = b.values.len();
                for (i, v) in b.values.iter().enumerate() {
                    self.compile_expr(v)?;
                    if i + 1 < n {
                        self.emit_jump(jump, end);
                    }
                }
                self.bind(end);
            }
            Expr::Named(n) => {
                self.compile_expr(&n.value)?;
                self.emit(Instr::Copy(1));
                self.compile_store(&n.target)?;
            }
            Expr::BinOp(b) => {
                if self.try_percent_format(b)? {
                    return Ok(());
                }
                self.compile_expr(&b.left)?;
                self.compile_expr(&b.right)?;
                self.emit(Instr::BinaryOp(binary_op(b.op)));
            }
            Expr::UnaryOp(u) => {
                self.compile_expr(&u.operand)?;
                self.emit(match u.op {
                    UnaryOp::Invert => Instr::UnaryInvert,
                    UnaryOp::Not => Instr::UnaryNot,
                    UnaryOp::UAdd => Instr::UnaryPositive,
                    UnaryOp::USub => Instr::UnaryNegative,
                });
            }
            Expr::Lambda(l) => self.compile_lambda(e, l)?,
            Expr::If(i) => {
                let else_ = self.new_label();
                let end = self.new_label();
                self.jump_if(&i.test, else_, false)?;
                self.compile_expr(&i.body)?;
                self.emit_jump(Instr::Jump(0), end);
                self.bind(else_);
                self.compile_expr(&i.orelse)?;
                self.bind(end);
            }
            Expr::Dict(d) => {
                let mut pending = 0u32;
                let mut have = false;
                for item in &d.items {
                    match &item.key {
                        Some(k) => {
                            self.compile_expr(k)?;
                            self.compile_expr(&item.value)?;
                            pending += 1;
                            if pending == 16 {
                                // Bound the stack for big dict displays.
                                self.emit(Instr::BuildMap(pending));
                                if have {
                                    self.emit(Instr::DictUpdate(1));
                                }
                                have = true;
                                pending = 0;
                            }
                        }
                        None => {
                            if pending > 0 || !have {
                                self.emit(Instr::BuildMap(pending));
                                if have {
                                    self.emit(Instr::DictUpdate(1));
                                }
                                have = true;
                                pending = 0;
                            }
                            self.compile_expr(&item.value)?;
                            self.emit(Instr::DictUpdate(1));
                        }
                    }
                }
                if pending > 0 || !have {
                    self.emit(Instr::BuildMap(pending));
                    if have {
                        self.emit(Instr::DictUpdate(1));
                    }
                }
            }
            Expr::Set(s) => self.compile_sequence(&s.elts, Seq::Set)?,
            Expr::List(l) => self.compile_sequence(&l.elts, Seq::List)?,
            Expr::Tuple(t) => self.compile_sequence(&t.elts, Seq::Tuple)?,
            Expr::ListComp(_) | Expr::SetComp(_) | Expr::DictComp(_) | Expr::Generator(_) => {
                self.compile_comprehension(e)?;
            }
            Expr::Await(a) => {
                if !self.unit_ref().is_function_like()
                    || self.unit_ref().flags & (CodeFlags::COROUTINE | CodeFlags::ASYNC_GENERATOR)
                        == 0
                {
                    return Err(self.error("'await' outside async function", a.range));
                }
                self.compile_expr(&a.value)?;
                self.emit(Instr::GetAwaitable(0));
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            Expr::Yield(y) => {
                match &y.value {
                    Some(v) => self.compile_expr(v)?,
                    None => self.load_const(Constant::None),
                }
                if self.unit_ref().flags & CodeFlags::ASYNC_GENERATOR != 0 {
                    self.emit(Instr::AsyncGenWrap);
                }
                self.emit(Instr::YieldValue);
            }
            Expr::YieldFrom(y) => {
                self.compile_expr(&y.value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Constant::None);
                self.yield_from_loop();
            }
            Expr::Compare(c) => {
                self.compile_expr(&c.left)?;
                let n = c.ops.len();
                if n == 1 {
                    self.compile_compare_operand(&c.comparators[0], c.ops[0])?;
                    self.emit(compare_instr(c.ops[0]));
                } else {
                    let cleanup = self.new_label();
                    let end = self.new_label();
                    for i in 0..n - 1 {
                        self.compile_expr(&c.comparators[i])?;
                        self.emit(Instr::Swap(2));
                        self.emit(Instr::Copy(2));
                        self.emit(compare_instr(c.ops[i]));
                        self.emit_jump(Instr::JumpIfFalseOrPop(0), cleanup);
                    }
                    self.compile_compare_operand(&c.comparators[n - 1], c.ops[n - 1])?;
                    self.emit(compare_instr(c.ops[n - 1]));
                    self.emit_jump(Instr::Jump(0), end);
                    self.bind(cleanup);
                    self.emit(Instr::Swap(2));
                    self.emit(Instr::PopTop);
                    self.bind(end);
                }
            }
            Expr::Call(c) => self.compile_call(c)?,
            Expr::FString(f) => {
                let mut pieces = Pieces::default();
                for part in f.value.iter() {
                    match part {
                        FStringPart::Literal(l) => pieces.literal(&l.value),
                        FStringPart::FString(fs) => {
                            self.fstring_elements(&fs.elements, &mut pieces)?
                        }
                    }
                }
                self.finish_pieces(pieces);
            }
            Expr::TString(t) => return Err(self.error("invalid syntax", t.range)),
            Expr::StringLiteral(_)
            | Expr::BytesLiteral(_)
            | Expr::NumberLiteral(_)
            | Expr::BooleanLiteral(_)
            | Expr::NoneLiteral(_)
            | Expr::EllipsisLiteral(_) => {
                let c = self.literal(e)?;
                self.load_const(c);
            }
            Expr::Attribute(a) => {
                self.compile_expr(&a.value)?;
                let saved = self.set_loc(self.attr_location(a));
                let name = self.mangle(&a.attr.id);
                let idx = self.unit().add_name(&name);
                self.emit(Instr::LoadAttr(idx));
                self.restore_loc(saved);
            }
            Expr::Subscript(s) => {
                self.compile_expr(&s.value)?;
                self.compile_subscript_key(&s.slice)?;
                self.emit(Instr::BinarySubscr);
            }
            Expr::Starred(s) => {
                return Err(self.error("can't use starred expression here", s.range));
            }
            Expr::Name(n) => self.name_op(&n.id, Ctx::Load, n.range)?,
            Expr::Slice(s) => {
                let mut n = 2;
                for part in [&s.lower, &s.upper] {
                    match part {
                        Some(p) => self.compile_expr(p)?,
                        None => self.load_const(Constant::None),
                    }
                }
                if let Some(step) = &s.step {
                    self.compile_expr(step)?;
                    n = 3;
                }
                self.emit(Instr::BuildSlice(n));
            }
            Expr::IpyEscapeCommand(i) => return Err(self.error("invalid syntax", i.range)),
        }
        Ok(())
    }

    /// `SEND` loop shared by `yield from` and `await`: `[receiver, None] -> [result]`.
    pub(super) fn yield_from_loop(&mut self) {
        let start = self.new_label();
        let exit = self.new_label();
        self.bind(start);
        self.emit_jump(Instr::Send(0), exit);
        self.emit(Instr::YieldValue);
        self.emit_jump(Instr::Jump(0), start);
        self.bind(exit);
    }

    pub(super) fn compile_subscript_key(&mut self, key: &'a Expr) -> CResult {
        if let Expr::Starred(s) = key {
            // `x[*a]` (PEP 646) indexes with the tuple `(*a,)`.
            self.emit(Instr::BuildList(0));
            self.compile_expr(&s.value)?;
            self.emit(Instr::ListExtend(1));
            self.emit(Instr::ListToTuple);
            return Ok(());
        }
        self.compile_expr(key)
    }

    pub(super) fn literal(&self, e: &Expr) -> CResult<Constant> {
        Ok(match e {
            Expr::StringLiteral(s) => Constant::Str(Rc::from(s.value.to_str())),
            Expr::BytesLiteral(b) => Constant::Bytes(b.value.bytes().collect::<Vec<u8>>().into()),
            Expr::NumberLiteral(n) => match &n.value {
                Number::Int(i) => match i.as_i64() {
                    Some(v) => Constant::Int(v),
                    None => match parse_big_int(&i.to_string()) {
                        Some(b) => big_const(b),
                        None => return Err(self.error("invalid syntax", n.range)),
                    },
                },
                Number::Float(f) => Constant::Float(*f),
                Number::Complex { real, imag } => Constant::Complex {
                    real: *real,
                    imag: *imag,
                },
            },
            Expr::BooleanLiteral(b) => Constant::Bool(b.value),
            Expr::NoneLiteral(_) => Constant::None,
            Expr::EllipsisLiteral(_) => Constant::Ellipsis,
            other => return Err(self.error("invalid syntax", other.range())),
        })
    }

    /// Displays (CPython's `starunpack_helper`): small ones with one
    /// `BUILD_*`; three or more constants as `BUILD_LIST 0; LOAD_CONST
    /// tuple; LIST_EXTEND 1` (set: frozenset, `SET_UPDATE`); big ones (more
    /// than 30 items) built incrementally to bound the stack.
    fn compile_sequence(&mut self, elts: &'a [Expr], kind: Seq) -> CResult {
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !starred && elts.len() > 2 && kind != Seq::Tuple {
            let folded: Option<Vec<Constant>> = elts.iter().map(|e| self.fold(e)).collect();
            if let Some(items) = folded {
                let (build, c, extend) = match kind {
                    Seq::Set => (
                        Instr::BuildSet(0),
                        Constant::FrozenSet(super::fold::dedup(items).into()),
                        Instr::SetUpdate(1),
                    ),
                    _ => (
                        Instr::BuildList(0),
                        Constant::Tuple(items.into()),
                        Instr::ListExtend(1),
                    ),
                };
                self.emit(build);
                self.load_const(c);
                self.emit(extend);
                return Ok(());
            }
        }
        if !starred && elts.len() <= 30 {
            for e in elts {
                self.compile_expr(e)?;
            }
            let n = elts.len() as u32;
            self.emit(match kind {
                Seq::List => Instr::BuildList(n),
                Seq::Tuple => Instr::BuildTuple(n),
                Seq::Set => Instr::BuildSet(n),
            });
            return Ok(());
        }
        let (build, add, extend) = match kind {
            Seq::Set => (Instr::BuildSet(0), Instr::SetAdd(1), Instr::SetUpdate(1)),
            _ => (
                Instr::BuildList(0),
                Instr::ListAppend(1),
                Instr::ListExtend(1),
            ),
        };
        self.emit(build);
        for e in elts {
            match e {
                Expr::Starred(s) => {
                    self.compile_expr(&s.value)?;
                    self.emit(extend);
                }
                _ => {
                    self.compile_expr(e)?;
                    self.emit(add);
                }
            }
        }
        if kind == Seq::Tuple {
            self.emit(Instr::ListToTuple);
        }
        Ok(())
    }

    /// Calls: `PUSH_NULL f args CALL`, `obj LOAD_METHOD args CALL`, or the
    /// `CALL_FUNCTION_EX` form.
    fn compile_call(&mut self, c: &'a ExprCall) -> CResult {
        let args = &c.arguments;
        let simple = !args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && args.keywords.iter().all(|k| k.arg.is_some());
        // CPython 3.11 `maybe_optimize_method_call`: not for attributes of
        // imported modules, nor for calls with very many arguments.
        let nargs = args.args.len() + args.keywords.len() + usize::from(!args.keywords.is_empty());
        if let Expr::Attribute(attr) = &*c.func {
            if simple && nargs < 30 && !self.is_import_originated(&attr.value) {
                self.compile_expr(&attr.value)?;
                let saved = self.set_loc(self.attr_location(attr));
                let name = self.mangle(&attr.attr.id);
                let idx = self.unit().add_name(&name);
                self.emit(Instr::LoadMethod(idx));
                self.restore_loc(saved);
                // The CALL also starts at the method name when the
                // attribute spans lines.
                let call_range = TextRange::new(self.attr_location(attr).start(), c.range().end());
                return self.call_helper_args(0, &c.arguments, call_range);
            }
        }
        self.emit(Instr::PushNull);
        self.compile_expr(&c.func)?;
        self.call_helper(0, c)
    }

    /// Compiles the arguments of `c` and the call, with `extra` positional
    /// arguments already pushed (CPython's `compiler_call_helper`).
    pub(super) fn call_helper(&mut self, extra: u32, c: &'a ExprCall) -> CResult {
        self.call_helper_args(extra, &c.arguments, c.range())
    }

    pub(super) fn call_helper_args(
        &mut self,
        extra: u32,
        args: &'a ruff_python_ast::Arguments,
        range: TextRange,
    ) -> CResult {
        // CPython's `validate_keywords`.
        for (i, k) in args.keywords.iter().enumerate() {
            let Some(name) = &k.arg else {
                continue;
            };
            self.check_forbidden(&name.id, k.range)?;
            if args.keywords[..i]
                .iter()
                .any(|o| o.arg.as_ref().is_some_and(|o| o.id == name.id))
            {
                return Err(self.error(format!("keyword argument repeated: {}", name.id), k.range));
            }
        }
        let simple = !args.args.iter().any(|a| matches!(a, Expr::Starred(_)))
            && args.keywords.iter().all(|k| k.arg.is_some());
        if simple {
            for a in &args.args {
                self.compile_expr(a)?;
            }
            let mut names = Vec::new();
            for k in &args.keywords {
                self.compile_expr(&k.value)?;
                if let Some(arg) = &k.arg {
                    names.push(Constant::Str(Rc::from(&*arg.id)));
                }
            }
            let saved = self.set_loc(range);
            let n = extra + args.args.len() as u32 + names.len() as u32;
            if !names.is_empty() {
                let idx = self.unit().add_const(Constant::Tuple(names.into()));
                self.emit(Instr::KwNames(idx));
            }
            self.emit(Instr::Call(n));
            self.restore_loc(saved);
            return Ok(());
        }
        self.call_ex_positional(extra, &args.args)?;
        let mut have = false;
        let mut pending = 0u32;
        for k in &args.keywords {
            match &k.arg {
                Some(name) => {
                    self.load_const(Constant::Str(Rc::from(&*name.id)));
                    self.compile_expr(&k.value)?;
                    pending += 1;
                }
                None => {
                    if pending > 0 {
                        self.emit(Instr::BuildMap(pending));
                        if have {
                            self.emit(Instr::DictMerge(1));
                        }
                        have = true;
                        pending = 0;
                    }
                    if !have {
                        self.emit(Instr::BuildMap(0));
                        have = true;
                    }
                    self.compile_expr(&k.value)?;
                    self.emit(Instr::DictMerge(1));
                }
            }
        }
        if pending > 0 {
            self.emit(Instr::BuildMap(pending));
            if have {
                self.emit(Instr::DictMerge(1));
            }
            have = true;
        }
        let saved = self.set_loc(range);
        self.emit(Instr::CallFunctionEx(have));
        self.restore_loc(saved);
        Ok(())
    }

    /// The positional part of a `CALL_FUNCTION_EX` call, as CPython 3.11's
    /// `compiler_call_helper` builds it: `f(*x)` passes `x` itself (the eval loop makes
    /// the tuple); otherwise `starunpack_helper` with `tuple=1`: three or more
    /// constants as one tuple constant, star-free arguments with `BUILD_TUPLE`, the
    /// rest as a list (started at the first starred item) turned into a tuple.
    fn call_ex_positional(&mut self, extra: u32, elts: &'a [Expr]) -> CResult {
        if extra == 0
            && let [Expr::Starred(s)] = elts
        {
            return self.compile_expr(&s.value);
        }
        let starred = elts.iter().any(|e| matches!(e, Expr::Starred(_)));
        if !starred && elts.len() > 2 {
            let folded: Option<Vec<Constant>> = elts.iter().map(|e| self.fold(e)).collect();
            if let Some(items) = folded {
                if extra == 0 {
                    self.load_const(Constant::Tuple(items.into()));
                } else {
                    self.emit(Instr::BuildList(extra));
                    self.load_const(Constant::Tuple(items.into()));
                    self.emit(Instr::ListExtend(1));
                    self.emit(Instr::ListToTuple);
                }
                return Ok(());
            }
        }
        let big = elts.len() + extra as usize > 30;
        if !starred && !big {
            for e in elts {
                self.compile_expr(e)?;
            }
            self.emit(Instr::BuildTuple(elts.len() as u32 + extra));
            return Ok(());
        }
        let mut built = big;
        if big {
            self.emit(Instr::BuildList(extra));
        }
        for (i, e) in elts.iter().enumerate() {
            match e {
                Expr::Starred(s) => {
                    if !built {
                        self.emit(Instr::BuildList(i as u32 + extra));
                        built = true;
                    }
                    self.compile_expr(&s.value)?;
                    self.emit(Instr::ListExtend(1));
                }
                _ => {
                    self.compile_expr(e)?;
                    if built {
                        self.emit(Instr::ListAppend(1));
                    }
                }
            }
        }
        self.emit(Instr::ListToTuple);
        Ok(())
    }

    fn fstring_elements(
        &mut self,
        elements: &'a InterpolatedStringElements,
        pieces: &mut Pieces,
    ) -> CResult {
        for el in elements.iter() {
            match el {
                InterpolatedStringElement::Literal(l) => pieces.literal(&l.value),
                InterpolatedStringElement::Interpolation(i) => {
                    let mut conversion = match i.conversion {
                        ConversionFlag::None => Conversion::None,
                        ConversionFlag::Str => Conversion::Str,
                        ConversionFlag::Repr => Conversion::Repr,
                        ConversionFlag::Ascii => Conversion::Ascii,
                    };
                    if let Some(debug) = &i.debug_text {
                        let text = format!(
                            "{}{}{}",
                            debug.leading(),
                            debug.expression(),
                            debug.trailing()
                        );
                        pieces.literal(&text);
                        if conversion == Conversion::None && i.format_spec.is_none() {
                            conversion = Conversion::Repr;
                        }
                    }
                    self.flush_literal(pieces);
                    self.compile_expr(&i.expression)?;
                    let has_spec = if let Some(spec) = &i.format_spec {
                        let mut inner = Pieces::default();
                        self.fstring_elements(&spec.elements, &mut inner)?;
                        self.finish_pieces(inner);
                        true
                    } else {
                        false
                    };
                    self.emit(Instr::FormatValue(conversion, has_spec));
                    pieces.count += 1;
                }
            }
        }
        Ok(())
    }

    fn flush_literal(&mut self, pieces: &mut Pieces) {
        if let Some(s) = pieces.pending.take() {
            if !s.is_empty() {
                self.load_const(Constant::Str(Rc::from(s.as_str())));
                pieces.count += 1;
            }
        }
    }

    fn finish_pieces(&mut self, mut pieces: Pieces) {
        self.flush_literal(&mut pieces);
        match pieces.count {
            0 => self.load_const(Constant::Str(Rc::from(""))),
            1 => {}
            n => self.emit(Instr::BuildString(n)),
        }
    }

    /// The right operand of a comparison; `in [1, 2]` uses a constant tuple.
    fn compile_compare_operand(&mut self, e: &'a Expr, op: CmpOp) -> CResult {
        if matches!(op, CmpOp::In | CmpOp::NotIn) {
            if let Some(c) = self.fold_iterable(e) {
                let saved = self.set_loc(e.range());
                self.load_const(c);
                self.restore_loc(saved);
                return Ok(());
            }
        }
        self.compile_expr(e)
    }

    /// An iterable of `for` or a comprehension: list/set displays of
    /// constants become constant tuples/frozensets.
    pub(super) fn compile_iterable(&mut self, e: &'a Expr) -> CResult {
        if let Some(c) = self.fold_iterable(e) {
            let saved = self.set_loc(e.range());
            self.load_const(c);
            self.restore_loc(saved);
            return Ok(());
        }
        self.compile_expr(e)
    }

    /// Compiles a condition and jumps to `target` if its truth equals
    /// `jump_if_true` (CPython's `compiler_jump_if`). A constant condition
    /// emits an unconditional jump or nothing.
    pub(super) fn jump_if(&mut self, e: &'a Expr, target: Label, jump_if_true: bool) -> CResult {
        if let Some(truth) = self.fold(e).as_ref().and_then(super::fold::truthy) {
            if truth == jump_if_true {
                // CPython's jump keeps the enclosing statement's location (its
                // `LOAD_CONST` had the expression's, and became a NOP).
                self.emit_jump(Instr::Jump(0), target);
                self.unit().dead_by_constant = true;
            }
            return Ok(());
        }
        match e {
            Expr::UnaryOp(u) if u.op == UnaryOp::Not => {
                return self.jump_if(&u.operand, target, !jump_if_true);
            }
            Expr::BoolOp(b) => {
                let is_or = b.op == BoolOp::Or;
                let n = b.values.len();
                let next = if is_or == jump_if_true {
                    target
                } else {
                    self.new_label()
                };
                for v in &b.values[..n - 1] {
                    self.jump_if(v, next, is_or)?;
                }
                self.jump_if(&b.values[n - 1], target, jump_if_true)?;
                if next != target {
                    self.bind(next);
                }
                return Ok(());
            }
            Expr::Compare(c)
                if c.ops.len() == 1
                    && matches!(c.ops[0], CmpOp::Is | CmpOp::IsNot)
                    && matches!(c.comparators[0], Expr::NoneLiteral(_)) =>
            {
                let saved = self.set_loc(c.range);
                self.compile_expr(&c.left)?;
                let is = c.ops[0] == CmpOp::Is;
                let instr = if is == jump_if_true {
                    Instr::PopJumpIfNone(0)
                } else {
                    Instr::PopJumpIfNotNone(0)
                };
                self.emit_jump(instr, target);
                self.restore_loc(saved);
                return Ok(());
            }
            _ => {}
        }
        self.compile_expr(e)?;
        let saved = self.set_loc(e.range());
        let instr = if jump_if_true {
            Instr::PopJumpIfTrue(0)
        } else {
            Instr::PopJumpIfFalse(0)
        };
        self.emit_jump(instr, target);
        self.restore_loc(saved);
        Ok(())
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Seq {
    List,
    Tuple,
    Set,
}

/// Accumulates the pieces of an f-string: adjacent literals are merged.
#[derive(Default)]
struct Pieces {
    pending: Option<String>,
    count: u32,
}

impl Pieces {
    fn literal(&mut self, s: &str) {
        self.pending.get_or_insert_with(String::new).push_str(s);
    }
}

fn compare_instr(op: CmpOp) -> Instr {
    match op {
        CmpOp::Eq => Instr::CompareOp(ComparisonOperator::Equal),
        CmpOp::NotEq => Instr::CompareOp(ComparisonOperator::NotEqual),
        CmpOp::Lt => Instr::CompareOp(ComparisonOperator::Less),
        CmpOp::LtE => Instr::CompareOp(ComparisonOperator::LessEqual),
        CmpOp::Gt => Instr::CompareOp(ComparisonOperator::Greater),
        CmpOp::GtE => Instr::CompareOp(ComparisonOperator::GreaterEqual),
        CmpOp::Is => Instr::IsOp(false),
        CmpOp::IsNot => Instr::IsOp(true),
        CmpOp::In => Instr::ContainsOp(false),
        CmpOp::NotIn => Instr::ContainsOp(true),
    }
}

fn big_const(b: BigInt) -> Constant {
    match i64::try_from(&b) {
        Ok(v) => Constant::Int(v),
        Err(_) => Constant::BigInt(Rc::new(b)),
    }
}

/// Parses an int literal token (any base, underscores allowed).
pub(crate) fn parse_big_int(token: &str) -> Option<BigInt> {
    let t: String = token.chars().filter(|c| *c != '_').collect();
    let lower = t.to_ascii_lowercase();
    let (digits, radix) = if let Some(r) = lower.strip_prefix("0x") {
        (r.to_string(), 16)
    } else if let Some(r) = lower.strip_prefix("0o") {
        (r.to_string(), 8)
    } else if let Some(r) = lower.strip_prefix("0b") {
        (r.to_string(), 2)
    } else {
        (lower, 10)
    };
    BigInt::from_str_radix(&digits, radix).ok()
}

impl Compiler<'_> {
    /// Whether `e` is a name bound by an import at module level.
    fn is_import_originated(&self, e: &Expr) -> bool {
        let Expr::Name(n) = e else {
            return false;
        };
        self.table.scopes[0]
            .lookup(&n.id)
            .is_some_and(|s| s.flags & crate::symtable::DEF_IMPORT != 0)
    }
}

impl Compiler<'_> {
    /// CPython 3.11 `update_start_location_to_match_attr`: an attribute
    /// access spanning several lines is located from the attribute name on,
    /// so tracebacks point at `.name` rather than the start of the chain.
    pub(super) fn attr_location(&self, a: &ruff_python_ast::ExprAttribute) -> TextRange {
        let first = self.line_of(a.range);
        let last = self.map.line_col(a.range.end().into()).0;
        if first < last {
            TextRange::new(a.attr.range.start(), a.range.end())
        } else {
            a.range
        }
    }
}
