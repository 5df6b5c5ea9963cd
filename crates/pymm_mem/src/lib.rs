//! # pymm_mem — CPython 3.11's memory manager as a Rust library
//!
//! pymm_mem reimplements the memory management of CPython 3.11, layout for
//! layout and algorithm for algorithm, so that an interpreter built on it
//! reports the numbers CPython reports (`sys.getsizeof`, `gc.get_count()`,
//! `gc.collect()`, `sys._debugmallocstats()`), and so that plain Rust programs
//! can use a fast, non-recursive, CPython-compatible cycle collector.
//!
//! ## Layers, bottom up
//!
//! | module | what | CPython source it follows |
//! |---|---|---|
//! | [`obmalloc`] | the small-object allocator: 32 size classes of 16 bytes up to 512, 16 KiB pools, 1 MiB arenas, `usable_arenas` sorted by free pools, empty arenas unmapped (by a helper thread unless [`obmalloc::set_background_unmap`] says otherwise), full pools leaving `usedpools` lazily with CPython's block order kept, the arena-map radix tree, statistics in `sys._debugmallocstats()` form, an allocation hook, a heap cap | `Objects/obmalloc.c` |
//! | [`ObjHeader`], [`GcHead`], [`PreHeader`] | the 16-byte object header (refcount, type), the 16-byte GC head of containers with CPython's flag packing, the managed-dict pre-header | `Include/object.h`, `Include/internal/pycore_gc.h`, `pycore_object.h` |
//! | [`TypeInfo`] | per-type hooks: traverse, clear, finalize (PEP 442), legacy `tp_del`, weak-list offset, untrack hint | `Include/cpython/object.h` |
//! | [`ObjRef`], [`Obj`] | strong and borrowed references; immediate deallocation when the count reaches zero, in `subtype_dealloc` order, with the trashcan so that freeing a 1,000,000-deep structure uses constant native stack | `Objects/object.c`, `Objects/typeobject.c` |
//! | [`HeapBox`] | an owned value in a heap block, seen by the allocation hook and the block counts | `PyMem_Malloc` |
//! | [`SetTable`] | a set's hash table with CPython's eight-slot `smalltable` inline in the object, a heap block past that | `Objects/setobject.c` |
//! | [`SlotBuf`] | a frame's variables and value stack (`localsplus`): a system buffer for calls, a heap block for a generator's frame | `Include/internal/pycore_frame.h`, `Objects/genobject.c` |
//! | [`HeapVec`], [`InlineValues`] | a container's item block (`ob_item`, a dict's tables) resized with `PyMem_Realloc`; an instance's values array (`PyDictValues`, sized by the class's shared keys) with its `__slots__` values | `Objects/listobject.c`, `Objects/dictobject.c` |
//! | [`gc`] | the generational cycle collector: generations 0–2 plus the permanent one, thresholds (700, 10, 10), the 25% long-lived rule, `update_refs`/`subtract_refs`/`move_unreachable` (fused into two walks of the list in a full collection with nothing frozen, `untrack_tuples`/`untrack_dicts` folded into the second: same results, a third of CPython's list walks), finalizers run once, resurrection (CPython's second `deduce_unreachable` over the garbage is skipped when no finalizer, weakref callback or debug output ran, since nothing can have been resurrected), `tp_clear`, `DEBUG_SAVEALL`, uncollectable legacy finalizers, callbacks and per-generation stats, freeze, referrers and referents; where the references of the collected generation are scattered in memory (sampled per collection, or forced with [`gc::set_prefetch`]), both walks prefetch the objects they are about to visit and visit them a little later in the same order, which keeps every result and list order CPython's | `Modules/gcmodule.c` |
//! | [`weakref`] | weak references with callbacks, cleared on death in CPython's order | `Objects/weakrefobject.c` |
//! | [`Gc`], [`Weak`], [`Trace`] | a safe typed API for plain Rust: an object is GC head + header + weak list + value (the "value dropped by the collector" state is a GC-head bit), and types without finalizers, free lists or type objects take short allocation and deallocation paths (one flag test; blocks freed by their known size class, without the arena lookup) | — |
//!
//! ## Threads
//!
//! Every thread has its own heap and collector (the runtime state is
//! per thread, created on first use); objects are `!Send` and live and die on
//! the thread that made them. This is CPython's model with one interpreter
//! per thread and no shared objects.
//!
//! ## The safe API
//!
//! ```
//! use std::cell::RefCell;
//! use pymm_mem::{Gc, Trace, Visitor, gc};
//!
//! struct Node {
//!     next: RefCell<Option<Gc<Node>>>,
//! }
//! // SAFETY: `trace` visits exactly the strong handles the node owns.
//! unsafe impl Trace for Node {
//!     fn trace(&self, v: &mut Visitor<'_>) {
//!         self.next.trace(v);
//!     }
//! }
//!
//! gc::collect(2);
//! let a = Gc::new(Node { next: RefCell::new(None) });
//! let b = Gc::new(Node { next: RefCell::new(Some(a.clone())) });
//! *a.next.borrow_mut() = Some(b.clone()); // a <-> b: a reference cycle
//! let weak = Gc::downgrade(&a);
//! drop((a, b));
//! assert!(!weak.is_dead()); // reference counting cannot free a cycle...
//! assert_eq!(gc::collect(2), 2); // ...the collector finds both nodes
//! assert!(weak.is_dead());
//! ```
//!
//! A handle to a value the collector has already cleared can only be reached
//! from other garbage (for example from a finalizer); dereferencing it panics
//! with a clear message, never reads freed memory. `unsafe` is confined to
//! this crate; every block carries a `// SAFETY:` argument, and the test
//! binaries run clean under valgrind (`scripts/valgrind.sh`).
//!
//! `cargo run --release -p pymm_mem --example graph` builds a small social
//! graph with cycles, weak references and finalizers and prints what the
//! collector finds, generation by generation.

mod dictkeys;
mod freelist;
pub mod gc;
mod handle;
mod header;
mod heapbox;
mod heapvec;
mod object;
pub mod obmalloc;
mod preheader;
pub mod process;
mod runtime;
mod settable;
mod slotbuf;
mod typeinfo;
mod values;
mod visit;
pub mod weakref;

pub use dictkeys::{DKIX_DUMMY, DKIX_EMPTY, DictKeys, usable_fraction};
pub use handle::{Finalize, Gc, Trace, Weak};
pub use header::{GcHead, ObjHeader};
pub use heapbox::HeapBox;
pub use heapvec::{HeapItem, HeapVec};
pub use object::{Obj, ObjRef, TRASH_UNWIND_LEVEL};
pub use obmalloc::{AllocError, AllocatorMode, Domain, Heap};
pub use preheader::PreHeader;
pub use runtime::{
    AllocEvent, AllocHook, CollectionInfo, HostHooks, Phase, allocated_blocks, allocator_mode,
    clear_freelists, freelist_len, heap_limit, set_alloc_hook, set_heap_limit, set_host_hooks,
    with_heap,
};
pub use settable::SetTable;
pub use slotbuf::{Drain, Slot, SlotBuf};
pub use typeinfo::{
    Body, BodyVTable, ClearFn, FinalizeFn, FreeListSpec, TraverseFn, TypeFlags, TypeInfo,
    UntrackHintFn, VarBody, WeakListFn,
};
pub use values::InlineValues;
pub use visit::{Visitor, traverse};
