//! # pymm_vm — the pymm interpreter
//!
//! CPython 3.11's object model on [`pymm_mem`]: every value is a pymm_mem object whose
//! body mirrors the CPython struct (see [`object`]), reference counted, with container
//! types tracked by the cycle collector exactly where CPython tracks them. Code comes
//! from [`pymm_compiler`]; [`eval`] runs it with CPython 3.11's stack discipline.
//!
//! The interpreter state is per thread ([`state`]); objects never cross threads.

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
