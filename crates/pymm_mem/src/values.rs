//! [`InlineValues`]: the attribute storage of an instance, in one block of pymm's heap.
//!
//! CPython 3.11 keeps the attributes of an instance of a class defined in Python in a
//! *values array* (`PyDictValues`, `Objects/dictobject.c`) until someone asks for the
//! instance's `__dict__`: one value per key of the class's shared keys, indexed by
//! the key's position, behind a prefix that records the order in which the keys were
//! first set. `new_values` sizes the block `round_up(size + 2, 8) + 8 * size` bytes
//! for `size` values; [`InlineValues`] allocates exactly that, from this thread's
//! heap in the [`Domain::Mem`] domain.
//!
//! `__slots__` values, which CPython stores inside the object itself, live in the same
//! block here, after the values (a count word, then one pointer per slot), so that an
//! instance needs a single pointer for all of its attribute storage: the pre-header's
//! values word, where CPython keeps its values pointer
//! ([`TypeInfo::preheader_inline`](crate::TypeInfo::preheader_inline)). The block
//! is allocated once, when the instance is created, and never moves: its capacity is
//! fixed, as CPython's values array is.
//!
//! Block layout (offsets in bytes, `cap` values, `n` slots):
//!
//! ```text
//! 0                 cap | HAS_SLOTS
//! 1                 len | LOCKED        (number of order entries)
//! 2 .. 2+cap        order               (value indices, first set first)
//! P = round_up(cap + 2, 8)
//! P .. P+8*cap      values              (Option<ObjRef>, by key index)
//! P+8*cap           n                   (only with HAS_SLOTS)
//! P+8*cap+8 ..      slots               (Option<ObjRef>, n of them)
//! ```
//!
//! As with [`crate::HeapVec`], the API never hands out references into the block:
//! reads copy a value out (an incref), and every change is complete before the value
//! it removed is dropped, because dropping an object may run code that touches the
//! same instance. [`InlineValues::visit`] locks the block: a change made by the
//! visitor panics instead of invalidating the walk.

use core::cell::Cell;
use core::mem::size_of;
use core::ptr::NonNull;

use crate::object::ObjRef;
use crate::obmalloc::{AllocError, Domain};
use crate::runtime::rt;
use crate::visit::Visitor;

/// The largest number of values a block holds (the order bytes are `u8`, and CPython
/// caps a class's shared keys at 30).
const MAX_VALUES: usize = 127;

const HAS_SLOTS: u8 = 0x80;
const LOCKED: u8 = 0x80;
const WORD: usize = size_of::<Option<ObjRef>>();

const _: () = assert!(WORD == 8);

/// An instance's inline attribute values and `__slots__` values: one pointer.
pub struct InlineValues {
    block: Cell<*mut u8>,
}

const _: () = assert!(size_of::<InlineValues>() == 8);

impl Default for InlineValues {
    fn default() -> Self {
        InlineValues::new()
    }
}

impl core::fmt::Debug for InlineValues {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("InlineValues")
            .field("capacity", &self.capacity())
            .field("len", &self.len())
            .field("slots", &self.slot_count())
            .finish()
    }
}

/// The offset of the values in a block of `cap` values (CPython's prefix size).
#[inline]
const fn prefix(cap: usize) -> usize {
    (cap + 2).next_multiple_of(8)
}

/// The size in bytes of a block of `cap` values and `nslots` slots.
pub const fn block_size(cap: usize, nslots: usize) -> usize {
    let values = prefix(cap) + WORD * cap;
    if nslots == 0 {
        values
    } else {
        values + WORD + WORD * nslots
    }
}

impl InlineValues {
    /// No storage (an instance without attributes or slots, or not yet set up).
    pub const fn new() -> InlineValues {
        InlineValues {
            block: Cell::new(core::ptr::null_mut()),
        }
    }

    /// Moves the storage out (a pre-header's values word giving it to a drop), leaving
    /// none.
    ///
    /// # Panics
    /// While [`InlineValues::visit`] walks the block for a visitor that runs code.
    pub fn take(&self) -> InlineValues {
        if let Some((_, len, _)) = self.header() {
            self.check_unlocked(len);
        }
        InlineValues {
            block: Cell::new(self.block.replace(core::ptr::null_mut())),
        }
    }

    /// Gives `v`'s storage to this one, which has none (a new instance's pre-header).
    ///
    /// # Panics
    /// If this one has storage.
    pub fn install(&self, v: InlineValues) {
        assert!(self.block.get().is_null(), "InlineValues::install: in use");
        self.block.set(v.block.replace(core::ptr::null_mut()));
    }

    /// Storage for `cap` values (at most 127, `MAX_VALUES`) and `nslots` slots, all
    /// empty. Nothing is allocated when both are 0.
    pub fn with_capacity(cap: usize, nslots: usize) -> Result<InlineValues, AllocError> {
        let v = InlineValues::new();
        if cap == 0 && nslots == 0 {
            return Ok(v);
        }
        assert!(cap <= MAX_VALUES, "too many inline values");
        let bytes = block_size(cap, nslots);
        if nslots > (isize::MAX as usize) / WORD / 2 {
            return Err(AllocError { requested: bytes });
        }
        let p = rt().malloc(bytes, Domain::Mem)?.as_ptr();
        // SAFETY: the block is `bytes` long, which covers the header, the order bytes,
        // `cap` values, and (with slots) the count word and `nslots` slots; all value
        // and slot words are written as `None` before the block is used. The heap's
        // blocks are 16-byte aligned, and every word offset is a multiple of 8.
        unsafe {
            p.write(cap as u8 | if nslots > 0 { HAS_SLOTS } else { 0 });
            p.add(1).write(0);
            let vals = p.add(prefix(cap)).cast::<Option<ObjRef>>();
            for i in 0..cap {
                vals.add(i).write(None);
            }
            if nslots > 0 {
                let count = p.add(prefix(cap) + WORD * cap).cast::<usize>();
                count.write(nslots);
                let slots = count.add(1).cast::<Option<ObjRef>>();
                for i in 0..nslots {
                    slots.add(i).write(None);
                }
            }
        }
        v.block.set(p);
        Ok(v)
    }

    #[inline]
    fn header(&self) -> Option<(usize, u8, bool)> {
        let p = self.block.get();
        if p.is_null() {
            return None;
        }
        // SAFETY: a non-null block starts with the two header bytes.
        let (c, l) = unsafe { (p.read(), p.add(1).read()) };
        Some(((c & !HAS_SLOTS) as usize, l, c & HAS_SLOTS != 0))
    }

    /// The number of values the block holds (CPython's values array size).
    #[inline]
    pub fn capacity(&self) -> usize {
        self.header().map_or(0, |h| h.0)
    }

    /// The number of values set.
    #[inline]
    pub fn len(&self) -> usize {
        self.header().map_or(0, |h| (h.1 & !LOCKED) as usize)
    }

    /// Whether no value is set.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The number of `__slots__` values.
    pub fn slot_count(&self) -> usize {
        match self.header() {
            Some((cap, _, true)) => {
                // SAFETY: with HAS_SLOTS the count word follows the values.
                unsafe {
                    self.block
                        .get()
                        .add(prefix(cap) + WORD * cap)
                        .cast::<usize>()
                        .read()
                }
            }
            _ => 0,
        }
    }

    /// The size of the block in bytes (0 without one).
    pub fn block_bytes(&self) -> usize {
        self.header()
            .map_or(0, |(cap, _, _)| block_size(cap, self.slot_count()))
    }

    /// A pointer to value word `i` (`i < cap`).
    #[inline]
    fn value_ptr(&self, cap: usize, i: usize) -> *mut Option<ObjRef> {
        debug_assert!(i < cap);
        // SAFETY: i < cap, so the word lies inside the block.
        unsafe { self.block.get().add(prefix(cap) + WORD * i).cast() }
    }

    /// A pointer to slot word `i` (`i < slot_count`).
    #[inline]
    fn slot_ptr(&self, cap: usize, i: usize) -> *mut Option<ObjRef> {
        // SAFETY: the caller checked i < slot_count, so the word lies inside the block.
        unsafe {
            self.block
                .get()
                .add(prefix(cap) + WORD * cap + WORD + WORD * i)
                .cast()
        }
    }

    #[inline]
    fn check_unlocked(&self, len_byte: u8) {
        assert!(
            len_byte & LOCKED == 0,
            "instance attributes were changed while they were being traversed"
        );
    }

    /// A copy of value `i` (an incref), if set.
    #[inline]
    pub fn get(&self, i: usize) -> Option<ObjRef> {
        let (cap, _, _) = self.header()?;
        if i >= cap {
            return None;
        }
        // SAFETY: the word is initialised; cloning an ObjRef runs no code.
        unsafe { (*self.value_ptr(cap, i)).clone() }
    }

    /// Sets value `i`, returning the value it replaces. A value set for the first time
    /// goes to the end of the insertion order. `Err(v)` when `i` is beyond the
    /// capacity (the caller falls back to a real dict).
    pub fn set(&self, i: usize, v: ObjRef) -> Result<Option<ObjRef>, ObjRef> {
        let Some((cap, len, _)) = self.header() else {
            return Err(v);
        };
        self.check_unlocked(len);
        if i >= cap {
            return Err(v);
        }
        let p = self.value_ptr(cap, i);
        // SAFETY: the word is initialised; the old value is moved out and returned, so
        // nothing is dropped before the block is consistent. A new index is recorded in
        // the order bytes (len < cap, since every set value has one distinct entry).
        unsafe {
            let old = p.replace(Some(v));
            if old.is_none() {
                let b = self.block.get();
                b.add(2 + len as usize).write(i as u8);
                b.add(1).write(len + 1);
            }
            Ok(old)
        }
    }

    /// Unsets value `i`, returning it, and removes it from the insertion order.
    pub fn remove(&self, i: usize) -> Option<ObjRef> {
        let (cap, len, _) = self.header()?;
        self.check_unlocked(len);
        if i >= cap {
            return None;
        }
        // SAFETY: the word is initialised; the order bytes 2..2+len are in the block.
        unsafe {
            let old = self.value_ptr(cap, i).replace(None)?;
            let b = self.block.get();
            let order = core::slice::from_raw_parts_mut(b.add(2), len as usize);
            if let Some(pos) = order.iter().position(|&k| k as usize == i) {
                order.copy_within(pos + 1.., pos);
                b.add(1).write(len - 1);
            }
            Some(old)
        }
    }

    /// The indices of the values set, in the order they were first set.
    pub fn order(&self) -> Vec<usize> {
        let Some((_, len, _)) = self.header() else {
            return Vec::new();
        };
        let len = (len & !LOCKED) as usize;
        // SAFETY: the order bytes 2..2+len are initialised.
        unsafe { core::slice::from_raw_parts(self.block.get().add(2), len) }
            .iter()
            .map(|&k| k as usize)
            .collect()
    }

    /// Removes every value, returning them as `(index, value)` in insertion order (the
    /// block and the slots stay).
    pub fn take_values(&self) -> Vec<(usize, ObjRef)> {
        let order = self.order();
        let mut out = Vec::with_capacity(order.len());
        for i in order {
            if let Some(v) = self.remove(i) {
                out.push((i, v));
            }
        }
        out
    }

    /// A copy of slot `i` (an incref), if set.
    #[inline]
    pub fn slot(&self, i: usize) -> Option<ObjRef> {
        let (cap, _, _) = self.header()?;
        if i >= self.slot_count() {
            return None;
        }
        // SAFETY: i < slot_count, so the word is in the block and initialised.
        unsafe { (*self.slot_ptr(cap, i)).clone() }
    }

    /// Sets (`Some`) or clears (`None`) slot `i`, returning the old value. Out of range:
    /// `Err(v)`.
    pub fn set_slot(&self, i: usize, v: Option<ObjRef>) -> Result<Option<ObjRef>, Option<ObjRef>> {
        let Some((cap, len, _)) = self.header() else {
            return Err(v);
        };
        self.check_unlocked(len);
        if i >= self.slot_count() {
            return Err(v);
        }
        // SAFETY: i < slot_count; the old value is moved out, not dropped.
        Ok(unsafe { self.slot_ptr(cap, i).replace(v) })
    }

    /// Unsets every slot and then every value (by index), dropping each as soon as it
    /// is out of the block: CPython's `clear_slots` followed by
    /// `_PyObject_FreeInstanceAttributes`. Code run by a drop sees a consistent block.
    pub fn clear(&self) {
        for i in 0..self.slot_count() {
            if let Ok(old) = self.set_slot(i, None) {
                drop(old);
            }
        }
        // Stop as soon as no value is left (after a `tp_clear`, deallocation finds none).
        let mut i = 0;
        while i < self.capacity() && !self.is_empty() {
            drop(self.remove(i));
            i += 1;
        }
    }

    /// Visits the set slots, then the set values by index (`traverse_slots`, then
    /// `_PyObject_VisitInstanceAttributes`). Locked meanwhile, when the visitor is a
    /// closure (the collector's own visits run no code that could change the block).
    #[inline(always)]
    pub fn visit(&self, v: &mut Visitor<'_>) {
        let Some((cap, len, has_slots)) = self.header() else {
            return;
        };
        let nslots = if has_slots { self.slot_count() } else { 0 };
        let b = self.block.get();
        let outer = len & LOCKED != 0 || !v.runs_code();
        if !outer {
            // SAFETY: the header byte is in the block.
            unsafe { b.add(1).write(len | LOCKED) };
        }
        // SAFETY: the block holds `cap` initialised value words at `prefix(cap)` and,
        // with slots, the count word and `nslots` slot words after them. While it is
        // locked (or while the collector, which runs no code, visits) no word changes,
        // so the slices stay valid for the visits.
        let values = unsafe { b.add(prefix(cap)).cast::<Option<ObjRef>>() };
        if nslots > 0 {
            // SAFETY: as above; the slots follow the values and the count word.
            let slots = unsafe { core::slice::from_raw_parts(values.add(cap + 1), nslots) };
            for o in slots.iter().flatten() {
                v.visit(o.as_obj());
            }
        }
        // SAFETY: as above.
        for o in unsafe { core::slice::from_raw_parts(values, cap) }
            .iter()
            .flatten()
        {
            v.visit(o.as_obj());
        }
        if !outer {
            // SAFETY: the header byte is in the block (which cannot have been freed:
            // that needs `&mut self`, or `take`, which refuses while it is locked).
            unsafe { b.add(1).write(len & !LOCKED) };
        }
    }
}

impl Drop for InlineValues {
    fn drop(&mut self) {
        self.clear();
        if let Some(p) = NonNull::new(self.block.replace(core::ptr::null_mut())) {
            // SAFETY: the block came from this thread's heap in the Mem domain and every
            // word in it is now `None`.
            unsafe { rt().free(p, Domain::Mem) };
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::typeinfo::TypeInfo;

    #[derive(Debug)]
    struct Leaf;
    impl crate::Body for Leaf {}
    static LEAF: TypeInfo = TypeInfo::new("leaf", crate::BodyVTable::of::<Leaf>());

    fn leaf() -> ObjRef {
        ObjRef::new(&LEAF, Leaf).unwrap()
    }

    #[test]
    fn sizes_follow_cpython_new_values() {
        // new_values(3): prefix round_up(5, 8) = 8, plus 3 pointers.
        assert_eq!(block_size(3, 0), 32);
        assert_eq!(block_size(29, 0), 32 + 29 * 8);
        assert_eq!(block_size(1, 0), 16);
        assert_eq!(block_size(0, 2), 8 + 8 + 16);
        let v = InlineValues::with_capacity(3, 0).unwrap();
        assert_eq!(v.block_bytes(), 32);
        assert_eq!(InlineValues::with_capacity(0, 0).unwrap().block_bytes(), 0);
    }

    #[test]
    fn set_get_remove_keep_insertion_order() {
        let v = InlineValues::with_capacity(4, 2).unwrap();
        let (a, b, c) = (leaf(), leaf(), leaf());
        assert!(v.set(2, a.clone()).unwrap().is_none());
        assert!(v.set(0, b.clone()).unwrap().is_none());
        assert_eq!(v.order(), vec![2, 0]);
        assert!(v.set(2, c.clone()).unwrap().unwrap().is(&a));
        assert_eq!(v.order(), vec![2, 0]);
        assert_eq!(v.len(), 2);
        assert!(v.remove(2).unwrap().is(&c));
        assert_eq!(v.order(), vec![0]);
        assert!(v.set(2, a.clone()).unwrap().is_none());
        assert_eq!(v.order(), vec![0, 2]);
        assert!(v.set(4, a.clone()).is_err());
        assert!(v.get(1).is_none());
        assert_eq!(v.slot_count(), 2);
        assert!(v.set_slot(1, Some(c.clone())).unwrap().is_none());
        assert!(v.slot(1).unwrap().is(&c));
        assert!(v.set_slot(2, None).is_err());
        assert_eq!(a.refcnt(), 2);
        assert_eq!(c.refcnt(), 2);
        let taken = v.take_values();
        assert_eq!(taken.len(), 2);
        assert!(v.is_empty());
        drop(taken);
        drop(v);
        assert_eq!(a.refcnt(), 1);
        assert_eq!(b.refcnt(), 1);
        assert_eq!(c.refcnt(), 1);
    }

    #[test]
    fn visit_reports_slots_then_values_by_index() {
        let v = InlineValues::with_capacity(3, 1).unwrap();
        let (a, b, c) = (leaf(), leaf(), leaf());
        v.set(2, a.clone()).unwrap();
        v.set(0, b.clone()).unwrap();
        v.set_slot(0, Some(c.clone())).unwrap();
        let mut seen = Vec::new();
        let mut f = |o: crate::Obj<'_>| seen.push(o.addr());
        let mut vis = Visitor::from_fn(&mut f);
        v.visit(&mut vis);
        assert_eq!(
            seen,
            vec![c.as_obj().addr(), b.as_obj().addr(), a.as_obj().addr()]
        );
        // Unlocked again.
        assert!(v.set(1, a.clone()).is_ok());
    }
}
