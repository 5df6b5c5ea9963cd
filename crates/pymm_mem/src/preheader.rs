//! The 16-byte pre-header of CPython 3.11's `Py_TPFLAGS_MANAGED_DICT` types
//! (`Include/internal/pycore_object.h`: `_PyObject_DictOrValuesPointer` sits at
//! offset -24, the values pointer at -32... as `[values][dict][GC head][header]`).
//!
//! pymm_mem gives the space two optional strong-reference slots; the interpreter
//! decides what they hold (the attribute values array and the materialised
//! `__dict__`). They are released after the body when the object dies.

use core::cell::Cell;
use core::ptr::NonNull;

use crate::header::ObjHeader;
use crate::object::{Obj, ObjRef};
use crate::typeinfo::TypeFlags;
use crate::weakref::WeakListHead;

/// The two pre-header slots.
#[repr(C)]
#[derive(Default)]
pub struct PreHeader {
    /// CPython's values pointer (offset -32 from the object).
    pub values: Cell<Option<ObjRef>>,
    /// CPython's dict pointer (offset -24 from the object).
    pub dict: Cell<Option<ObjRef>>,
}

const _: () = assert!(core::mem::size_of::<PreHeader>() == 16);

impl PreHeader {
    /// Whether both slots are empty, found without writing to them (a traversal that
    /// moved the references out and back would dirty the cache line of every object it
    /// visits).
    #[inline]
    pub fn is_empty(&self) -> bool {
        // SAFETY: the cells are not `Sync`, so only this thread reaches them, and no
        // reference to their contents outlives this expression: nothing can change them
        // while they are read.
        unsafe { (*self.values.as_ptr()).is_none() && (*self.dict.as_ptr()).is_none() }
    }
}

impl core::fmt::Debug for PreHeader {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let v = self.values.take();
        let d = self.dict.take();
        let r = f
            .debug_struct("PreHeader")
            .field("values", &v)
            .field("dict", &d)
            .finish();
        self.values.set(v);
        self.dict.set(d);
        r
    }
}

/// The bytes of a `PREHEADER_WEAKLIST` block in front of the pre-header: the list
/// head and padding that keeps the header 16-byte aligned.
const WEAKLIST_AREA: usize = 16;

fn has_weaklist_area(p: NonNull<ObjHeader>) -> bool {
    crate::object::type_of(p)
        .flags()
        .contains(TypeFlags::PREHEADER_WEAKLIST)
}

fn slots_ptr(p: NonNull<ObjHeader>) -> *mut PreHeader {
    let mut pre = crate::object::type_of(p).pre_size();
    if has_weaklist_area(p) {
        pre -= WEAKLIST_AREA;
    }
    // SAFETY: objects of PREHEADER types have the PreHeader in front of the GC head (if
    // any): `pre_size` bytes before the header, less the weak-list area that precedes
    // it in `PREHEADER_WEAKLIST` blocks.
    unsafe { p.as_ptr().cast::<u8>().sub(pre).cast::<PreHeader>() }
}

/// The weak-list head at the start of a `PREHEADER_WEAKLIST` block.
fn weaklist_ptr(p: NonNull<ObjHeader>) -> *mut WeakListHead {
    let pre = crate::object::type_of(p).pre_size();
    // SAFETY: the block starts `pre_size` bytes before the header, with the list head.
    unsafe { p.as_ptr().cast::<u8>().sub(pre).cast::<WeakListHead>() }
}

pub(crate) fn init_slots(p: NonNull<ObjHeader>) {
    // SAFETY: the slots (and, with the flag, the list head) are in the freshly allocated
    // block and uninitialised; the block is 16-byte aligned, so both are aligned.
    unsafe {
        slots_ptr(p).write(PreHeader::default());
        if has_weaklist_area(p) {
            weaklist_ptr(p).write(WeakListHead::new());
        }
    }
}

/// The weak-list hook of [`TypeInfo::preheader_with_weaklist`] types.
///
/// [`TypeInfo::preheader_with_weaklist`]: crate::TypeInfo::preheader_with_weaklist
pub(crate) fn preheader_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    if has_weaklist_area(o.ptr()) {
        // SAFETY: initialised at allocation; lives as long as the object.
        Some(unsafe { &*weaklist_ptr(o.ptr()) })
    } else {
        None
    }
}

pub(crate) fn drop_slots(p: NonNull<ObjHeader>) {
    // SAFETY: the slots were initialised at allocation; moving the values out leaves
    // `None`s behind, so a repeated call is harmless.
    let slots = unsafe { &*slots_ptr(p) };
    let values = slots.values.take();
    let dict = slots.dict.take();
    drop(values);
    drop(dict);
}

impl<'a> Obj<'a> {
    /// The pre-header slots, for objects of a type with a pre-header.
    pub fn preheader(self) -> Option<&'a PreHeader> {
        if self.type_info().flags().contains(TypeFlags::PREHEADER) {
            // SAFETY: the slots are initialised for the object's whole life.
            Some(unsafe { &*slots_ptr(self.ptr()) })
        } else {
            None
        }
    }
}
