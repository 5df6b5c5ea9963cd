//! [`SlotBuf`]: the slots of a frame (its variables, then its value stack), a vector of
//! optional object references.
//!
//! CPython 3.11 keeps a running function's `_PyInterpreterFrame`, `localsplus`
//! included, on a per-thread data stack that no allocation hook sees, and embeds a
//! generator's frame in the generator object. A `SlotBuf` serves both: by default its
//! buffer comes from the system allocator (an interpreter pools these for its calls);
//! [`SlotBuf::in_heap`] makes one whose buffer is a block of this thread's heap in the
//! [`Domain::Mem`] domain, sized exactly, as a generator's frame needs: allocation hooks
//! (and so `tracemalloc`), `sys.getallocatedblocks()` and the heap cap see it.
//!
//! The value stack lives here, so the operations are `Vec`'s, as cheap: `push` checks
//! the capacity and writes, `pop` reads. A `SlotBuf` that must grow moves to a system
//! buffer (growth is never expected of a heap buffer: it is sized for the code's
//! deepest stack).

use core::mem::size_of;
use core::ops::{Deref, DerefMut};
use core::ptr::NonNull;
use std::alloc::Layout;

use crate::object::ObjRef;
use crate::obmalloc::{AllocError, Domain};
use crate::runtime::rt;

/// One slot: a reference, or nothing (CPython's `NULL`: an unbound variable).
pub type Slot = Option<ObjRef>;

/// A frame's slots. Not `Send`: a heap buffer belongs to this thread's heap.
pub struct SlotBuf {
    ptr: NonNull<Slot>,
    len: usize,
    /// The capacity in slots.
    cap: u32,
    /// Whether the buffer is a block of this thread's heap.
    heap: bool,
    _not_send: core::marker::PhantomData<*const ()>,
}

const _: () = assert!(size_of::<SlotBuf>() == 24);

impl Default for SlotBuf {
    fn default() -> Self {
        SlotBuf::new()
    }
}

impl core::fmt::Debug for SlotBuf {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl SlotBuf {
    /// An empty buffer that has allocated nothing.
    pub const fn new() -> SlotBuf {
        SlotBuf {
            ptr: NonNull::dangling(),
            len: 0,
            cap: 0,
            heap: false,
            _not_send: core::marker::PhantomData,
        }
    }

    /// An empty buffer with room for `cap` slots from the system allocator.
    pub fn with_capacity(cap: usize) -> SlotBuf {
        let mut b = SlotBuf::new();
        b.reserve(cap);
        b
    }

    /// An empty buffer with room for exactly `cap` slots in a block of this thread's
    /// heap (`Domain::Mem`); `cap` 0 allocates nothing.
    pub fn in_heap(cap: usize) -> Result<SlotBuf, AllocError> {
        if cap == 0 {
            return Ok(SlotBuf::new());
        }
        let bytes = cap.saturating_mul(size_of::<Slot>());
        let cap32 = u32::try_from(cap).map_err(|_| AllocError { requested: bytes })?;
        let p = rt().malloc(bytes, Domain::Mem)?;
        Ok(SlotBuf {
            ptr: p.cast(),
            len: 0,
            cap: cap32,
            heap: true,
            _not_send: core::marker::PhantomData,
        })
    }

    /// The number of slots in use.
    #[inline(always)]
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether no slot is in use.
    #[inline(always)]
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// The number of slots the buffer holds without growing.
    #[inline(always)]
    pub fn capacity(&self) -> usize {
        self.cap as usize
    }

    /// Whether the buffer is a block of this thread's heap.
    #[inline]
    pub fn is_in_heap(&self) -> bool {
        self.heap
    }

    /// The bytes of the buffer's heap block (0 for a system buffer).
    pub fn heap_bytes(&self) -> usize {
        if self.is_in_heap() {
            self.capacity() * size_of::<Slot>()
        } else {
            0
        }
    }

    /// Appends `v`.
    #[inline(always)]
    pub fn push(&mut self, v: Slot) {
        if self.len == self.capacity() {
            self.grow(1);
        }
        // SAFETY: len < capacity after the check: the slot is in the buffer and unused.
        unsafe { self.ptr.as_ptr().add(self.len).write(v) };
        self.len += 1;
    }

    /// Removes and returns the last slot.
    #[inline(always)]
    pub fn pop(&mut self) -> Option<Slot> {
        if self.len == 0 {
            return None;
        }
        self.len -= 1;
        // SAFETY: the slot at the old last index is initialised; with len lowered it is
        // read once and never again. The hint (Vec's) tells the compiler that a push
        // after this pop needs no room: the eval loop's pop, pop, push skips a check.
        unsafe {
            core::hint::assert_unchecked(self.len < self.capacity());
            Some(self.ptr.as_ptr().add(self.len).read())
        }
    }

    /// Drops the slots from `n` on, first to last (as `Vec::truncate`).
    #[inline]
    pub fn truncate(&mut self, n: usize) {
        let old = self.len;
        if n >= old {
            return;
        }
        // Lowered first: a finalizer the drops run cannot see the slots being dropped.
        self.len = n;
        // SAFETY: slots n..old are initialised and, with len lowered, no longer owned by
        // the buffer's view; each is dropped once.
        unsafe {
            core::ptr::drop_in_place(core::ptr::slice_from_raw_parts_mut(
                self.ptr.as_ptr().add(n),
                old - n,
            ));
        }
    }

    /// Drops every slot, first to last.
    #[inline]
    pub fn clear(&mut self) {
        self.truncate(0);
    }

    /// Makes room for `additional` more slots.
    #[inline]
    pub fn reserve(&mut self, additional: usize) {
        if self.capacity() - self.len < additional {
            self.grow(additional);
        }
    }

    /// Grows or shrinks to `n` slots, filling with clones of `v` (as `Vec::resize`).
    pub fn resize(&mut self, n: usize, v: Slot) {
        if n <= self.len() {
            self.truncate(n);
            return;
        }
        self.reserve(n - self.len());
        while self.len() < n {
            self.push(v.clone());
        }
    }

    /// Appends every slot of `iter`.
    #[inline]
    pub fn extend<I: IntoIterator<Item = Slot>>(&mut self, iter: I) {
        let iter = iter.into_iter();
        self.reserve(iter.size_hint().0);
        for v in iter {
            self.push(v);
        }
    }

    /// Removes the slots from `at` on and yields them, first to last; those not taken
    /// are dropped with the iterator.
    ///
    /// # Panics
    /// If `at` is past the end.
    pub fn drain(&mut self, at: core::ops::RangeFrom<usize>) -> Drain<'_> {
        let at = at.start;
        let end = self.len;
        assert!(at <= end, "SlotBuf::drain: {at} is past the end ({end})");
        // Lowered first: if the iterator is leaked, the drained slots leak instead of
        // being dropped twice.
        self.len = at;
        Drain {
            buf: self,
            next: at,
            end,
        }
    }

    /// Moves to a larger system buffer with room for `additional` more slots.
    #[cold]
    #[inline(never)]
    fn grow(&mut self, additional: usize) {
        let len = self.len;
        let need = len
            .checked_add(additional)
            .expect("SlotBuf: capacity overflow");
        let new_cap = need.max(self.capacity() * 2).max(4);
        let new_cap32 = u32::try_from(new_cap).expect("SlotBuf: capacity overflow");
        let layout = Layout::array::<Slot>(new_cap).expect("SlotBuf: capacity overflow");
        // SAFETY: the layout has a nonzero size (new_cap >= 4).
        let p = unsafe { std::alloc::alloc(layout) }.cast::<Slot>();
        let Some(p) = NonNull::new(p) else {
            std::alloc::handle_alloc_error(layout)
        };
        // SAFETY: the old buffer holds len initialised slots; the new one has room for
        // them and does not overlap it. The slots are moved (the old buffer is freed
        // without dropping them).
        unsafe {
            core::ptr::copy_nonoverlapping(self.ptr.as_ptr(), p.as_ptr(), len);
            self.free_buffer();
        }
        self.ptr = p;
        self.cap = new_cap32;
        self.heap = false;
    }

    /// Gives the buffer back, without dropping any slot.
    ///
    /// # Safety
    /// The slots in it have been moved out or dropped, and the buffer is not used again
    /// until it is replaced.
    unsafe fn free_buffer(&mut self) {
        let cap = self.capacity();
        if cap == 0 {
            return;
        }
        if self.is_in_heap() {
            // SAFETY: a block of this thread's heap in the Mem domain, allocated by
            // in_heap, freed once (the caller replaces it).
            unsafe { rt().free(self.ptr.cast(), Domain::Mem) };
        } else {
            let layout = Layout::array::<Slot>(cap).expect("layout of an allocated buffer");
            // SAFETY: allocated by grow with this layout, freed once.
            unsafe { std::alloc::dealloc(self.ptr.as_ptr().cast(), layout) };
        }
    }
}

impl Deref for SlotBuf {
    type Target = [Slot];
    #[inline(always)]
    fn deref(&self) -> &[Slot] {
        // SAFETY: the first len slots are initialised; ptr is dangling only when len is 0.
        unsafe { core::slice::from_raw_parts(self.ptr.as_ptr(), self.len) }
    }
}

impl DerefMut for SlotBuf {
    #[inline(always)]
    fn deref_mut(&mut self) -> &mut [Slot] {
        // SAFETY: as in deref, and `&mut self` makes the borrow unique.
        unsafe { core::slice::from_raw_parts_mut(self.ptr.as_ptr(), self.len) }
    }
}

impl Drop for SlotBuf {
    fn drop(&mut self) {
        self.clear();
        // SAFETY: every slot was dropped just above; the buffer is not used again.
        unsafe { self.free_buffer() };
    }
}

/// The iterator of [`SlotBuf::drain`].
#[derive(Debug)]
pub struct Drain<'a> {
    buf: &'a mut SlotBuf,
    next: usize,
    end: usize,
}

impl Iterator for Drain<'_> {
    type Item = Slot;

    #[inline]
    fn next(&mut self) -> Option<Slot> {
        if self.next == self.end {
            return None;
        }
        // SAFETY: slots next..end are initialised and owned by the iterator (the
        // buffer's len stops before them); each is read once.
        let v = unsafe { self.buf.ptr.as_ptr().add(self.next).read() };
        self.next += 1;
        Some(v)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }
}

impl ExactSizeIterator for Drain<'_> {}

impl Drop for Drain<'_> {
    fn drop(&mut self) {
        let (next, end) = (self.next, self.end);
        self.next = end;
        // SAFETY: the slots not taken are initialised and owned by the iterator; each is
        // dropped once (next moved to end first).
        unsafe {
            core::ptr::drop_in_place(core::ptr::slice_from_raw_parts_mut(
                self.buf.ptr.as_ptr().add(next),
                end - next,
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, ObjRef, TypeInfo};

    #[derive(Debug)]
    struct Leaf(u32);
    impl Body for Leaf {}
    static LEAF_T: TypeInfo = TypeInfo::new("leaf", crate::BodyVTable::of::<Leaf>());

    fn leaf(n: u32) -> Slot {
        Some(ObjRef::new(&LEAF_T, Leaf(n)).expect("alloc"))
    }

    fn values(b: &SlotBuf) -> Vec<Option<u32>> {
        b.iter()
            .map(|s| {
                s.as_ref()
                    .map(|o| o.as_obj().downcast::<Leaf>().expect("leaf").0)
            })
            .collect()
    }

    #[test]
    fn behaves_as_a_vec_through_growth() {
        for mut b in [SlotBuf::new(), SlotBuf::in_heap(3).expect("heap buffer")] {
            for i in 0..10 {
                b.push(if i % 3 == 0 { None } else { leaf(i) });
            }
            assert_eq!(b.len(), 10);
            assert!(!b.is_in_heap(), "grown past its heap block");
            assert_eq!(b.pop().map(|s| s.is_some()), Some(false));
            b.truncate(7);
            b.swap(1, 2);
            assert_eq!(
                values(&b),
                vec![None, Some(2), Some(1), None, Some(4), Some(5), None]
            );
            let tail: Vec<Slot> = b.drain(4..).collect();
            assert_eq!(tail.len(), 3);
            {
                // Dropped with two slots untaken.
                let mut d = b.drain(1..);
                assert!(d.next().is_some());
            }
            assert_eq!(values(&b), vec![None]);
            b.resize(3, leaf(9));
            assert_eq!(values(&b), vec![None, Some(9), Some(9)]);
            b.extend([leaf(7), None]);
            assert_eq!(b.len(), 5);
        }
    }

    #[test]
    fn heap_buffers_are_blocks_of_the_heap() {
        let before = crate::allocated_blocks();
        let mut b = SlotBuf::in_heap(5).expect("heap buffer");
        assert!(b.is_in_heap());
        assert_eq!((b.capacity(), b.heap_bytes()), (5, 40));
        assert_eq!(crate::allocated_blocks(), before + 1);
        for i in 0..5 {
            b.push(leaf(i));
        }
        assert!(b.is_in_heap(), "a full buffer has not grown");
        assert_eq!(crate::allocated_blocks(), before + 6);
        drop(b);
        assert_eq!(crate::allocated_blocks(), before);
        assert_eq!(SlotBuf::in_heap(0).expect("empty").capacity(), 0);
    }
}
