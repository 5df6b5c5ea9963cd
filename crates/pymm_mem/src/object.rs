//! Objects, strong references and deallocation (CPython's `Objects/object.c`:
//! `Py_INCREF`/`Py_DECREF`, `_Py_Dealloc`, `subtype_dealloc` in
//! `Objects/typeobject.c`, `PyObject_CallFinalizerFromDealloc`, and the
//! trashcan `_PyTrash_thread_deposit_object` / `_PyTrash_thread_destroy_chain`).
//!
//! [`ObjRef`] is an owned strong reference (clone = incref, drop = decref);
//! [`Obj`] is a borrowed one, valid for a lifetime. Both are one pointer wide
//! and point at the [`ObjHeader`].
//!
//! Deallocation (refcount reached zero), in CPython's `subtype_dealloc` order:
//! untrack → trashcan → finalizer (once; the object is tracked during the call
//! and may resurrect) → legacy `tp_del` → clear weak references and run their
//! callbacks → drop the body → free the block (decrementing `count0` like
//! `PyObject_GC_Del`) → release the type object. The trashcan bounds the native
//! stack: past 50 nested deallocations, objects are queued and freed iteratively.

use core::fmt;
use core::marker::PhantomData;
use core::ptr::NonNull;

use crate::header::{GcHead, ObjHeader};
use crate::obmalloc::{AllocError, Domain};
use crate::runtime::{Runtime, guarded, rt};
use crate::typeinfo::{Body, TypeInfo, VarBody};

/// CPython's `_PyTrash_UNWIND_LEVEL`.
pub const TRASH_UNWIND_LEVEL: isize = 50;

/// A borrowed reference to a live object.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Obj<'a> {
    ptr: NonNull<ObjHeader>,
    _life: PhantomData<&'a ObjHeader>,
}

/// An owned (strong) reference to an object.
#[repr(transparent)]
pub struct ObjRef {
    ptr: NonNull<ObjHeader>,
    _not_send: PhantomData<*mut ObjHeader>,
}

// ---- raw helpers (crate-internal) ----

#[inline]
pub(crate) fn header<'a>(p: NonNull<ObjHeader>) -> &'a ObjHeader {
    // SAFETY: every NonNull<ObjHeader> handled by pymm_mem points to a live object
    // (the invariant of Obj/ObjRef and of the collector's lists).
    unsafe { p.as_ref() }
}

#[inline]
pub(crate) fn type_of<'a>(p: NonNull<ObjHeader>) -> &'a TypeInfo {
    // SAFETY: an object's type descriptor outlives it (it is 'static, or owned by the type
    // object the instance keeps alive).
    unsafe { header(p).ty.get().as_ref() }
}

/// The GC head in front of an object of a GC type (`_Py_AS_GC`).
#[inline]
pub(crate) fn as_gc(p: NonNull<ObjHeader>) -> *const GcHead {
    // SAFETY: objects of GC types have their GcHead immediately before the header, in the
    // same block (the pointer keeps the block's provenance).
    unsafe { p.as_ptr().cast::<GcHead>().sub(1) }
}

#[inline]
pub(crate) fn gc_head<'a>(p: NonNull<ObjHeader>) -> &'a GcHead {
    // SAFETY: see as_gc; the head lives as long as the object.
    unsafe { &*as_gc(p) }
}

/// `FROM_GC`.
#[inline]
pub(crate) fn from_gc(g: *const GcHead) -> NonNull<ObjHeader> {
    // SAFETY: g is the GcHead of an object, whose header follows it directly.
    unsafe { NonNull::new_unchecked(g.add(1).cast::<ObjHeader>().cast_mut()) }
}

#[inline]
pub(crate) fn body_ptr(p: NonNull<ObjHeader>) -> NonNull<u8> {
    // SAFETY: the body follows the 16-byte header in the same block.
    unsafe { p.cast::<u8>().add(16) }
}

#[inline]
pub(crate) fn incref(p: NonNull<ObjHeader>) {
    let h = header(p);
    h.refcnt.set(h.refcnt.get() + 1);
}

/// `Py_DECREF`.
///
/// # Safety
/// The caller owns one strong reference to `p`, which this consumes.
#[inline]
pub(crate) unsafe fn decref(p: NonNull<ObjHeader>) {
    let h = header(p);
    let n = h.refcnt.get() - 1;
    h.refcnt.set(n);
    if n == 0 {
        // SAFETY: the count reached zero: nobody else holds a strong reference.
        unsafe { dealloc(p) }
    }
}

/// The address of the block that holds the object.
#[inline]
fn block_of(p: NonNull<ObjHeader>, ty: &TypeInfo) -> NonNull<u8> {
    // SAFETY: the pre-header and the GC head precede the header in the same block.
    unsafe { p.cast::<u8>().sub(ty.pre_size()) }
}

/// `_Py_Dealloc` with the trashcan.
///
/// # Safety
/// `p`'s reference count is zero and nothing refers to it any more.
#[inline(never)]
pub(crate) unsafe fn dealloc(p: NonNull<ObjHeader>) {
    let ty = type_of(p);
    // Tail calls: no kind of death pays for another's registers.
    if ty.flags.contains(crate::typeinfo::TypeFlags::TRIVIAL_DEATH) {
        // SAFETY: forwarded from the caller.
        unsafe { free_trivial(p, ty) }
    } else if let Some(f) = ty.plain_dealloc
        && ty.is_plain()
    {
        // SAFETY: forwarded from the caller; the hook stands for the generic path of a plain
        // object of this type.
        unsafe { f(p) }
    } else {
        // SAFETY: forwarded from the caller.
        unsafe { dealloc_nontrivial(p, ty) }
    }
}

/// [`dealloc`] specialised for a plain, fixed-size GC type whose body is known to the
/// caller (the typed `Gc<T>` API): the same steps as [`dealloc_nontrivial`] and the short
/// path of [`dealloc_body`], with the body's drop (which clears the weak references first)
/// and its size resolved at compile time instead of read from the descriptor.
///
/// # Safety
/// As for [`dealloc`]; `ty` is `p`'s type, [`TypeInfo::is_plain`], GC, with no free list and
/// a fixed body of `body_size` bytes; `drop_body` clears the object's weak references and
/// then drops its body, once.
#[inline(always)]
pub(crate) unsafe fn dealloc_known_plain_gc(
    p: NonNull<ObjHeader>,
    ty: &'static TypeInfo,
    body_size: usize,
    drop_body: impl FnOnce(&Runtime),
) {
    debug_assert!(ty.is_plain() && ty.is_gc() && ty.freelist.is_none());
    debug_assert!(ty.body.var_len.is_none() && ty.body.size == body_size);
    debug_assert_eq!(ty.pre_size(), 16);
    let rt = rt();
    if deallocation_deferred(rt) {
        return;
    }
    trashcan(rt, p, || {
        drop_body(rt);
        rt.gc.on_gc_del();
        // SAFETY: the object is dead, its body dropped, and the block (allocated by this
        // runtime with this fixed size) no longer used.
        unsafe { rt.free_sized(block_of(p, ty), 16 + 16 + body_size, Domain::Obj) };
    });
}

/// The deallocation of a GC object inside `Py_TRASHCAN_BEGIN` / `END`: untracks it, then
/// past [`TRASH_UNWIND_LEVEL`] nested deallocations defers it (linked through the
/// pointer part of its `_gc_prev`), else runs `free` (the rest of its deallocation) and
/// then the deferred ones, once back at the outermost level.
#[inline(always)]
fn trashcan(rt: &Runtime, p: NonNull<ObjHeader>, free: impl FnOnce()) {
    let g = gc_head(p);
    if g.is_tracked() {
        crate::gc::list::untrack(g);
    }
    if rt.trash_nesting.get() >= TRASH_UNWIND_LEVEL {
        g.set_prev(rt.trash_later.get());
        rt.trash_later.set(g);
        return;
    }
    rt.trash_nesting.set(rt.trash_nesting.get() + 1);
    free();
    rt.trash_nesting.set(rt.trash_nesting.get() - 1);
    if !rt.trash_later.get().is_null() && rt.trash_nesting.get() <= 0 {
        destroy_chain(rt);
    }
    finish_dealloc(rt);
}

/// Whether deallocations must wait: a type hook dropped a reference while the collector's
/// lists are in a special state, so the object (count 0) is left to a later collection
/// rather than unlinked now.
#[inline(always)]
fn deallocation_deferred(rt: &Runtime) -> bool {
    rt.gc.lists_unstable.get()
}

/// [`dealloc`] of objects that are not [`TypeFlags::TRIVIAL_DEATH`].
///
/// # Safety
/// As for [`dealloc`]; `ty` is `p`'s type.
///
/// [`TypeFlags::TRIVIAL_DEATH`]: crate::typeinfo::TypeFlags::TRIVIAL_DEATH
#[inline(never)]
unsafe fn dealloc_nontrivial(p: NonNull<ObjHeader>, ty: &'static TypeInfo) {
    let rt = rt();
    if deallocation_deferred(rt) {
        return;
    }
    if !ty.is_gc() {
        // SAFETY: forwarded from the caller.
        unsafe { dealloc_body(rt, p, ty) };
        finish_dealloc(rt);
        return;
    }
    // SAFETY: forwarded from the caller.
    trashcan(rt, p, || unsafe { dealloc_body(rt, p, ty) });
}

/// The whole death of an object of a [`TypeFlags::TRIVIAL_DEATH`] type: its block goes to
/// the free list or back to the heap. No hook runs, so nothing can be resurrected or
/// panic, and no other object is touched.
///
/// # Safety
/// As for [`dealloc`]; `ty` is `p`'s type and has `TRIVIAL_DEATH`.
///
/// [`TypeFlags::TRIVIAL_DEATH`]: crate::typeinfo::TypeFlags::TRIVIAL_DEATH
#[inline(never)]
unsafe fn free_trivial(p: NonNull<ObjHeader>, ty: &'static TypeInfo) {
    let rt = rt();
    if deallocation_deferred(rt) {
        return;
    }
    // SAFETY: the body is initialised (nothing dropped it: it needs no drop).
    let freelist_slot = unsafe { freelist_slot_of(ty, body_ptr(p)) };
    let block = block_of(p, ty);
    if freelist_slot.is_some_and(|s| rt.freelist_push(ty, s, block)) {
        return;
    }
    // SAFETY: the object is dead and its block no longer used.
    unsafe { free_object_block(rt, ty, block) };
}

/// Gives the block of a dead short-path object of type `ty` back to the heap: by its
/// known size when the body is fixed-size (never resized), else by address.
///
/// # Safety
/// `block` is the block this runtime allocated for the object, which is dead.
#[inline(always)]
unsafe fn free_object_block(rt: &Runtime, ty: &TypeInfo, block: NonNull<u8>) {
    match ty.body.var_len {
        // SAFETY: forwarded from the caller; fixed-size objects keep their size.
        None => unsafe { rt.free_sized(block, ty.pre_size() + 16 + ty.body.size, Domain::Obj) },
        // SAFETY: forwarded from the caller.
        Some(_) => unsafe { rt.free(block, Domain::Obj) },
    }
}

/// `_PyTrash_thread_destroy_chain`.
#[cold]
fn destroy_chain(rt: &Runtime) {
    rt.trash_nesting.set(rt.trash_nesting.get() + 1);
    loop {
        let g = rt.trash_later.get();
        if g.is_null() {
            break;
        }
        // SAFETY: the list holds GC heads of deferred objects (refcount 0, untracked).
        let gref = unsafe { &*g };
        rt.trash_later.set(gref.prev_ptr());
        gref.set_prev(core::ptr::null());
        let p = from_gc(g);
        // SAFETY: deferred objects are dead and unreachable.
        unsafe { dealloc_body(rt, p, type_of(p)) };
    }
    rt.trash_nesting.set(rt.trash_nesting.get() - 1);
}

/// Calls a finalizer on an object whose count reached zero; returns true if it resurrected.
/// (`PyObject_CallFinalizerFromDealloc`.)
fn call_finalizer_from_dealloc(
    rt: &Runtime,
    p: NonNull<ObjHeader>,
    ty: &TypeInfo,
    fin: crate::typeinfo::FinalizeFn,
    legacy: bool,
) -> bool {
    let h = header(p);
    if ty.is_gc() && !legacy {
        let g = gc_head(p);
        if g.is_finalized() {
            return false;
        }
        // subtype_dealloc tracks the object while its finalizer runs.
        crate::gc::list::track(rt, g);
    }
    h.refcnt.set(1);
    guarded(rt, || fin(Obj::new(p)));
    if ty.is_gc() && !legacy {
        gc_head(p).set_finalized();
    }
    let n = h.refcnt.get() - 1;
    h.refcnt.set(n);
    if n > 0 {
        return true;
    }
    if ty.is_gc() && !legacy {
        let g = gc_head(p);
        if g.is_tracked() {
            crate::gc::list::untrack(g);
        }
    }
    false
}

/// The body of `subtype_dealloc` after the trashcan.
///
/// # Safety
/// As for [`dealloc`]; `p` is untracked.
#[inline(always)]
unsafe fn dealloc_body(rt: &Runtime, p: NonNull<ObjHeader>, ty: &'static TypeInfo) {
    if ty.is_plain() {
        // The short path (no finalizer, pre-header or type object): the steps below that
        // apply, in the same order.
        if ty.weaklist.is_some() {
            crate::weakref::clear_weakrefs_on_dealloc(rt, p);
        }
        let body = body_ptr(p);
        // SAFETY: the body is still initialised here.
        let freelist_slot = unsafe { freelist_slot_of(ty, body) };
        if ty.body.needs_drop {
            let drop_fn = ty.body.drop;
            guarded(rt, || {
                // SAFETY: the body is initialised and dropped exactly once, here.
                unsafe { drop_fn(body) }
            });
        }
        let block = block_of(p, ty);
        // A block kept on a free list stays allocated and counted.
        if freelist_slot.is_some_and(|s| rt.freelist_push(ty, s, block)) {
            return;
        }
        if ty.is_gc() {
            rt.gc.on_gc_del();
        }
        // SAFETY: the object is dead and its block no longer used.
        unsafe { free_object_block(rt, ty, block) };
        return;
    }
    // SAFETY: forwarded from the caller.
    unsafe { dealloc_slow(rt, p, ty) }
}

/// [`dealloc_body`] for types with a finalizer, pre-header, type object or weak-reference
/// body.
///
/// # Safety
/// As for [`dealloc_body`].
#[inline(never)]
unsafe fn dealloc_slow(rt: &Runtime, p: NonNull<ObjHeader>, ty: &'static TypeInfo) {
    if let Some(fin) = ty.finalize
        && call_finalizer_from_dealloc(rt, p, ty, fin, false)
    {
        return;
    }
    if let Some(del) = ty.legacy_del
        && call_finalizer_from_dealloc(rt, p, ty, del, true)
    {
        return;
    }
    if ty.weaklist.is_some() {
        crate::weakref::clear_weakrefs_on_dealloc(rt, p);
    }
    if ty.flags.contains(crate::typeinfo::TypeFlags::WEAKREF) {
        crate::weakref::clear_ref(Obj::new(p));
    }
    if ty.flags.contains(crate::typeinfo::TypeFlags::TYPE_OBJECTS) {
        rt.retire_type_object(p.as_ptr() as usize);
    }
    let body = body_ptr(p);
    let drop_fn = ty.body.drop;
    let type_object = ty.type_object_ptr();
    // SAFETY: the body is still initialised here.
    let freelist_slot = unsafe { freelist_slot_of(ty, body) };
    // The body drop runs user Drop code; a panic in it must not leave the block half-freed.
    if ty.body.needs_drop {
        guarded(rt, || {
            // SAFETY: the body is initialised and dropped exactly once, here.
            unsafe { drop_fn(body) }
        });
    }
    if ty.flags.contains(crate::typeinfo::TypeFlags::PREHEADER) {
        guarded(rt, || crate::preheader::drop_slots(p));
    }
    let block = block_of(p, ty);
    // A block kept on a free list stays allocated and counted (CPython's free lists do not
    // call PyObject_GC_Del).
    if !freelist_slot.is_some_and(|s| rt.freelist_push(ty, s, block)) {
        if ty.is_gc() {
            rt.gc.on_gc_del();
        }
        // SAFETY: the block was allocated by this runtime for this object and is dead now.
        unsafe { rt.free(block, Domain::Obj) };
    }
    if let Some(t) = type_object {
        // SAFETY: every instance owns one reference to its type object.
        unsafe { decref(t) };
    }
}

/// The free-list slot that the block of a dying object of type `ty` goes to, if the type
/// keeps one for its size.
///
/// # Safety
/// `body` is the object's body, still initialised.
#[inline]
unsafe fn freelist_slot_of(ty: &TypeInfo, body: NonNull<u8>) -> Option<usize> {
    ty.freelist?;
    let n = match ty.body.var_len {
        // SAFETY: forwarded from the caller.
        Some(f) => unsafe { f(body) },
        None => 0,
    };
    ty.freelist_slot(n)
}

/// The end of every deallocation: a panic caught in a hook is resumed once the runtime is
/// consistent again, outside every deallocation (so that no caller's bookkeeping, such
/// as the trashcan's nesting count, is skipped by the unwind) and outside collections.
#[inline]
fn finish_dealloc(rt: &Runtime) {
    if rt.has_pending_panic.get() && rt.trash_nesting.get() == 0 && !rt.gc.is_collecting() {
        rt.resume_pending_panic();
    }
}

// ---- allocation ----

/// Allocates the block for an object of type `ty` with `body_size` body bytes, writes the
/// header (refcount 1) and, for GC types, links it like `_PyObject_GC_Link` (which may run an
/// automatic collection). The body is left uninitialised.
#[inline]
fn alloc_object(
    ty: &'static TypeInfo,
    n_items: usize,
    body_size: usize,
) -> Result<NonNull<ObjHeader>, AllocError> {
    alloc_object_from(ty, n_items, body_size, true)
}

/// [`alloc_object`], optionally without taking a block from the type's free list.
#[inline]
fn alloc_object_from(
    ty: &'static TypeInfo,
    n_items: usize,
    body_size: usize,
    use_freelist: bool,
) -> Result<NonNull<ObjHeader>, AllocError> {
    alloc_object_in(rt(), ty, n_items, body_size, use_freelist)
}

/// [`alloc_object_from`] in the given runtime (the current thread's). Short-path types
/// are born here, inlined into the caller (from their free list or a fresh block); the
/// others in [`alloc_object_slow`].
#[inline(always)]
fn alloc_object_in(
    rt: &Runtime,
    ty: &'static TypeInfo,
    n_items: usize,
    body_size: usize,
    use_freelist: bool,
) -> Result<NonNull<ObjHeader>, AllocError> {
    if ty.is_plain()
        && use_freelist
        && let Some(block) = pop_freelist(rt, ty, n_items)
    {
        let p = write_header(ty, block);
        if ty.is_gc() {
            // SAFETY: the GC head lies in the block just before the header. A block from
            // a free list was never unlinked from the accounting.
            unsafe { as_gc(p).cast_mut().write(GcHead::new()) };
        }
        return Ok(p);
    }
    if ty.is_plain() {
        // No free list, or an empty one.
        return alloc_fresh_plain(rt, ty, body_size);
    }
    alloc_object_slow(rt, ty, n_items, body_size, use_freelist)
}

/// A short-path object of type `ty` in a fresh block, header (and GC head) written and
/// linked like `_PyObject_GC_Link`.
#[inline(always)]
fn alloc_fresh_plain(
    rt: &Runtime,
    ty: &'static TypeInfo,
    body_size: usize,
) -> Result<NonNull<ObjHeader>, AllocError> {
    let block = rt.malloc(ty.pre_size() + 16 + body_size, Domain::Obj)?;
    let p = write_header(ty, block);
    if ty.is_gc() {
        // SAFETY: the GC head lies in the block just before the header.
        unsafe { as_gc(p).cast_mut().write(GcHead::new()) };
        rt.gc.on_gc_link(rt);
    }
    Ok(p)
}

/// A block for an object of type `ty` (from its free list when `use_freelist` and one is
/// kept there, else from the heap) with the header written (refcount 1); whether it came
/// from the free list.
#[inline(always)]
fn take_block(
    rt: &Runtime,
    ty: &'static TypeInfo,
    n_items: usize,
    body_size: usize,
    use_freelist: bool,
) -> Result<(NonNull<ObjHeader>, bool), AllocError> {
    let pre = ty.pre_size();
    let reused = use_freelist
        .then(|| pop_freelist(rt, ty, n_items))
        .flatten();
    let block = match reused {
        Some(b) => b,
        None => rt.malloc(pre + 16 + body_size, Domain::Obj)?,
    };
    Ok((write_header(ty, block), reused.is_some()))
}

/// A block kept on `ty`'s free list for objects of `n_items` items, if the type reuses
/// blocks of that size and one is kept.
#[inline(always)]
fn pop_freelist(rt: &Runtime, ty: &TypeInfo, n_items: usize) -> Option<NonNull<u8>> {
    let spec = ty.freelist?;
    let s = ty.freelist_slot(n_items).filter(|&s| s < spec.reuse)?;
    rt.freelist_pop(ty, s)
}

/// Writes the header (refcount 1) of an object of type `ty` into `block`, a block of the
/// object's size (from the heap or a free list); returns the header's address.
#[inline(always)]
fn write_header(ty: &'static TypeInfo, block: NonNull<u8>) -> NonNull<ObjHeader> {
    // SAFETY: the header lies within the block, past the pre-header and GC head.
    let p = unsafe { block.add(ty.pre_size()) }.cast::<ObjHeader>();
    // SAFETY: p is valid for writes of an ObjHeader (16-aligned, in bounds).
    unsafe {
        p.as_ptr().write(ObjHeader {
            refcnt: core::cell::Cell::new(1),
            ty: core::cell::Cell::new(NonNull::from(ty)),
        })
    };
    p
}

/// [`alloc_object_in`] for types with a finalizer, pre-header or type object.
#[inline(never)]
fn alloc_object_slow(
    rt: &Runtime,
    ty: &'static TypeInfo,
    n_items: usize,
    body_size: usize,
    use_freelist: bool,
) -> Result<NonNull<ObjHeader>, AllocError> {
    if ty.is_retired() {
        // The type object is gone; nothing may hold a reference to it any more.
        return Err(AllocError {
            requested: body_size,
        });
    }
    let (p, reused) = take_block(rt, ty, n_items, body_size, use_freelist)?;
    if ty.flags.contains(crate::typeinfo::TypeFlags::PREHEADER) {
        crate::preheader::init_slots(p);
    }
    if ty.is_gc() {
        // SAFETY: the GC head lies in the block just before the header.
        unsafe { as_gc(p).cast_mut().write(GcHead::new()) };
        if let Some(t) = ty.type_object_ptr() {
            incref(t);
        }
        // A block from a free list was never unlinked from the accounting.
        if !reused {
            rt.gc.on_gc_link(rt);
        }
    } else if let Some(t) = ty.type_object_ptr() {
        incref(t);
    }
    Ok(p)
}

/// Panics unless `ty` describes bodies of type `T` (a programming error).
fn assert_body<T: Body>(ty: &TypeInfo) {
    assert!(
        ty.body_is::<T>(),
        "TypeInfo {} describes a {}, not a {}",
        ty.name,
        (ty.body.type_name)(),
        core::any::type_name::<T>()
    );
}

impl ObjRef {
    /// Allocates an object of type `ty` with a fixed-size body. GC objects start untracked;
    /// call [`ObjRef::track`] once the body is ready to be traversed.
    ///
    /// # Panics
    /// If `ty`'s body type is not `T` (a programming error).
    #[inline]
    pub fn new<T: Body>(ty: &'static TypeInfo, body: T) -> Result<ObjRef, AllocError> {
        ObjRef::new_impl(ty, body, true)
    }

    /// [`ObjRef::new`] with a new block even when the type's free list has one: what
    /// CPython's generic `tp_alloc` does (`list()` and `dict()` called as constructors
    /// allocate so, while list and dict displays take from the free lists). The object
    /// still goes to the free list when it dies.
    ///
    /// # Panics
    /// As [`ObjRef::new`].
    pub fn new_fresh<T: Body>(ty: &'static TypeInfo, body: T) -> Result<ObjRef, AllocError> {
        ObjRef::new_impl(ty, body, false)
    }

    #[inline(always)]
    fn new_impl<T: Body>(
        ty: &'static TypeInfo,
        body: T,
        use_freelist: bool,
    ) -> Result<ObjRef, AllocError> {
        assert_body::<T>(ty);
        assert!(
            ty.body.var_len.is_none(),
            "{} is a variable-size body",
            ty.name
        );
        let p = alloc_object_from(ty, 0, core::mem::size_of::<T>(), use_freelist)?;
        // SAFETY: the body area is in the block, suitably aligned (16) and uninitialised.
        unsafe { body_ptr(p).cast::<T>().write(body) };
        Ok(ObjRef::from_new(p))
    }

    /// [`ObjRef::new`] followed by [`ObjRef::track`], for the typed API, whose descriptors
    /// are built from `T` (so the body type is only checked in debug builds).
    #[inline]
    pub(crate) fn new_tracked<T: Body>(
        ty: &'static TypeInfo,
        body: T,
    ) -> Result<ObjRef, AllocError> {
        debug_assert!(ty.body_is::<T>() && ty.is_gc() && ty.body.var_len.is_none());
        let rt = rt();
        let p = alloc_object_in(rt, ty, 0, core::mem::size_of::<T>(), true)?;
        // SAFETY: the body area is in the block, suitably aligned (16) and uninitialised.
        unsafe { body_ptr(p).cast::<T>().write(body) };
        if !rt.gc.lists_unstable.get() {
            crate::gc::list::track(rt, gc_head(p));
        }
        Ok(ObjRef::from_new(p))
    }

    /// Allocates an object of type `ty` whose body `head` is followed by the items of `items`
    /// (`head.len()` of them).
    ///
    /// # Panics
    /// If `ty`'s body type is not `T`, or `items` does not yield exactly `head.len()` items.
    pub fn new_var<T: VarBody>(
        ty: &'static TypeInfo,
        head: T,
        items: impl IntoIterator<Item = T::Item>,
    ) -> Result<ObjRef, AllocError> {
        assert_body::<T>(ty);
        let n = head.len();
        let mut items = items.into_iter();
        // Collect first so that a panicking iterator cannot leave a half-built object
        // (on the stack for the common small sizes: no system allocation per tuple).
        let mut buf: smallvec::SmallVec<[T::Item; 8]> = smallvec::SmallVec::with_capacity(n);
        for _ in 0..n {
            buf.push(items.next().expect("fewer items than head.len()"));
        }
        assert!(items.next().is_none(), "more items than head.len()");
        // SAFETY: `buf` holds head.len() initialised items; on success they have been
        // moved into the object, so `buf` forgets them.
        let r = unsafe { ObjRef::new_var_from(ty, head, buf.as_ptr()) };
        if r.is_ok() {
            // SAFETY: the items were moved out above.
            unsafe { buf.set_len(0) };
        }
        r
    }

    /// [`ObjRef::new_var`] for plain items copied from a slice (an int's digits, a
    /// bytes object's bytes): no intermediate buffer.
    ///
    /// # Panics
    /// As [`ObjRef::new_var`].
    pub fn new_var_copied<T: VarBody>(
        ty: &'static TypeInfo,
        head: T,
        items: &[T::Item],
    ) -> Result<ObjRef, AllocError>
    where
        T::Item: Copy,
    {
        assert_body::<T>(ty);
        assert_eq!(
            items.len(),
            head.len(),
            "item count differs from head.len()"
        );
        // SAFETY: the slice holds head.len() plain items, which may be copied.
        unsafe { ObjRef::new_var_from(ty, head, items.as_ptr()) }
    }

    /// [`ObjRef::new_var_copied`] with the items given as consecutive slices (a string's
    /// bytes and its terminating NUL, say), copied straight into the object.
    ///
    /// # Panics
    /// If the slices do not hold `head.len()` items in all.
    pub fn new_var_copied_parts<T: VarBody>(
        ty: &'static TypeInfo,
        head: T,
        parts: &[&[T::Item]],
    ) -> Result<ObjRef, AllocError>
    where
        T::Item: Copy,
    {
        let n = head.len();
        ObjRef::new_var_copied_in(ty, head, parts, n)
    }

    /// [`ObjRef::new_var_copied`] in a block with room for `capacity` items (at least
    /// `head.len()`). CPython sometimes allocates a variable-size object for more items
    /// than it keeps: `_PyLong_FromMedium` takes `sizeof(PyLongObject)`, 32 bytes, for a
    /// one-digit int, and `x_add` one digit more than the sum may need. The spare room
    /// belongs to the block (the allocation hook, and so tracemalloc, sees it) but not
    /// to the object's size.
    ///
    /// # Panics
    /// As [`ObjRef::new_var`].
    pub fn new_var_copied_padded<T: VarBody>(
        ty: &'static TypeInfo,
        head: T,
        items: &[T::Item],
        capacity: usize,
    ) -> Result<ObjRef, AllocError>
    where
        T::Item: Copy,
    {
        ObjRef::new_var_copied_in(ty, head, &[items], capacity)
    }

    fn new_var_copied_in<T: VarBody>(
        ty: &'static TypeInfo,
        head: T,
        parts: &[&[T::Item]],
        capacity: usize,
    ) -> Result<ObjRef, AllocError>
    where
        T::Item: Copy,
    {
        assert_body::<T>(ty);
        let n = head.len();
        assert_eq!(
            parts.iter().map(|p| p.len()).sum::<usize>(),
            n,
            "item count differs from head.len()"
        );
        let p = if capacity > n {
            // Not from a free list, whose blocks are sized for `n` items.
            alloc_object_from(ty, n, ty.body.body_size(capacity), false)?
        } else {
            alloc_object(ty, n, ty.body.body_size(n))?
        };
        let body = body_ptr(p);
        // SAFETY: the body and item areas are in the block and uninitialised; the parts
        // hold exactly n plain items in all, which cannot overlap a fresh block.
        unsafe {
            body.cast::<T>().write(head);
            let mut dst = body.add(ty.body.items_offset).cast::<T::Item>().as_ptr();
            for part in parts {
                core::ptr::copy_nonoverlapping(part.as_ptr(), dst, part.len());
                dst = dst.add(part.len());
            }
        }
        Ok(ObjRef::from_new(p))
    }

    /// Allocates a variable-size object and moves `head` and `head.len()` items, read
    /// bitwise from `src`, into it.
    ///
    /// # Safety
    /// `src` points to `head.len()` initialised items; on `Ok` they belong to the object
    /// (the caller must not drop them again unless they are `Copy`).
    unsafe fn new_var_from<T: VarBody>(
        ty: &'static TypeInfo,
        head: T,
        src: *const T::Item,
    ) -> Result<ObjRef, AllocError> {
        let n = head.len();
        let p = alloc_object(ty, n, ty.body.body_size(n))?;
        let body = body_ptr(p);
        // SAFETY: the body and item areas are in the block and uninitialised; the caller
        // guarantees n readable items at `src`, which cannot overlap a fresh block.
        unsafe {
            body.cast::<T>().write(head);
            let dst = body.add(ty.body.items_offset).cast::<T::Item>().as_ptr();
            // An int's one or two digits, a short tuple: no call to memcpy.
            if n <= 4 {
                for i in 0..n {
                    dst.add(i).write(src.add(i).read());
                }
            } else {
                core::ptr::copy_nonoverlapping(src, dst, n);
            }
        }
        Ok(ObjRef::from_new(p))
    }

    #[inline]
    fn from_new(p: NonNull<ObjHeader>) -> ObjRef {
        ObjRef {
            ptr: p,
            _not_send: PhantomData,
        }
    }

    /// Gives up ownership without decrementing.
    #[inline]
    pub(crate) fn into_raw(self) -> NonNull<ObjHeader> {
        let p = self.ptr;
        core::mem::forget(self);
        p
    }

    /// A borrowed view.
    #[inline]
    pub fn as_obj(&self) -> Obj<'_> {
        Obj::new(self.ptr)
    }

    /// Whether two references point to the same object (`is`).
    #[inline]
    pub fn is(&self, other: &ObjRef) -> bool {
        self.ptr == other.ptr
    }
}

impl Clone for ObjRef {
    #[inline]
    fn clone(&self) -> Self {
        incref(self.ptr);
        ObjRef::from_new(self.ptr)
    }
}

impl Drop for ObjRef {
    #[inline]
    fn drop(&mut self) {
        // SAFETY: an ObjRef owns one strong reference.
        unsafe { decref(self.ptr) }
    }
}

impl fmt::Debug for ObjRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_obj().fmt(f)
    }
}

impl PartialEq for ObjRef {
    fn eq(&self, other: &Self) -> bool {
        self.ptr == other.ptr
    }
}
impl Eq for ObjRef {}

impl<'a> Obj<'a> {
    /// Makes `new` the object's type descriptor (CPython's `__class__` assignment,
    /// `Py_SET_TYPE`): the object's reference to its type object moves from the old
    /// descriptor's to the new one's. Refused (false, nothing changed) unless both
    /// descriptors describe the same storage: the same body type and sizes, the same GC
    /// head, pre-header and weak-list arrangement, no weak-reference or type-object body,
    /// and a live type object for `new` if it has one.
    pub fn set_type_info(self, new: &'static TypeInfo) -> bool {
        use crate::typeinfo::TypeFlags;
        let old = self.type_info();
        let layout = TypeFlags::GC
            .union(TypeFlags::PREHEADER)
            .union(TypeFlags::WEAKREF)
            .union(TypeFlags::TYPE_OBJECTS)
            .union(TypeFlags::WEAKLIST_FIRST);
        let same = old.body.type_id == new.body.type_id
            && old.body.size == new.body.size
            && old.body.items_offset == new.body.items_offset
            && old.body.item_size == new.body.item_size
            && old.body.var_len.is_some() == new.body.var_len.is_some()
            && old.flags.intersection(layout) == new.flags.intersection(layout)
            && old.weaklist.is_some() == new.weaklist.is_some()
            && !old
                .flags
                .intersects(TypeFlags::WEAKREF.union(TypeFlags::TYPE_OBJECTS))
            && !new.is_retired();
        if !same {
            return false;
        }
        if let Some(t) = new.type_object_ptr() {
            incref(t);
        }
        let previous = old.type_object_ptr();
        header(self.ptr).ty.set(NonNull::from(new));
        if let Some(t) = previous {
            // SAFETY: the object owned this reference to its old type object; the header
            // no longer points at the old descriptor, so nothing releases it twice.
            unsafe { decref(t) };
        }
        true
    }
    #[inline]
    pub(crate) fn new(ptr: NonNull<ObjHeader>) -> Obj<'a> {
        Obj {
            ptr,
            _life: PhantomData,
        }
    }
    #[inline]
    pub(crate) fn ptr(self) -> NonNull<ObjHeader> {
        self.ptr
    }

    /// A new strong reference (`Py_NewRef`).
    #[inline]
    pub fn to_owned(self) -> ObjRef {
        incref(self.ptr);
        ObjRef::from_new(self.ptr)
    }

    /// The type descriptor.
    #[inline]
    pub fn type_info(self) -> &'a TypeInfo {
        type_of(self.ptr)
    }

    /// The type object of an instance of a run-time type
    /// ([`TypeInfo::leak_with_type_object`]); `None` for static types.
    #[inline]
    pub fn type_object(self) -> Option<Obj<'a>> {
        // The object owns a reference to its type object, which therefore lives at least
        // as long as the object.
        self.type_info().type_object_ptr().map(Obj::new)
    }

    /// The reference count (`Py_REFCNT`; `sys.getrefcount` adds one for its argument).
    #[inline]
    pub fn refcnt(self) -> isize {
        header(self.ptr).refcnt.get()
    }

    /// Adds `n` references that are never released, making the object immortal: what
    /// CPython 3.11 does for its statically allocated objects (small ints, the empty
    /// tuple and string, one-character strings...), which start at a reference count of
    /// 999,999,999. Safe: the object can only live longer.
    pub fn leak_refs(self, n: isize) {
        let h = header(self.ptr);
        h.refcnt.set(h.refcnt.get().saturating_add(n.max(0)));
    }

    /// The address, which is the object's identity (`id()`).
    #[inline]
    pub fn addr(self) -> usize {
        self.ptr.as_ptr() as usize
    }

    /// The body as a `T`, if the object's body is a `T`.
    #[inline]
    pub fn downcast<T: Body>(self) -> Option<&'a T> {
        if self.type_info().body_is::<T>() {
            // SAFETY: the type descriptor says the body is an initialised T, alive for 'a.
            Some(unsafe { body_ptr(self.ptr).cast::<T>().as_ref() })
        } else {
            None
        }
    }

    /// The trailing items of a variable-size body `T`, if the body is a `T`.
    #[inline]
    pub fn var_items<T: VarBody>(self) -> Option<&'a [T::Item]> {
        let head = self.downcast::<T>()?;
        let n = head.len();
        let off = self.type_info().body.items_offset;
        // SAFETY: the body is a T followed by n initialised items at items_offset.
        Some(unsafe {
            core::slice::from_raw_parts(body_ptr(self.ptr).add(off).cast::<T::Item>().as_ptr(), n)
        })
    }

    /// Whether the type has a GC head (`_PyObject_IS_GC`).
    #[inline]
    pub fn is_gc(self) -> bool {
        self.type_info().is_gc()
    }

    /// `gc.is_tracked`.
    #[inline]
    pub fn is_tracked(self) -> bool {
        self.is_gc() && gc_head(self.ptr).is_tracked()
    }

    /// `gc.is_finalized`.
    #[inline]
    pub fn is_finalized(self) -> bool {
        self.is_gc() && gc_head(self.ptr).is_finalized()
    }

    /// Starts tracking (`PyObject_GC_Track`): the object joins generation 0. Tracking an
    /// object that is tracked, or not of a GC type, does nothing.
    #[inline]
    pub fn track(self) {
        if self.is_gc() {
            let g = gc_head(self.ptr);
            let rt = rt();
            if !g.is_tracked() && !rt.gc.lists_unstable.get() {
                crate::gc::list::track(rt, g);
            }
        }
    }

    /// Stops tracking (`PyObject_GC_UnTrack`).
    #[inline]
    pub fn untrack(self) {
        if self.is_gc() {
            let g = gc_head(self.ptr);
            if g.is_tracked() && !rt().gc.lists_unstable.get() {
                crate::gc::list::untrack(g);
            }
        }
    }

    /// Bytes of the object: pre-header, GC head, header and body with its items in use
    /// (what tracemalloc traces for it, unless it was made with spare room by
    /// [`ObjRef::new_var_copied_padded`]).
    pub fn allocated_size(self) -> usize {
        let ty = self.type_info();
        let n = match ty.body.var_len {
            // SAFETY: the body is initialised and its type's var_len matches it.
            Some(f) => unsafe { f(body_ptr(self.ptr)) },
            None => 0,
        };
        ty.pre_size() + 16 + ty.body.body_size(n)
    }

    /// The object's basic size as CPython's `object.__sizeof__` computes it (header and body,
    /// without GC head or pre-header).
    pub fn basic_size(self) -> usize {
        self.allocated_size() - self.type_info().pre_size()
    }
}

impl ObjRef {
    /// See [`Obj::track`].
    pub fn track(&self) {
        self.as_obj().track()
    }
    /// See [`Obj::untrack`].
    pub fn untrack(&self) {
        self.as_obj().untrack()
    }
    /// See [`Obj::downcast`].
    pub fn downcast<T: Body>(&self) -> Option<&T> {
        self.as_obj().downcast()
    }
    /// See [`Obj::refcnt`].
    pub fn refcnt(&self) -> isize {
        self.as_obj().refcnt()
    }
}

impl fmt::Debug for Obj<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "<{} object at {:#x}>",
            self.type_info().name,
            self.addr()
        )
    }
}
