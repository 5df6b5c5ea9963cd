//! # pymm_vm — the pymm interpreter
//!
//! CPython 3.11's object model on [`pymm_mem`]: every value is a pymm_mem object whose
//! body mirrors the CPython struct (see [`object`]), reference counted, with container
//! types tracked by the cycle collector exactly where CPython tracks them. Code comes
//! from [`pymm_compiler`]; [`eval`] runs it with CPython 3.11's stack discipline.
//!
//! The interpreter state is per thread ([`state`]); objects never cross threads.
//!
//! ## How CPython's memory behaviour is reproduced
//!
//! - **Layouts and sizes.** Bodies follow CPython's structs where `sys.getsizeof`
//!   depends on them: int (30-bit digits), str (PEP 393 kinds), bytes, tuple, list
//!   (`list_resize`), dict (compact table, keys kind, `3 * used` growth), set,
//!   bytearray and `array.array` (their own growth policies).
//!   [`modules::basic_sizeof`] adds what CPython's `__sizeof__` adds.
//! - **Instances.** An instance of a class whose base is `object` is one 64-byte block
//!   (pre-header, GC head, header, weak list, attribute storage), as in CPython 3.11.
//!   Attributes live in the inline values array (`pymm_mem::InlineValues`, sized by
//!   the class's shared keys and their shrinking `dk_usable` room; see
//!   `typeobj::inline_set`) until `__dict__` is asked for or the keys run out of
//!   room. A `gc.collect()` therefore finds one object per plain instance, and
//!   traverses its values in key order, as CPython does.
//! - **Classes.** A class is a heap type as in CPython: its instances own a reference
//!   to it (pymm_mem's `TypeInfo::leak_with_type_object`), its MRO is a real tuple, it
//!   gets `__dict__`/`__weakref__` getset descriptors and `__slots__` member
//!   descriptors, its bases know it through weak references (`__subclasses__`), and
//!   `cls.__dict__` is a `mappingproxy`. A deleted class is freed by the collector with
//!   the same six objects CPython finds; `__basicsize__` and friends follow
//!   `type_new_descriptors`' arithmetic.
//! - **Calls.** Where CPython 3.11 calls through `tp_call` (classes, `str`/`int`/...,
//!   callable instances, METH_VARARGS built-ins) an argument tuple and keyword dict are
//!   built and held for the call (`call::TpCallArgs`), so the tuple and dict free lists
//!   and `gc.get_count()` move as in CPython.
//! - **Reference counts.** Arguments, keyword arguments and captured arguments move
//!   into the callee's frame and cells, so `sys.getrefcount` sees what CPython's
//!   vectorcall leaves. Statically allocated objects start at 999,999,999; None, True
//!   and False at CPython's start-up counts. Equal constants of one compilation are one
//!   object, and a running script's parse tree holds one more reference to each, as
//!   CPython's AST arena does.
//! - **Hash tables.** Dicts keep CPython's keys kinds and growth; set tables are filled
//!   as `setobject.c` fills them (probing, `set_merge`), so iteration orders and sizes
//!   match.
//! - **Collector.** The collector is pymm_mem's. This crate supplies:
//!   - the traverse order: lists and tuples last to first; dict values then keys; slots, values, then type;
//!   - the tracking rules: static types untracked, tuples untracked lazily, dicts by content;
//!   - the free lists: float, tuple, list and dict, through `TypeInfo::freelist`;
//!   - the hooks: gc.callbacks, gc.garbage, DEBUG output on `sys.stderr`, weakref callbacks.
//! - **Finalization.** `__del__` is a `tp_finalize`. Errors in it go to
//!   `sys.unraisablehook`. At exit, the modules leave `sys.modules` and a collection
//!   runs the finalizers, as `finalize_modules` does.
//! - **Speed.** A type lookup cache holds no attribute values (so it keeps nothing
//!   alive). Per-class attribute flags let instance loads and stores skip the
//!   descriptor search. Calls of plain functions bind arguments straight from the
//!   value stack.
//!
//! The differential corpus (`tests/corpus/`, run by `cargo test -p pymm_cli`) holds
//! this to CPython 3.11.7's output. `tests/corpus/wishlist/` lists what pymm does not
//! reproduce yet.
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
pub mod escapes;
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
pub mod posix;
pub mod seq;
pub mod sre;
pub mod state;
mod static_strings;
pub mod str;
pub mod structmod;
pub mod suggest;
pub mod trace;
pub mod traceback;
pub mod tracemalloc;
pub mod typeobj;
mod unicase;
pub mod weakrefs;
pub mod widecodecs;

pub use exc::{Exc, R};
pub use pymm_mem::ObjRef;
pub use state::{Interp, RunOutcome};
