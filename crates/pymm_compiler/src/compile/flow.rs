//! Control flow: loops, `try`/`except`/`finally`, `with`, and unwinding of
//! frame blocks for `break`, `continue` and `return` (CPython's
//! `compiler_unwind_fblock`). Layouts follow CPython 3.11 exactly, e.g. for
//! `try: B except E as e: H`:
//!
//! ```text
//!     SETUP_FINALLY  L_except        (compile-time: handler stack push)
//!     B
//!     POP_BLOCK                      (compile-time: handler stack pop)
//!     JUMP           L_end (after else)
//! L_except:                          stack: [exc]
//!     SETUP_CLEANUP  L_cleanup (lasti)
//!     PUSH_EXC_INFO                  [prev_exc, exc]
//!     <E>; CHECK_EXC_MATCH; POP_JUMP_IF_FALSE next
//!     STORE e; SETUP_CLEANUP L_cleanup_end (lasti)
//!     H
//!     POP_BLOCK; POP_BLOCK; POP_EXCEPT; e = None; del e; JUMP L_end
//! L_cleanup_end: e = None; del e; RERAISE 1
//! next: RERAISE 0
//! L_cleanup: COPY 3; POP_EXCEPT; RERAISE 1
//! ```

use ruff_python_ast::{ExceptHandler, Expr, Stmt, StmtFor, StmtTry, StmtWhile, StmtWith};
use ruff_text_size::{Ranged, TextRange};

use super::compiler::{CResult, Compiler, Ctx};
use super::unit::Label;
use crate::bytecode::Instr;
use crate::code::Constant;

/// A frame block: a construct that `break`/`continue`/`return` must
/// unwind through.
#[derive(Clone, Debug)]
pub(crate) enum FBlock<'a> {
    WhileLoop {
        start: Label,
        end: Label,
    },
    ForLoop {
        start: Label,
        end: Label,
    },
    TryExcept,
    FinallyTry {
        body: &'a [Stmt],
    },
    FinallyEnd,
    With {
        range: TextRange,
        is_async: bool,
    },
    ExceptionGroupHandler,
    HandlerCleanup {
        name: Option<&'a str>,
        range: TextRange,
    },
    ExceptionHandler,
    PopValue,
}

impl<'a> Compiler<'a> {
    fn push_fblock(&mut self, b: FBlock<'a>) {
        self.fblocks.last_mut().expect("fblocks").push(b);
    }

    fn pop_fblock(&mut self) {
        self.fblocks.last_mut().expect("fblocks").pop();
    }

    /// Emits the exit code of one frame block (`compiler_unwind_fblock`).
    fn unwind_fblock(&mut self, block: &FBlock<'a>, preserve_tos: bool) -> CResult {
        match block {
            FBlock::WhileLoop { .. } | FBlock::ExceptionHandler => {}
            FBlock::ForLoop { .. } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
            FBlock::TryExcept => self.unit().pop_handler(),
            FBlock::FinallyTry { body } => {
                self.unit().pop_handler();
                if preserve_tos {
                    self.push_fblock(FBlock::PopValue);
                }
                self.compile_body(body)?;
                if preserve_tos {
                    self.pop_fblock();
                }
            }
            FBlock::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.unit().pop_handler();
                self.emit(Instr::PopExcept);
            }
            FBlock::ExceptionGroupHandler => {
                let range = self.current_range;
                return Err(self.error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    range,
                ));
            }
            FBlock::With { range, is_async } => {
                let saved = self.set_loc(*range);
                self.unit().pop_handler();
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones();
                if *is_async {
                    self.emit(Instr::GetAwaitable(2));
                    self.load_const(Constant::None);
                    self.yield_from_loop();
                }
                self.emit(Instr::PopTop);
                self.restore_loc(saved);
            }
            FBlock::HandlerCleanup { name, range } => {
                if name.is_some() {
                    self.unit().pop_handler();
                }
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.unit().pop_handler();
                self.emit(Instr::PopExcept);
                if let Some(n) = name {
                    self.load_const(Constant::None);
                    self.name_op(n, Ctx::Store, *range)?;
                    self.name_op(n, Ctx::Del, *range)?;
                }
            }
            FBlock::PopValue => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopTop);
            }
        }
        Ok(())
    }

    /// Unwinds frame blocks down to the innermost loop (if `to_loop`) or all
    /// of them, emitting their exit code; returns the loop block found. The
    /// caller emits its transfer and then calls [`Self::restore_unwind`]
    /// with the returned state, since the unwinding code is a side path.
    #[allow(clippy::type_complexity)]
    fn unwind_fblock_stack(
        &mut self,
        preserve_tos: bool,
        to_loop: bool,
    ) -> CResult<(Option<FBlock<'a>>, (Vec<FBlock<'a>>, Vec<u32>))> {
        let saved = (
            self.fblocks.last().expect("fblocks").clone(),
            self.unit().handler_stack.clone(),
        );
        let mut found = None;
        while let Some(top) = self.fblocks.last_mut().expect("fblocks").pop() {
            if to_loop && matches!(top, FBlock::WhileLoop { .. } | FBlock::ForLoop { .. }) {
                found = Some(top);
                break;
            }
            if let Err(e) = self.unwind_fblock(&top, preserve_tos) {
                self.restore_unwind(saved);
                return Err(e);
            }
        }
        Ok((found, saved))
    }

    fn restore_unwind(&mut self, saved: (Vec<FBlock<'a>>, Vec<u32>)) {
        *self.fblocks.last_mut().expect("fblocks") = saved.0;
        self.unit().handler_stack = saved.1;
    }

    pub(super) fn compile_return(&mut self, value: Option<&'a Expr>, range: TextRange) -> CResult {
        if !self.unit_ref().is_function_like() {
            return Err(self.error("'return' outside function", range));
        }
        if value.is_some() && self.unit_ref().flags & crate::code::CodeFlags::ASYNC_GENERATOR != 0 {
            return Err(self.error("'return' with value in async generator", range));
        }
        match value {
            Some(v) => self.compile_expr(v)?,
            None => self.load_const(Constant::None),
        }
        let (_, saved) = self.unwind_fblock_stack(true, false)?;
        self.emit(Instr::ReturnValue);
        self.restore_unwind(saved);
        Ok(())
    }

    pub(super) fn compile_break_continue(&mut self, is_break: bool, range: TextRange) -> CResult {
        let msg = if is_break {
            "'break' outside loop"
        } else {
            "'continue' not properly in loop"
        };
        let (found, saved) = self.unwind_fblock_stack(false, true)?;
        let result = match found {
            Some(FBlock::WhileLoop { start, end }) => {
                self.emit_jump(Instr::Jump(0), if is_break { end } else { start });
                Ok(())
            }
            Some(FBlock::ForLoop { start, end }) => {
                if is_break {
                    self.emit(Instr::PopTop);
                }
                self.emit_jump(Instr::Jump(0), if is_break { end } else { start });
                Ok(())
            }
            _ => Err(self.error(msg, range)),
        };
        self.restore_unwind(saved);
        result
    }

    pub(super) fn compile_while(&mut self, s: &'a StmtWhile) -> CResult {
        let start = self.new_label();
        let anchor = self.new_label();
        let end = self.new_label();
        let body = self.new_label();
        // CPython 3.11 layout: the test at the top, and again at the bottom
        // jumping back into the body, so an iteration costs one jump.
        self.bind(start);
        self.push_fblock(FBlock::WhileLoop { start, end });
        self.jump_if(&s.test, anchor, false)?;
        self.bind(body);
        self.compile_body(&s.body)?;
        let saved = self.set_loc(s.range);
        self.jump_if(&s.test, body, true)?;
        self.restore_loc(saved);
        self.pop_fblock();
        self.bind(anchor);
        self.compile_body(&s.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(super) fn compile_for(&mut self, s: &'a StmtFor) -> CResult {
        if s.is_async {
            return self.compile_async_for(s);
        }
        let start = self.new_label();
        let cleanup = self.new_label();
        let end = self.new_label();
        self.compile_iterable(&s.iter)?;
        self.emit(Instr::GetIter);
        self.bind(start);
        self.push_fblock(FBlock::ForLoop { start, end });
        self.emit_jump(Instr::ForIter(0), cleanup);
        self.compile_store(&s.target)?;
        self.compile_body(&s.body)?;
        self.emit_jump_noline(Instr::Jump(0), start);
        self.pop_fblock();
        self.bind(cleanup);
        self.compile_body(&s.orelse)?;
        self.bind(end);
        Ok(())
    }

    pub(super) fn compile_try(&mut self, s: &'a StmtTry) -> CResult {
        if s.finalbody.is_empty() {
            return self.compile_try_except_dispatch(s);
        }
        let end = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        // CPython's SETUP_FINALLY, a NOP with the `try` line once assembled.
        self.emit(Instr::Nop);
        let depth = self.unit_ref().current_depth();
        self.unit().push_handler(end, depth, false);
        self.push_fblock(FBlock::FinallyTry { body: &s.finalbody });
        if s.handlers.is_empty() {
            self.compile_body(&s.body)?;
        } else {
            self.compile_try_except_dispatch(s)?;
        }
        self.unit().pop_handler();
        self.pop_fblock();
        self.compile_body(&s.finalbody)?;
        self.emit_jump_noline(Instr::Jump(0), exit);
        // Exceptional path.
        self.bind(end);
        let saved = self.unset_loc();
        let depth = self.unit_ref().current_depth();
        self.unit().push_handler(cleanup, depth, true);
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FBlock::FinallyEnd);
        self.compile_body(&s.finalbody)?;
        self.pop_fblock();
        self.emit(Instr::Reraise(0));
        self.restore_loc(saved);
        self.unit().pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        Ok(())
    }

    fn pop_except_and_reraise(&mut self) {
        let saved = self.unset_loc();
        self.emit(Instr::Copy(3));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise(1));
        self.restore_loc(saved);
    }

    fn compile_try_except(&mut self, s: &'a StmtTry) -> CResult {
        let except = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        // CPython's SETUP_FINALLY, a NOP with the `try` line once assembled.
        self.emit(Instr::Nop);
        let depth = self.unit_ref().current_depth();
        self.unit().push_handler(except, depth, false);
        self.push_fblock(FBlock::TryExcept);
        self.compile_body(&s.body)?;
        self.pop_fblock();
        self.unit().pop_handler();
        self.compile_body(&s.orelse)?;
        self.emit_jump_noline(Instr::Jump(0), end);

        self.bind(except);
        let outer = self.unset_loc();
        let depth = self.unit_ref().current_depth();
        self.unit().push_handler(cleanup, depth, true);
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FBlock::ExceptionHandler);
        let n = s.handlers.len();
        for (i, handler) in s.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(h) = handler;
            let saved = self.set_loc(h.range);
            if h.type_.is_none() && i + 1 < n {
                return Err(self.error("default 'except:' must be last", h.range));
            }
            let next = self.new_label();
            if let Some(t) = &h.type_ {
                self.compile_expr(t)?;
                self.emit(Instr::CheckExcMatch);
                self.emit_jump(Instr::PopJumpIfFalse(0), next);
            }
            if let Some(name) = &h.name {
                let cleanup_end = self.new_label();
                self.name_op(&name.id, Ctx::Store, name.range)?;
                let depth = self.unit_ref().current_depth();
                self.unit().push_handler(cleanup_end, depth, true);
                self.push_fblock(FBlock::HandlerCleanup {
                    name: Some(&name.id),
                    range: name.range,
                });
                self.compile_body(&h.body)?;
                self.pop_fblock();
                self.unit().pop_handler();
                self.unit().pop_handler();
                // `name = None; del name`, artificial.
                self.unset_loc();
                self.emit(Instr::PopExcept);
                self.load_const(Constant::None);
                self.name_op(&name.id, Ctx::Store, name.range)?;
                self.name_op(&name.id, Ctx::Del, name.range)?;
                self.emit_jump(Instr::Jump(0), end);
                // Restore the handler for the remaining clauses.
                let idx = self.cleanup_handler_index(cleanup);
                self.unit().handler_stack.push(idx);
                self.bind(cleanup_end);
                self.load_const(Constant::None);
                self.name_op(&name.id, Ctx::Store, name.range)?;
                self.name_op(&name.id, Ctx::Del, name.range)?;
                self.emit(Instr::Reraise(1));
            } else {
                self.emit(Instr::PopTop);
                self.push_fblock(FBlock::HandlerCleanup {
                    name: None,
                    range: h.range,
                });
                self.compile_body(&h.body)?;
                self.pop_fblock();
                self.unit().pop_handler();
                self.unset_loc();
                self.emit(Instr::PopExcept);
                self.emit_jump(Instr::Jump(0), end);
                let idx = self.cleanup_handler_index(cleanup);
                self.unit().handler_stack.push(idx);
            }
            self.restore_loc(saved);
            self.bind(next);
        }
        self.pop_fblock();
        self.unset_loc();
        self.emit(Instr::Reraise(0));
        self.unit().pop_handler();
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(end);
        self.restore_loc(outer);
        Ok(())
    }

    /// The handler-table index of the handler targeting `label`.
    fn cleanup_handler_index(&self, label: Label) -> u32 {
        self.unit_ref()
            .handlers
            .iter()
            .rposition(|h| h.label == label)
            .unwrap_or(0) as u32
    }

    /// `__exit__(None, None, None)` with the bound exit under the stack top.
    pub(super) fn call_exit_with_nones(&mut self) {
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.load_const(Constant::None);
        self.emit(Instr::Call(2));
    }

    pub(super) fn compile_with(&mut self, s: &'a StmtWith, pos: usize) -> CResult {
        let item = &s.items[pos];
        let final_ = self.new_label();
        let exit = self.new_label();
        let cleanup = self.new_label();
        let saved = self.set_loc(item.range());
        self.compile_expr(&item.context_expr)?;
        if s.is_async {
            self.check_async("'async with' outside async function", s.range)?;
            self.emit(Instr::BeforeAsyncWith);
            self.emit(Instr::GetAwaitable(1));
            self.load_const(Constant::None);
            self.yield_from_loop();
        } else {
            self.emit(Instr::BeforeWith);
        }
        let depth = self.unit_ref().current_depth().saturating_sub(1);
        self.unit().push_handler(final_, depth, true);
        self.push_fblock(FBlock::With {
            range: s.range,
            is_async: s.is_async,
        });
        match &item.optional_vars {
            Some(target) => self.compile_store(target)?,
            None => self.emit(Instr::PopTop),
        }
        if pos + 1 == s.items.len() {
            self.compile_body(&s.body)?;
        } else {
            self.compile_with(s, pos + 1)?;
        }
        self.set_loc(s.range);
        self.unit().pop_handler();
        self.pop_fblock();
        self.call_exit_with_nones();
        if s.is_async {
            self.emit(Instr::GetAwaitable(2));
            self.load_const(Constant::None);
            self.yield_from_loop();
        }
        self.emit(Instr::PopTop);
        self.emit_jump(Instr::Jump(0), exit);

        self.bind(final_);
        let depth = self.unit_ref().current_depth();
        self.unit().push_handler(cleanup, depth, true);
        self.emit(Instr::PushExcInfo);
        self.emit(Instr::WithExceptStart);
        if s.is_async {
            self.emit(Instr::GetAwaitable(2));
            self.load_const(Constant::None);
            self.yield_from_loop();
        }
        let suppress = self.new_label();
        self.emit_jump(Instr::PopJumpIfTrue(0), suppress);
        self.emit(Instr::Reraise(2));
        self.bind(suppress);
        self.emit(Instr::PopTop);
        self.unit().pop_handler();
        self.emit(Instr::PopExcept);
        self.emit(Instr::PopTop);
        self.emit(Instr::PopTop);
        self.emit_jump(Instr::Jump(0), exit);
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(exit);
        self.restore_loc(saved);
        Ok(())
    }

    /// `async` constructs are only valid in coroutines.
    pub(super) fn check_async(&self, msg: &str, range: TextRange) -> CResult {
        let flags = self.unit_ref().flags;
        let coroutine = crate::code::CodeFlags::COROUTINE | crate::code::CodeFlags::ASYNC_GENERATOR;
        if self.unit_ref().is_function_like() && flags & coroutine != 0 {
            Ok(())
        } else {
            Err(self.error(msg, range))
        }
    }

    fn compile_try_except_dispatch(&mut self, s: &'a StmtTry) -> CResult {
        if s.is_star {
            self.compile_try_star_except(s)
        } else {
            self.compile_try_except(s)
        }
    }

    fn compile_async_for(&mut self, s: &'a StmtFor) -> CResult {
        self.check_async("'async for' outside async function", s.range)?;
        let start = self.new_label();
        let except = self.new_label();
        let end = self.new_label();
        self.compile_expr(&s.iter)?;
        self.emit(Instr::GetAIter);
        self.bind(start);
        self.push_fblock(FBlock::ForLoop { start, end });
        let depth = self.unit_ref().current_depth();
        self.unit().push_handler(except, depth, false);
        self.emit(Instr::GetANext);
        self.load_const(Constant::None);
        self.yield_from_loop();
        self.unit().pop_handler();
        self.compile_store(&s.target)?;
        self.compile_body(&s.body)?;
        self.emit_jump_noline(Instr::Jump(0), start);
        self.pop_fblock();
        self.bind(except);
        let saved = self.set_loc(s.iter.range());
        self.emit(Instr::EndAsyncFor);
        self.restore_loc(saved);
        self.compile_body(&s.orelse)?;
        self.bind(end);
        Ok(())
    }

    /// `try: ... except* T as e: ...` (CPython 3.11 `compiler_try_star_except`).
    fn compile_try_star_except(&mut self, s: &'a StmtTry) -> CResult {
        let except = self.new_label();
        let orelse = self.new_label();
        let end = self.new_label();
        let cleanup = self.new_label();
        let reraise_star = self.new_label();
        let depth = self.unit_ref().current_depth();
        self.unit().push_handler(except, depth, false);
        self.push_fblock(FBlock::TryExcept);
        self.compile_body(&s.body)?;
        self.pop_fblock();
        self.unit().pop_handler();
        self.emit_jump(Instr::Jump(0), orelse);

        self.bind(except);
        let depth = self.unit_ref().current_depth();
        self.unit().push_handler(cleanup, depth, true);
        let cleanup_idx = self.cleanup_handler_index(cleanup);
        self.emit(Instr::PushExcInfo);
        self.push_fblock(FBlock::ExceptionGroupHandler);
        let n = s.handlers.len();
        for (i, handler) in s.handlers.iter().enumerate() {
            let ExceptHandler::ExceptHandler(h) = handler;
            let saved = self.set_loc(h.range);
            let next_except = self.new_label();
            let except_with_error = self.new_label();
            let no_match = self.new_label();
            if i == 0 {
                self.emit(Instr::Copy(1));
                self.emit(Instr::BuildList(0));
                self.emit(Instr::Swap(2));
            }
            if let Some(t) = &h.type_ {
                self.compile_expr(t)?;
                self.emit(Instr::CheckEgMatch);
                self.emit(Instr::Copy(1));
                self.emit_jump(Instr::PopJumpIfNone(0), no_match);
            }
            let cleanup_end = self.new_label();
            match &h.name {
                Some(name) => self.name_op(&name.id, Ctx::Store, name.range)?,
                None => self.emit(Instr::PopTop),
            }
            let depth = self.unit_ref().current_depth();
            self.unit().push_handler(cleanup_end, depth, true);
            self.push_fblock(FBlock::HandlerCleanup {
                name: h.name.as_ref().map(|n| &*n.id),
                range: h.range,
            });
            self.compile_body(&h.body)?;
            self.pop_fblock();
            self.unit().pop_handler();
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.name_op(&name.id, Ctx::Store, name.range)?;
                self.name_op(&name.id, Ctx::Del, name.range)?;
            }
            self.emit_jump(Instr::Jump(0), next_except);
            self.bind(cleanup_end);
            if let Some(name) = &h.name {
                self.load_const(Constant::None);
                self.name_op(&name.id, Ctx::Store, name.range)?;
                self.name_op(&name.id, Ctx::Del, name.range)?;
            }
            self.emit(Instr::ListAppend(3));
            self.emit(Instr::PopTop);
            self.emit_jump(Instr::Jump(0), except_with_error);
            self.bind(next_except);
            self.emit(Instr::Nop);
            self.emit_jump(Instr::Jump(0), except_with_error);
            self.bind(no_match);
            self.emit(Instr::PopTop);
            self.bind(except_with_error);
            if i + 1 == n {
                self.emit(Instr::ListAppend(1));
                self.emit_jump(Instr::Jump(0), reraise_star);
            }
            self.restore_loc(saved);
        }
        self.pop_fblock();
        let reraise = self.new_label();
        self.bind(reraise_star);
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::Copy(1));
        self.emit_jump(Instr::PopJumpIfNotNone(0), reraise);
        self.emit(Instr::PopTop);
        self.unit().pop_handler();
        self.emit(Instr::PopExcept);
        self.emit_jump(Instr::Jump(0), end);
        self.unit().handler_stack.push(cleanup_idx);
        self.bind(reraise);
        self.unit().pop_handler();
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise(0));
        self.bind(cleanup);
        self.pop_except_and_reraise();
        self.bind(orelse);
        self.compile_body(&s.orelse)?;
        self.bind(end);
        Ok(())
    }
}
