//! The 16-byte pre-header of CPython 3.11's `Py_TPFLAGS_MANAGED_DICT` types
//! (`Include/internal/pycore_object.h`: `_PyObject_DictOrValuesPointer` sits at
//! offset -24, the values pointer at -32... as `[values][dict][GC head][header]`).
//!
//! The second word is an optional strong reference (the materialised `__dict__`). The
//! first is CPython's values pointer: for types made with
//! [`TypeInfo::preheader_inline`] an [`InlineValues`] block (an instance's attribute
//! values, as CPython's), for the others a second optional reference whose meaning the
//! interpreter decides. Both are released after the body when the object dies.
//!
//! [`TypeInfo::preheader_inline`]: crate::TypeInfo::preheader_inline

use core::cell::Cell;
use core::ptr::NonNull;

use crate::header::ObjHeader;
use crate::object::{Obj, ObjRef};
use crate::typeinfo::TypeFlags;
use crate::values::InlineValues;
use crate::weakref::WeakListHead;

/// The pre-header. Its first word is reached through [`Obj::preheader_values`] or
/// [`Obj::inline_values`], whichever the object's type has.
#[repr(C)]
pub struct PreHeader {
    /// CPython's values pointer (offset -32 from the object).
    values: ValuesWord,
    /// CPython's dict pointer (offset -24 from the object).
    pub dict: Cell<Option<ObjRef>>,
}

/// The first word: which variant is live is a property of the object's type
/// (`TypeFlags::PREHEADER_INLINE`), fixed for the object's life. Both variants are a
/// nullable pointer, and null (the initial state) is empty in both.
#[repr(C)]
union ValuesWord {
    object: core::mem::ManuallyDrop<Cell<Option<ObjRef>>>,
    inline: core::mem::ManuallyDrop<InlineValues>,
}

const _: () = assert!(core::mem::size_of::<PreHeader>() == 16);
const _: () = assert!(core::mem::size_of::<InlineValues>() == 8);

impl PreHeader {
    const fn new() -> PreHeader {
        PreHeader {
            values: ValuesWord {
                object: core::mem::ManuallyDrop::new(Cell::new(None)),
            },
            dict: Cell::new(None),
        }
    }

    /// Whether the first word is null and the dict empty, found without writing to
    /// them (a traversal that moved the references out and back would dirty the cache
    /// line of every object it visits).
    #[inline]
    pub fn is_empty(&self) -> bool {
        // SAFETY: both variants of the first word are one pointer, null when empty, so
        // reading it as a raw pointer is valid whichever is live. The cells are not
        // `Sync`, so only this thread reaches them, and no reference to their contents
        // outlives this expression: nothing can change them while they are read.
        unsafe {
            (*(&raw const self.values).cast::<*const u8>()).is_null()
                && (*self.dict.as_ptr()).is_none()
        }
    }
}

impl PreHeader {
    /// Whether the dict slot is set, found without writing to it (see
    /// [`PreHeader::is_empty`]).
    #[inline]
    pub fn has_dict(&self) -> bool {
        // SAFETY: as in is_empty: a read of the cell by this thread, no reference kept.
        unsafe { (*self.dict.as_ptr()).is_some() }
    }
}

impl core::fmt::Debug for PreHeader {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let d = self.dict.take();
        let r = f
            .debug_struct("PreHeader")
            .field("values_set", &!self.is_empty())
            .field("dict", &d)
            .finish();
        self.dict.set(d);
        r
    }
}

fn is_inline(p: NonNull<ObjHeader>) -> bool {
    crate::object::type_of(p)
        .flags()
        .contains(TypeFlags::PREHEADER_INLINE)
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
        slots_ptr(p).write(PreHeader::new());
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
    // empty ones behind, so a repeated call is harmless. The first word is used as the
    // variant the type says is live.
    let slots = unsafe { &*slots_ptr(p) };
    if is_inline(p) {
        // SAFETY: see above.
        let values = unsafe { &slots.values.inline };
        drop(values.take());
    } else {
        // SAFETY: see above.
        drop(unsafe { &slots.values.object }.take());
    }
    drop(slots.dict.take());
}

impl<'a> Obj<'a> {
    /// The pre-header, for objects of a type with a pre-header.
    pub fn preheader(self) -> Option<&'a PreHeader> {
        if self.type_info().flags().contains(TypeFlags::PREHEADER) {
            // SAFETY: the slots are initialised for the object's whole life.
            Some(unsafe { &*slots_ptr(self.ptr()) })
        } else {
            None
        }
    }

    /// The pre-header's first word as an optional reference, for objects of a type
    /// with a pre-header that is not [`TypeInfo::preheader_inline`].
    ///
    /// [`TypeInfo::preheader_inline`]: crate::TypeInfo::preheader_inline
    #[inline]
    pub fn preheader_values(self) -> Option<&'a Cell<Option<ObjRef>>> {
        let flags = self.type_info().flags();
        if flags.contains(TypeFlags::PREHEADER) && !flags.contains(TypeFlags::PREHEADER_INLINE) {
            // SAFETY: initialised at allocation, for the object's whole life, with this
            // variant (the type has no inline values).
            Some(unsafe { &(*slots_ptr(self.ptr())).values.object })
        } else {
            None
        }
    }

    /// The instance's attribute values block in the pre-header's first word, for
    /// objects of a [`TypeInfo::preheader_inline`] type.
    ///
    /// [`TypeInfo::preheader_inline`]: crate::TypeInfo::preheader_inline
    #[inline]
    pub fn inline_values(self) -> Option<&'a InlineValues> {
        if self
            .type_info()
            .flags()
            .contains(TypeFlags::PREHEADER_INLINE)
        {
            // SAFETY: initialised at allocation (null: no block), for the object's
            // whole life, with this variant (the type says so).
            Some(unsafe { &(*slots_ptr(self.ptr())).values.inline })
        } else {
            None
        }
    }
}
