//! The per-thread runtime: one private heap, one collector state, the trashcan
//! and the hooks an embedding interpreter installs.
//!
//! CPython keeps this state per interpreter (`PyInterpreterState.gc`,
//! `_PyRuntime.obmalloc`) and per thread (`tstate->trash_delete_nesting`).
//! pymm_mem keeps all of it per thread: objects are `!Send`, so every object
//! lives and dies on the thread whose heap holds it. The state is created on
//! first use and reached through one thread-local pointer.
//!
//! Re-entrancy rule: no `&mut` into the runtime is ever held across a call to
//! a type hook, a finalizer or a host hook; all mutable state is in `Cell`s,
//! and the heap is borrowed mutably only inside allocator calls, which never
//! call out.

use core::cell::{Cell, RefCell, UnsafeCell};
use core::ptr::NonNull;
use std::any::Any;
use std::rc::Rc;

use crate::freelist::FreeLists;
use crate::gc::state::GcState;
use crate::header::GcHead;
use crate::obmalloc::{AllocError, AllocatorMode, Domain, Heap};
use crate::typeinfo::{TypeInfo, TypeObjectSlot};

/// What an allocation hook is told.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllocEvent {
    /// A block of `size` bytes was allocated at `ptr`.
    Alloc {
        /// Block address.
        ptr: usize,
        /// Requested size.
        size: usize,
        /// Allocation domain.
        domain: Domain,
    },
    /// The block at `ptr` was freed.
    Free {
        /// Block address.
        ptr: usize,
        /// Allocation domain.
        domain: Domain,
    },
}

/// An allocation hook: called after every allocation and before every free of the heap
/// (tracemalloc's view). It must not allocate from the pymm heap itself.
pub type AllocHook = fn(AllocEvent);

/// Where a collection is, for [`HostHooks::on_collection`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// Before the collection (`collected` and `uncollectable` are 0).
    Start,
    /// After the collection.
    Stop,
}

/// What the collection callbacks are told (CPython's `info` dict).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CollectionInfo {
    /// The generation collected.
    pub generation: usize,
    /// Objects collected (0 at Start).
    pub collected: usize,
    /// Objects found uncollectable (0 at Start).
    pub uncollectable: usize,
}

/// Hooks an embedding runtime installs; each is optional.
#[derive(Default, Clone)]
#[allow(clippy::type_complexity)]
pub struct HostHooks {
    /// `gc.callbacks`: called at the start and the end of every collection.
    pub on_collection: Option<Rc<dyn Fn(Phase, CollectionInfo)>>,
    /// Where the `DEBUG_*` lines go (CPython writes them to `sys.stderr`). Default: stderr.
    pub debug_write: Option<Rc<dyn Fn(&str)>>,
    /// Receives the objects the collector puts in `gc.garbage`. Default: an internal list
    /// read by [`crate::gc::garbage`].
    pub garbage: Option<Rc<dyn Fn(crate::ObjRef)>>,
    /// Called at the end of every full collection (CPython clears its free lists there).
    pub full_collection_done: Option<Rc<dyn Fn()>>,
    /// Calls a weak-reference callback object that is not a Rust closure made by pymm_mem:
    /// `(callback, weakref)`.
    pub call_weakref_callback: Option<Rc<dyn for<'a> Fn(crate::Obj<'a>, crate::Obj<'a>)>>,
    /// Automatic collections are skipped while this returns false (CPython: an exception is
    /// pending).
    pub may_collect: Option<Rc<dyn Fn() -> bool>>,
}

impl core::fmt::Debug for HostHooks {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HostHooks")
            .field("on_collection", &self.on_collection.is_some())
            .field("debug_write", &self.debug_write.is_some())
            .field("garbage", &self.garbage.is_some())
            .field("full_collection_done", &self.full_collection_done.is_some())
            .field(
                "call_weakref_callback",
                &self.call_weakref_callback.is_some(),
            )
            .field("may_collect", &self.may_collect.is_some())
            .finish()
    }
}

/// The whole per-thread state.
pub(crate) struct Runtime {
    heap: UnsafeCell<Heap>,
    pub(crate) gc: GcState,
    /// `tstate->trash_delete_nesting`.
    pub(crate) trash_nesting: Cell<isize>,
    /// `tstate->trash_delete_later`: objects whose deallocation was deferred, linked through
    /// the pointer part of their `_gc_prev`.
    pub(crate) trash_later: Cell<*const GcHead>,
    alloc_hook: Cell<Option<AllocHook>>,
    pub(crate) hooks: RefCell<HostHooks>,
    /// A panic caught inside a hook while the collector or a deallocation was running; it is
    /// resumed once the runtime's structures are consistent again.
    pub(crate) pending_panic: RefCell<Option<Box<dyn Any + Send>>>,
    /// Whether `pending_panic` holds one (tested on every deallocation).
    pub(crate) has_pending_panic: Cell<bool>,
    /// Free lists: per type (by descriptor address), one stack of dead blocks per slot.
    freelists: FreeLists,
    /// CPython's `keys_free_list`: blocks of dead 8-slot unicode dict tables, at most
    /// [`crate::dictkeys::KEYS_FREELIST_MAX`] (see [`crate::DictKeys`]).
    pub(crate) dict_keys_free: RefCell<Vec<NonNull<u8>>>,
    /// The descriptors of run-time types, by the address of their type object
    /// ([`TypeInfo::leak_with_type_object`]), retired when that object is freed.
    type_objects: RefCell<std::collections::HashMap<usize, Vec<&'static TypeObjectSlot>>>,
}

/// Every descriptor leaked for a run-time type, live or retired, in any thread: they are
/// never freed (a `&'static TypeInfo` may be held anywhere, even after its thread's
/// runtime is gone), so they are kept reachable here, deliberately.
static LEAKED_DESCRIPTORS: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());

impl Runtime {
    /// Records that `info`, whose `slot` refers to the type object at `addr`, was leaked.
    pub(crate) fn register_type_object(
        &self,
        addr: usize,
        slot: &'static TypeObjectSlot,
        info: &'static TypeInfo,
    ) {
        LEAKED_DESCRIPTORS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner)
            .push(core::ptr::from_ref(info) as usize);
        self.type_objects
            .borrow_mut()
            .entry(addr)
            .or_default()
            .push(slot);
    }

    /// The type object at `addr` is being deallocated: its descriptors are retired.
    pub(crate) fn retire_type_object(&self, addr: usize) {
        let slots = self.type_objects.borrow_mut().remove(&addr);
        for s in slots.into_iter().flatten() {
            s.retire();
        }
    }
}

thread_local! {
    static RUNTIME: Cell<*const Runtime> = const { Cell::new(core::ptr::null()) };
    static TEARDOWN: TeardownGuard = const { TeardownGuard };
}

struct TeardownGuard;

impl Drop for TeardownGuard {
    fn drop(&mut self) {
        let p = RUNTIME.with(Cell::get);
        if p.is_null() {
            return;
        }
        // SAFETY: p was leaked by `init` and is never freed while objects remain.
        let rt = unsafe { &*p };
        if rt.gc.tracked_count() > 0 {
            crate::gc::collect(2);
        }
        drop(core::mem::take(&mut *rt.gc.garbage.borrow_mut()));
        rt.hooks.replace(HostHooks::default());
        if rt.allocated_blocks() == 0 {
            RUNTIME.with(|c| c.set(core::ptr::null()));
            // SAFETY: no object of this heap is alive, so nothing can reach the runtime any
            // more; the pointer came from Box::leak in `init`.
            drop(unsafe { Box::from_raw(p.cast_mut()) });
        } else {
            // Objects still live (uncollectable cycles, or objects held by other
            // thread-locals); the runtime is kept so that their later release stays valid. Its
            // address is recorded in a process-wide list so that the retention is deliberate
            // and visible (leak checkers report it as still reachable, not as lost).
            RETAINED_RUNTIMES
                .lock()
                .unwrap_or_else(std::sync::PoisonError::into_inner)
                .push(p as usize);
        }
    }
}

/// Runtimes whose thread ended while some of their objects were still alive.
static RETAINED_RUNTIMES: std::sync::Mutex<Vec<usize>> = std::sync::Mutex::new(Vec::new());

#[cold]
#[inline(never)]
fn init() -> &'static Runtime {
    let mode = match std::env::var("PYMM_MALLOC").as_deref() {
        Ok("malloc") => AllocatorMode::Malloc,
        _ => AllocatorMode::Pymalloc,
    };
    let rt: &'static Runtime = Box::leak(Box::new(Runtime {
        heap: UnsafeCell::new(Heap::with_mode(mode)),
        gc: GcState::new(),
        trash_nesting: Cell::new(0),
        trash_later: Cell::new(core::ptr::null()),
        alloc_hook: Cell::new(None),
        hooks: RefCell::new(HostHooks::default()),
        pending_panic: RefCell::new(None),
        has_pending_panic: Cell::new(false),
        freelists: FreeLists::new(),
        dict_keys_free: RefCell::new(Vec::new()),
        type_objects: RefCell::new(std::collections::HashMap::new()),
    }));
    rt.gc.init_heads();
    RUNTIME.with(|c| c.set(rt));
    // Registering the guard may fail during thread teardown; then nothing is reclaimed.
    let _ = TEARDOWN.try_with(|_| ());
    rt
}

/// Returns the blocks kept on the free lists to the allocator (a full collection does this).
pub fn clear_freelists() {
    rt().clear_freelists();
}

/// Number of dead-object blocks kept for `ty`'s free-list slot `slot`.
pub fn freelist_len(ty: &TypeInfo, slot: usize) -> usize {
    rt().freelist_len(ty, slot)
}

/// The current thread's runtime, created on first use.
#[inline]
pub(crate) fn rt() -> &'static Runtime {
    let p = RUNTIME.with(Cell::get);
    if p.is_null() {
        return init();
    }
    // SAFETY: a non-null pointer was leaked by `init` and is only freed (and reset to null)
    // by the teardown guard when no object of this thread remains.
    unsafe { &*p }
}

impl Runtime {
    /// Takes a kept block of a dead object of type `ty` (slot `slot`), if there is one.
    #[inline]
    pub(crate) fn freelist_pop(&self, ty: &TypeInfo, slot: usize) -> Option<NonNull<u8>> {
        self.freelists.pop(ty, slot)
    }

    /// Keeps the block of a dead object of type `ty` for reuse; false when the slot is full.
    #[inline]
    pub(crate) fn freelist_push(
        &self,
        ty: &'static TypeInfo,
        slot: usize,
        block: NonNull<u8>,
    ) -> bool {
        match ty.freelist {
            Some(spec) => self
                .freelists
                .push(ty, spec.slots.max(1), slot, spec.max, block),
            None => false,
        }
    }

    /// Number of blocks kept for `ty`'s slot `slot`.
    pub(crate) fn freelist_len(&self, ty: &TypeInfo, slot: usize) -> usize {
        self.freelists.len(ty, slot)
    }

    /// Returns every kept block to the allocator (`_PyGC_ClearAllFreeLists`); blocks of GC
    /// types are accounted as `PyObject_GC_Del` would.
    pub(crate) fn clear_freelists(&self) {
        self.freelists.drain(|ty, block| {
            if ty.is_gc() {
                self.gc.on_gc_del();
            }
            // SAFETY: kept blocks are live allocations of this heap owned by the list.
            unsafe { self.free(block, Domain::Obj) };
        });
        let keys = core::mem::take(&mut *self.dict_keys_free.borrow_mut());
        for block in keys {
            // SAFETY: as above (dead dict tables, owned by the list).
            unsafe { self.free(block, Domain::Obj) };
        }
    }

    /// Allocates `size` bytes from the heap.
    #[inline]
    pub(crate) fn malloc(&self, size: usize, domain: Domain) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: the only `&mut Heap` is this short borrow; Heap methods do not call out.
        let r = unsafe { (*self.heap.get()).malloc(size) };
        if let (Ok(p), Some(hook)) = (r, self.alloc_hook.get()) {
            hook(AllocEvent::Alloc {
                ptr: p.as_ptr() as usize,
                size,
                domain,
            });
        }
        r
    }

    /// Frees a block of this heap.
    ///
    /// # Safety
    /// `p` came from [`Runtime::malloc`] of this runtime and is not used afterwards.
    #[inline]
    pub(crate) unsafe fn free(&self, p: NonNull<u8>, domain: Domain) {
        self.report_free(p, domain);
        // SAFETY: the caller guarantees p is a live block; the borrow is short as above.
        unsafe { (*self.heap.get()).free(p) }
    }

    /// Tells the allocation hook, if any, that `p` is being freed.
    #[inline]
    fn report_free(&self, p: NonNull<u8>, domain: Domain) {
        if let Some(hook) = self.alloc_hook.get() {
            hook(AllocEvent::Free {
                ptr: p.as_ptr() as usize,
                domain,
            });
        }
    }

    /// [`Runtime::free`] for a block whose size is known: a small one goes straight back
    /// to its pool, without the arena lookup.
    ///
    /// # Safety
    /// As for [`Runtime::free`]; `p` was allocated by [`Runtime::malloc`] with exactly
    /// `size` bytes and never resized.
    #[inline]
    pub(crate) unsafe fn free_sized(&self, p: NonNull<u8>, size: usize, domain: Domain) {
        self.report_free(p, domain);
        // SAFETY: the caller's guarantee; the borrow is short as above.
        unsafe { (*self.heap.get()).free_sized(p, size) }
    }

    /// Resizes a block of this heap (`PyMem_Realloc`: a small block may stay in place;
    /// a large one uses the C library's `realloc`, which can grow it without a copy).
    /// The hook sees the old block freed and the new one allocated. On error the old
    /// block is untouched.
    ///
    /// # Safety
    /// As for [`Runtime::free`]; on success `p` must not be used afterwards.
    #[inline]
    pub(crate) unsafe fn realloc(
        &self,
        p: NonNull<u8>,
        size: usize,
        domain: Domain,
    ) -> Result<NonNull<u8>, AllocError> {
        // SAFETY: the caller guarantees p is a live block; the borrow is short as above.
        let r = unsafe { (*self.heap.get()).realloc(p, size) };
        if let (Ok(q), Some(hook)) = (r, self.alloc_hook.get()) {
            hook(AllocEvent::Free {
                ptr: p.as_ptr() as usize,
                domain,
            });
            hook(AllocEvent::Alloc {
                ptr: q.as_ptr() as usize,
                size,
                domain,
            });
        }
        r
    }

    pub(crate) fn with_heap<R>(&self, f: impl FnOnce(&mut Heap) -> R) -> R {
        // SAFETY: `f` is pymm_mem code that only reads or configures the heap and does not
        // re-enter the runtime.
        f(unsafe { &mut *self.heap.get() })
    }

    pub(crate) fn allocated_blocks(&self) -> usize {
        self.with_heap(|h| h.allocated_blocks())
    }

    /// Remembers the first panic caught in a hook.
    pub(crate) fn stash_panic(&self, payload: Box<dyn Any + Send>) {
        let mut slot = self.pending_panic.borrow_mut();
        if slot.is_none() {
            *slot = Some(payload);
            self.has_pending_panic.set(true);
        }
    }

    /// Resumes a panic stashed by [`Runtime::stash_panic`], if any.
    #[inline]
    pub(crate) fn resume_pending_panic(&self) {
        if !self.has_pending_panic.get() {
            return;
        }
        let Ok(mut slot) = self.pending_panic.try_borrow_mut() else {
            return;
        };
        let p = slot.take();
        drop(slot);
        self.has_pending_panic.set(false);
        if let Some(p) = p {
            std::panic::resume_unwind(p);
        }
    }
}

/// Runs a hook, catching a panic so the caller can restore its invariants first.
#[inline]
pub(crate) fn guarded(rt: &Runtime, f: impl FnOnce()) {
    if let Err(p) = std::panic::catch_unwind(std::panic::AssertUnwindSafe(f)) {
        rt.stash_panic(p);
    }
}

// ---- public configuration and statistics ----

/// Installs (or removes) the allocation hook of this thread's heap. Without a hook the
/// allocator pays one predictable branch.
pub fn set_alloc_hook(hook: Option<AllocHook>) {
    rt().alloc_hook.set(hook);
}

/// Caps the bytes this thread's heap obtains from the system; allocations past it fail with
/// [`AllocError`] (the interpreter's `MemoryError`).
pub fn set_heap_limit(limit: Option<usize>) {
    rt().with_heap(|h| h.set_limit(limit));
}

/// The current cap.
pub fn heap_limit() -> Option<usize> {
    rt().with_heap(|h| h.limit())
}

/// `sys.getallocatedblocks()`.
pub fn allocated_blocks() -> usize {
    rt().allocated_blocks()
}

/// The allocator mode of this thread's heap (`PYMM_MALLOC=malloc` selects
/// [`AllocatorMode::Malloc`] when the runtime is created).
pub fn allocator_mode() -> AllocatorMode {
    rt().with_heap(|h| h.mode())
}

/// Installs the host hooks, returning the previous ones.
pub fn set_host_hooks(hooks: HostHooks) -> HostHooks {
    rt().hooks.replace(hooks)
}

/// Runs `f` with this thread's heap (statistics, `_debugmallocstats`).
pub fn with_heap<R>(f: impl FnOnce(&Heap) -> R) -> R {
    rt().with_heap(|h| f(h))
}
