//! # pymm_vm — the pymm interpreter
//!
//! CPython 3.11's object model on [`pymm_mem`]: every value is a pymm_mem object whose
//! body mirrors the CPython struct (see [`object`]), reference counted, with container
//! types tracked by the cycle collector exactly where CPython tracks them. Code comes
//! from [`pymm_compiler`]; [`eval`] runs it with CPython 3.11's stack discipline.
//!
//! The interpreter state is per thread ([`state`]); objects never cross threads.
//!
//! ## `unsafe`
//!
//! All memory-management `unsafe` lives in `pymm_mem`. This crate has exactly one other
//! kind: the `math` module calls the system C maths library (glibc's `asinh`, `erf`,
//! `cbrt`, ...) through `extern "C"` declarations, because CPython's `math` module calls
//! those same functions and their results (which are not always correctly rounded) are
//! what Python programs print. The functions take and return plain `f64`s; `cbrt` is
//! looked up with `dlsym` because Rust's own `cbrt` shadows libm's at link time. Each
//! block carries its `// SAFETY:` argument (`modules.rs`).

// Calls build their argument slices as `&[x.clone()]`: the clone is the reference the
// callee receives, as in CPython's vectorcall, and reads the same for every arity.
#![allow(clippy::cloned_ref_to_slice_refs)]

pub mod array;
pub mod builtins;
pub mod bytearray;
pub mod call;
pub mod dict;
pub mod eval;
pub mod exc;
pub mod format;
pub mod frame;
pub mod functions;
pub mod genobj;
pub mod int;
pub mod iter;
pub mod memoryview;
pub mod methods;
pub mod modules;
pub mod mt;
pub mod object;
pub mod ops;
pub mod seq;
pub mod state;
pub mod str;
pub mod suggest;
pub mod tracemalloc;
pub mod typeobj;
pub mod weakrefs;

pub use exc::{Exc, R};
pub use pymm_mem::ObjRef;
pub use state::{Interp, RunOutcome};
