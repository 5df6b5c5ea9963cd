//! The object header and the GC head (CPython's `PyObject` and `PyGC_Head`,
//! `Include/object.h` and `Include/internal/pycore_gc.h`).
//!
//! Memory layout of one object, lowest address first:
//!
//! ```text
//! [pre-header: 16 bytes, only for types with TypeFlags::PREHEADER]
//! [GcHead: _gc_next, _gc_prev — 16 bytes, only for TypeFlags::GC]
//! [ObjHeader: ob_refcnt, ob_type — 16 bytes]   <- an object pointer points here
//! [body]
//! ```

use core::cell::Cell;
use core::fmt;
use core::ptr::NonNull;

use crate::typeinfo::TypeInfo;

/// `PyObject`: the reference count and the type of every object.
#[repr(C)]
pub struct ObjHeader {
    pub(crate) refcnt: Cell<isize>,
    pub(crate) ty: Cell<NonNull<TypeInfo>>,
}

const _: () = assert!(core::mem::size_of::<ObjHeader>() == 16);

impl fmt::Debug for ObjHeader {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ObjHeader")
            .field("refcnt", &self.refcnt.get())
            .field("type", &self.ty.get())
            .finish()
    }
}

/// `_gc_next` bit 0: set on objects in the tentatively-unreachable list during a collection.
pub(crate) const NEXT_MASK_UNREACHABLE: usize = 1;
/// `_gc_prev` bit 0: the object's finalizer has run (PEP 442: at most once).
pub(crate) const PREV_MASK_FINALIZED: usize = 1;
/// `_gc_prev` bit 1: the object belongs to the generation being collected.
pub(crate) const PREV_MASK_COLLECTING: usize = 2;
/// `_gc_prev` bit 2 (pymm's own; CPython shifts by 2 and has no such bit): the value of a
/// typed handle's object has been dropped by the collector's `tp_clear` (see
/// [`Gc`](crate::Gc)). Like FINALIZED it survives untracking.
pub(crate) const PREV_MASK_VALUE_DROPPED: usize = 4;
/// The flag bits of `_gc_prev` that outlive untracking and collections.
pub(crate) const PREV_MASK_STICKY: usize = PREV_MASK_FINALIZED | PREV_MASK_VALUE_DROPPED;
/// `_gc_prev` bits 3..: the previous-object pointer (GC heads are 8-aligned), or
/// `gc_refs` during a collection.
pub(crate) const PREV_SHIFT: usize = 3;
/// Mask of the pointer part of `_gc_prev`.
pub(crate) const PREV_MASK: usize = !((1 << PREV_SHIFT) - 1);

/// `PyGC_Head`: two words placed in front of every object of a GC type.
///
/// `next == 0` means the object is not tracked. Both words carry flag bits
/// exactly as CPython packs them (see the `*_MASK_*` constants).
#[repr(C)]
pub struct GcHead {
    pub(crate) next: Cell<usize>,
    pub(crate) prev: Cell<usize>,
}

const _: () = assert!(core::mem::size_of::<GcHead>() == 16);

impl GcHead {
    pub(crate) const fn new() -> Self {
        GcHead {
            next: Cell::new(0),
            prev: Cell::new(0),
        }
    }
    #[inline]
    pub(crate) fn next_ptr(&self) -> *const GcHead {
        (self.next.get() & !NEXT_MASK_UNREACHABLE) as *const GcHead
    }
    #[inline]
    pub(crate) fn prev_ptr(&self) -> *const GcHead {
        (self.prev.get() & PREV_MASK) as *const GcHead
    }
    #[inline]
    pub(crate) fn set_next(&self, p: *const GcHead) {
        self.next.set(p as usize);
    }
    /// Sets the pointer part of `_gc_prev`, keeping the flag bits.
    #[inline]
    pub(crate) fn set_prev(&self, p: *const GcHead) {
        debug_assert!(p as usize & !PREV_MASK == 0);
        self.prev.set((self.prev.get() & !PREV_MASK) | p as usize);
    }
    #[inline]
    pub(crate) fn is_tracked(&self) -> bool {
        self.next.get() != 0
    }
    #[inline]
    pub(crate) fn is_finalized(&self) -> bool {
        self.prev.get() & PREV_MASK_FINALIZED != 0
    }
    #[inline]
    pub(crate) fn set_finalized(&self) {
        self.prev.set(self.prev.get() | PREV_MASK_FINALIZED);
    }
    #[inline]
    pub(crate) fn is_collecting(&self) -> bool {
        self.prev.get() & PREV_MASK_COLLECTING != 0
    }
    #[inline]
    pub(crate) fn clear_collecting(&self) {
        self.prev.set(self.prev.get() & !PREV_MASK_COLLECTING);
    }
    #[inline]
    pub(crate) fn is_unreachable(&self) -> bool {
        self.next.get() & NEXT_MASK_UNREACHABLE != 0
    }
    #[inline]
    pub(crate) fn refs(&self) -> isize {
        (self.prev.get() >> PREV_SHIFT) as isize
    }
    /// `gc_set_refs`: keeps the flag bits.
    #[inline]
    pub(crate) fn set_refs(&self, refs: isize) {
        self.prev
            .set((self.prev.get() & !PREV_MASK) | ((refs as usize) << PREV_SHIFT));
    }
    /// Whether the typed value has been dropped (see [`PREV_MASK_VALUE_DROPPED`]).
    #[inline]
    pub(crate) fn is_value_dropped(&self) -> bool {
        self.prev.get() & PREV_MASK_VALUE_DROPPED != 0
    }
    /// Sets the value-dropped bit; returns whether it was already set.
    #[inline]
    pub(crate) fn replace_value_dropped(&self) -> bool {
        let v = self.prev.get();
        self.prev.set(v | PREV_MASK_VALUE_DROPPED);
        v & PREV_MASK_VALUE_DROPPED != 0
    }
    /// `gc_reset_refs`: keeps the sticky flags (FINALIZED), sets COLLECTING.
    #[inline]
    pub(crate) fn reset_refs(&self, refs: isize) {
        self.prev.set(
            (self.prev.get() & PREV_MASK_STICKY)
                | PREV_MASK_COLLECTING
                | ((refs as usize) << PREV_SHIFT),
        );
    }
    #[inline]
    pub(crate) fn decref(&self) {
        self.prev.set(self.prev.get() - (1 << PREV_SHIFT));
    }
}

impl fmt::Debug for GcHead {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("GcHead")
            .field("tracked", &self.is_tracked())
            .field("next", &self.next_ptr())
            .field("unreachable", &self.is_unreachable())
            .field("prev_or_refs", &(self.prev.get() & PREV_MASK))
            .field("finalized", &self.is_finalized())
            .field("collecting", &self.is_collecting())
            .finish()
    }
}
