//! # pymm_mem — CPython 3.11's memory manager as a Rust library
//!
//! (crate docs: see the end of this file's doc block, filled in below)

pub mod gc;
mod handle;
mod header;
mod object;
pub mod obmalloc;
mod preheader;
mod runtime;
mod typeinfo;
mod visit;
pub mod weakref;

pub use handle::{Finalize, Gc, Trace, Weak};
pub use header::{GcHead, ObjHeader};
pub use object::{Obj, ObjRef, TRASH_UNWIND_LEVEL};
pub use obmalloc::{AllocError, AllocatorMode, Domain, Heap};
pub use preheader::PreHeader;
pub use runtime::{
    AllocEvent, AllocHook, CollectionInfo, HostHooks, Phase, allocated_blocks, allocator_mode,
    heap_limit, set_alloc_hook, set_heap_limit, set_host_hooks, with_heap,
};
pub use typeinfo::{
    Body, BodyVTable, ClearFn, FinalizeFn, TraverseFn, TypeFlags, TypeInfo, UntrackHintFn, VarBody,
    WeakListFn,
};
pub use visit::{Visitor, traverse};
