//! # pymm_compiler — Python 3.11 source to pymm bytecode
//!
//! ## Pipeline
//!
//! 1. **Parse** (`parse.rs`): ruff's parser (`ruff_python_parser =0.0.10`,
//!    target version 3.11) builds the AST. Its first error, or any syntax
//!    newer than 3.11 (PEP 695 `type`/type parameters, PEP 701-only
//!    f-strings, ...), becomes a [`CompileError`] worded like CPython's.
//!    Only this crate touches ruff's types.
//! 2. **Symbol table** (`symtable.rs`): CPython's `symtable.c` two-pass
//!    analysis — every name in every scope (module, class, function,
//!    lambda, comprehension) resolved to local / global (explicit or
//!    implicit) / free / cell; the implicit `__class__` cell; scope errors
//!    (`nonlocal` at module level, `no binding for nonlocal`, use before
//!    `global`, `'yield' outside function`, ...).
//! 3. **Code generation** (`compile/`): CPython 3.11's `compile.c` layouts,
//!    statement by statement, into one [`CodeObject`] per scope, with the
//!    stack depth tracked while emitting and dead code after
//!    `return`/`raise`/jumps dropped.
//! 4. **Assembly** (`compile/unit.rs`): labels resolved to absolute
//!    instruction indexes, the exception table built from the compile-time
//!    handler stack, `max_stackdepth` recorded.
//! 5. **Verification** ([`verify()`], optional): a flow pass over every
//!    path and handler edge checking consistent stack depths, operand
//!    ranges and targets — the tests run it on everything they compile.
//!
//! ## The bytecode model
//!
//! [`Instr`] is a `Copy` enum of at most 8 bytes with full `u32` operands (no
//! `EXTENDED_ARG`, no `CACHE` slots), dispatched with one `match`. Semantics
//! are CPython 3.11's (`dis` docs): calls push `NULL`/callable or
//! method/self, then the arguments, optionally `KW_NAMES`, then `CALL n`;
//! `BINARY_OP` carries the operator (in-place variants included); locals are
//! fast slots, cells and free variables are "deref" slots (`cellvars ++
//! freevars`), created by `MAKE_CELL`/`COPY_FREE_VARS` in each code's
//! prologue; generators start with `RETURN_GENERATOR; POP_TOP`.
//! Every instruction has a [`Location`] (line, end line, column, end column)
//! for 3.11-style traceback carets. Each opcode's stack effect is documented
//! on its variant and computable with [`Instr::stack_effect`].
//!
//! ## Exceptions: the zero-cost table
//!
//! As in CPython 3.11 (`Objects/exception_handling_notes.txt`), there are no
//! `SETUP_*`/`POP_BLOCK` instructions at run time. Each code object has an
//! [`ExceptionTableEntry`] list: when the instruction at index `i` raises,
//! the VM finds the entry with `start <= i < end` ([`CodeObject::handler_for`]),
//! pops the value stack to `depth`, pushes `i` (as an int) if `push_lasti`,
//! pushes the exception and continues at `target`. No entry: the frame
//! unwinds. `RERAISE n` restores `lasti` from the stack so tracebacks point
//! at the original instruction.
//!
//! ## Where pymm differs from CPython 3.11
//!
//! * Jump operands are absolute instruction indexes; there is no
//!   `PRECALL`, `RESUME`, `CACHE`, `EXTENDED_ARG`, `JUMP_BACKWARD*`
//!   (backward jumps are plain [`Instr::Jump`]s to an earlier index).
//! * Deref indexes count from the first cellvar, not from `localsplus`; the
//!   cells that are arguments are listed in [`CodeObject::cell2arg`].
//! * `SyntaxError.offset` is a 1-based *character* column; instruction
//!   columns are 0-based UTF-8 *byte* columns (as `co_positions()`).
//! * Optimisations: CPython's AST constant folding (`ast_opt.c`, same size
//!   limits, so `co_consts` match), constant conditions (`while True:`,
//!   `if 0:`) compiled to plain jumps, dead code after
//!   `return`/`raise`/jumps dropped, `NOP`s and jumps-to-next removed, and one
//!   superinstruction, [`Instr::LoadGlobalNull`] (`PUSH_NULL; LOAD_GLOBAL`).
//!   `while` conditions are tested at the top and again at the bottom and
//!   `"%s" % (x,)` becomes f-string code, as in CPython 3.11. CPython's CFG
//!   peepholes (jump threading, ...) are not done, so instruction counts
//!   differ; the semantics do not.
//! * Frozenset constants keep their elements in source order.
//! * Everything in Python 3.11 compiles: `match` (PEP 634), `except*`,
//!   `async def`/`await`/`async for`/`async with`/async comprehensions.
//!   Source must be valid UTF-8 (no PEP 263 coding cookies for other
//!   encodings); strings with lone surrogates are rejected by the parser.
//!
//! ## How it is checked
//!
//! `tests/`: insta snapshots of disassembly, CPython's error messages and
//! positions for ~80 invalid programs, a differential test that every code
//! object's name, qualname, first line, argument counts, varnames, cellvars,
//! freevars and flags equal CPython's (tens of thousands of code objects
//! from the stdlib and its test suite), a sweep compiling and verifying
//! every stdlib module, and proptest fuzzing (no panics, verifier-clean).

#![forbid(unsafe_code)]
// Nested `if let` reads closer to CPython's compile.c than let-chains.
#![allow(clippy::collapsible_if, clippy::collapsible_match)]

pub mod anchors;
pub mod bytecode;
pub mod code;
mod compile;
pub mod dis;
pub mod error;
mod parse;
pub mod source;
mod symtable;
pub mod verify;

pub use bytecode::{BinaryOperator, ComparisonOperator, Conversion, Instr, quicken};
pub use code::{CodeFlags, CodeObject, Constant, ExceptionTableEntry, Location};
pub use compile::{CompileOptions, Mode, compile, compile_with};
pub use dis::disassemble;
pub use error::{CompileError, ErrorKind};
pub use verify::verify;
