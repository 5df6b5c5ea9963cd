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

fn slots_ptr(p: NonNull<ObjHeader>) -> *mut PreHeader {
    let pre = crate::object::type_of(p).pre_size();
    // SAFETY: objects of PREHEADER types start their block with the PreHeader, `pre_size`
    // bytes before the header (in front of the GC head, if any).
    unsafe { p.as_ptr().cast::<u8>().sub(pre).cast::<PreHeader>() }
}

pub(crate) fn init_slots(p: NonNull<ObjHeader>) {
    // SAFETY: the slots are in the freshly allocated block and uninitialised.
    unsafe { slots_ptr(p).write(PreHeader::default()) }
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
