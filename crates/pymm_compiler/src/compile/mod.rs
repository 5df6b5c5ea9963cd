//! Code generation: the ruff AST to [`CodeObject`]s, following CPython
//! 3.11's `Python/compile.c` statement by statement.
//!
//! * `unit.rs` — one code object under construction (emission, labels,
//!   stack depth, handler stack, assembly);
//! * `stmt.rs` — statements and assignment targets;
//! * `expr.rs` — expressions, calls, f-strings;
//! * `scope.rs` — functions, lambdas, classes, comprehensions (nested units);
//! * `fold.rs` — constant folding (CPython's `ast_opt.c`);
//! * `percent_format.rs` — `"%s" % (x,)` as f-string code (CPython's
//!   `optimize_format`);
//! * `pattern.rs` — `match` statements and patterns;
//! * `flow.rs` — loops, `try`, `with`, and the frame-block (`fblock`) stack
//!   that `break`/`continue`/`return` unwind.
//! * `compiler.rs` — the shared [`Compiler`] state, [`compile`], names;

mod compiler;
mod expr;
mod flow;
mod fold;
mod pattern;
mod percent_format;
mod scope;
mod stmt;
mod unit;

pub(crate) use compiler::MAX_NESTING;
pub use compiler::{CompileOptions, Mode, compile, compile_with};
