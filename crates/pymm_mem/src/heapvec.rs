//! [`HeapVec`]: a growable array whose buffer lives in pymm's private heap.
//!
//! CPython's variable-size containers keep their items in a separate block obtained
//! with `PyMem_Malloc` (a list's `ob_item`, a dict's keys table, a bytearray's
//! buffer). `HeapVec` is that block: three words (`ptr`, `len`, `cap`, exactly the
//! `ob_item`, `ob_size`, `allocated` fields of `PyListObject`), a buffer allocated
//! from this thread's heap in the [`Domain::Mem`] domain, so allocation hooks,
//! `sys.getallocatedblocks()` and the heap cap all see it, and a capacity the
//! owner controls exactly (so the interpreter can apply CPython's growth formulas
//! and report `sys.getsizeof` honestly).
//!
//! Objects are shared, so a `HeapVec` inside an object body is mutated through
//! `&self`. The API never hands out a reference into the buffer: reads copy an item
//! out ([`HeapItem::dup`], which never runs user code), and every method finishes
//! its change before any removed item is dropped (dropping an object may run a
//! finalizer that touches the same vector). The one borrowed view,
//! [`HeapVec::traverse`], locks the vector: a mutation during it panics.

use core::cell::Cell;
use core::marker::PhantomData;
use core::mem::{align_of, size_of};
use core::ptr::NonNull;

use crate::object::ObjRef;
use crate::obmalloc::{AllocError, Domain};
use crate::runtime::rt;
use crate::visit::Visitor;

/// An item that may be stored in a [`HeapVec`].
///
/// # Safety
/// `dup` must not run code that can reach the vector holding the item (it is called
/// while the vector's buffer is borrowed), and `visit` may only call the visitor.
pub unsafe trait HeapItem: Sized + 'static {
    /// A copy of the item (an incref for object references).
    fn dup(&self) -> Self;
    /// Visits the objects the item holds a strong reference to.
    fn visit(&self, _v: &mut Visitor<'_>) {}
}

macro_rules! copy_items {
    ($($t:ty),*) => {$(
        // SAFETY: copying a plain value runs no code.
        unsafe impl HeapItem for $t {
            #[inline]
            fn dup(&self) -> Self { *self }
        }
    )*};
}
copy_items!(
    u8, u16, u32, u64, usize, i8, i16, i32, i64, isize, f32, f64, bool, char
);

// SAFETY: cloning an ObjRef is an increment of its count; no code runs.
unsafe impl HeapItem for ObjRef {
    #[inline]
    fn dup(&self) -> Self {
        self.clone()
    }
    #[inline]
    fn visit(&self, v: &mut Visitor<'_>) {
        v.visit(self.as_obj());
    }
}

// SAFETY: delegates to the inner item's guarantees.
unsafe impl<T: HeapItem> HeapItem for Option<T> {
    #[inline]
    fn dup(&self) -> Self {
        self.as_ref().map(T::dup)
    }
    #[inline]
    fn visit(&self, v: &mut Visitor<'_>) {
        if let Some(x) = self {
            x.visit(v);
        }
    }
}

// SAFETY: delegates to the inner items' guarantees.
unsafe impl<A: HeapItem, B: HeapItem> HeapItem for (A, B) {
    #[inline]
    fn dup(&self) -> Self {
        (self.0.dup(), self.1.dup())
    }
    #[inline]
    fn visit(&self, v: &mut Visitor<'_>) {
        self.0.visit(v);
        self.1.visit(v);
    }
}

// SAFETY: delegates to the inner items' guarantees.
unsafe impl<A: HeapItem, B: HeapItem, C: HeapItem> HeapItem for (A, B, C) {
    #[inline]
    fn dup(&self) -> Self {
        (self.0.dup(), self.1.dup(), self.2.dup())
    }
    #[inline]
    fn visit(&self, v: &mut Visitor<'_>) {
        self.0.visit(v);
        self.1.visit(v);
        self.2.visit(v);
    }
}

/// The top bit of `cap`: the vector is being traversed and must not change.
const LOCKED: usize = 1 << (usize::BITS - 1);

/// A growable array in pymm's heap: a list's `ob_item`, a dict's tables, a bytearray's buffer.
pub struct HeapVec<T: HeapItem> {
    ptr: Cell<*mut T>,
    len: Cell<usize>,
    cap: Cell<usize>,
    _owns: PhantomData<T>,
}

const _: () = assert!(size_of::<HeapVec<ObjRef>>() == 24);

impl<T: HeapItem> Default for HeapVec<T> {
    fn default() -> Self {
        HeapVec::new()
    }
}

impl<T: HeapItem> core::fmt::Debug for HeapVec<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("HeapVec")
            .field("len", &self.len())
            .field("capacity", &self.capacity())
            .finish()
    }
}

impl<T: HeapItem> HeapVec<T> {
    const ITEM: usize = {
        assert!(align_of::<T>() <= 16, "heap blocks are 16-aligned");
        size_of::<T>()
    };

    /// An empty vector; no block is allocated until the capacity becomes nonzero.
    pub const fn new() -> HeapVec<T> {
        HeapVec {
            ptr: Cell::new(core::ptr::null_mut()),
            len: Cell::new(0),
            cap: Cell::new(0),
            _owns: PhantomData,
        }
    }

    /// An empty vector with room for exactly `cap` items.
    pub fn with_capacity(cap: usize) -> Result<HeapVec<T>, AllocError> {
        let v = HeapVec::new();
        v.set_capacity(cap)?;
        Ok(v)
    }

    /// A vector holding `items`, with capacity exactly their number.
    pub fn from_vec(items: Vec<T>) -> Result<HeapVec<T>, AllocError> {
        let v = HeapVec::new();
        v.replace_all(items)?;
        Ok(v)
    }

    /// The number of items (`ob_size`).
    #[inline]
    pub fn len(&self) -> usize {
        self.len.get()
    }

    /// Whether there are no items.
    #[inline]
    pub fn is_empty(&self) -> bool {
        self.len.get() == 0
    }

    /// The number of items the buffer holds (`allocated`).
    #[inline]
    pub fn capacity(&self) -> usize {
        self.cap.get() & !LOCKED
    }

    /// The size of the buffer in bytes.
    pub fn buffer_bytes(&self) -> usize {
        self.capacity() * Self::ITEM
    }

    #[inline]
    fn check_unlocked(&self) {
        assert!(
            self.cap.get() & LOCKED == 0,
            "a HeapVec was modified while it was being traversed"
        );
    }

    /// A copy of item `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<T> {
        if i < self.len.get() {
            // SAFETY: i < len, so slot i is initialised; `dup` runs no code that could
            // change the vector while the reference is alive.
            Some(unsafe { &*self.ptr.get().add(i) }.dup())
        } else {
            None
        }
    }

    /// Copies of all items.
    pub fn to_vec(&self) -> Vec<T> {
        (0..self.len()).filter_map(|i| self.get(i)).collect()
    }

    /// Replaces item `i` with `v`, returning the old item (or `v` back if `i` is out of
    /// range). The caller drops the old item after the vector is consistent again.
    pub fn replace(&self, i: usize, v: T) -> Result<T, T> {
        self.check_unlocked();
        if i < self.len.get() {
            // SAFETY: slot i is initialised; the old value is moved out and the new one
            // moved in, with no code running in between.
            Ok(unsafe { core::ptr::replace(self.ptr.get().add(i), v) })
        } else {
            Err(v)
        }
    }

    /// The size of a block for `cap` items, refused past `isize::MAX` bytes.
    fn block_bytes(cap: usize) -> Result<usize, AllocError> {
        let bytes = cap.saturating_mul(Self::ITEM);
        if bytes > isize::MAX as usize {
            return Err(AllocError { requested: bytes });
        }
        Ok(bytes)
    }

    /// Sets the capacity to exactly `cap` (at least `len`), resizing the block with
    /// CPython's `PyMem_Realloc` (the items stay or move with it). A capacity of 0
    /// frees the block.
    ///
    /// # Panics
    /// If `cap < len`.
    pub fn set_capacity(&self, cap: usize) -> Result<(), AllocError> {
        self.check_unlocked();
        assert!(cap >= self.len.get(), "capacity below length");
        if cap == self.cap.get() {
            return Ok(());
        }
        let old = NonNull::new(self.ptr.get().cast::<u8>());
        let new = if cap == 0 {
            if let Some(old) = old {
                // SAFETY: the block came from this heap and holds no items (len == 0).
                unsafe { rt().free(old, Domain::Mem) };
            }
            core::ptr::null_mut()
        } else {
            let bytes = Self::block_bytes(cap)?;
            match old {
                // SAFETY: the block came from this heap; realloc keeps the first
                // min(old, new) bytes, which hold the `len <= cap` items (moved, not
                // dropped), and on success the old pointer is not used again.
                Some(old) => unsafe { rt().realloc(old, bytes, Domain::Mem) }?,
                None => rt().malloc(bytes, Domain::Mem)?,
            }
            .as_ptr()
            .cast::<T>()
        };
        self.ptr.set(new);
        self.cap.set(cap);
        Ok(())
    }

    /// Appends `v`, growing the capacity by doubling (at least 4) when full. Containers
    /// with their own growth policy call [`HeapVec::set_capacity`] first.
    pub fn push(&self, v: T) -> Result<(), AllocError> {
        self.check_unlocked();
        let len = self.len.get();
        if len == self.cap.get() {
            self.set_capacity((len * 2).max(4))?;
        }
        // SAFETY: len < cap, so slot len is inside the block and uninitialised.
        unsafe { self.ptr.get().add(len).write(v) };
        self.len.set(len + 1);
        Ok(())
    }

    /// Inserts `v` before item `i` (clamped to `len`), growing as [`HeapVec::push`].
    pub fn insert(&self, i: usize, v: T) -> Result<(), AllocError> {
        self.check_unlocked();
        let len = self.len.get();
        if len == self.cap.get() {
            self.set_capacity((len * 2).max(4))?;
        }
        let i = i.min(len);
        // SAFETY: len < cap; items i..len move up by one inside the block, then slot i
        // (now logically uninitialised) receives v.
        unsafe {
            let p = self.ptr.get();
            core::ptr::copy(p.add(i), p.add(i + 1), len - i);
            p.add(i).write(v);
        }
        self.len.set(len + 1);
        Ok(())
    }

    /// Removes and returns the last item.
    pub fn pop(&self) -> Option<T> {
        self.check_unlocked();
        let len = self.len.get();
        if len == 0 {
            return None;
        }
        self.len.set(len - 1);
        // SAFETY: slot len-1 was initialised and is now outside the length.
        Some(unsafe { self.ptr.get().add(len - 1).read() })
    }

    /// Removes and returns item `i`, shifting the rest down.
    pub fn remove(&self, i: usize) -> Option<T> {
        self.check_unlocked();
        let len = self.len.get();
        if i >= len {
            return None;
        }
        // SAFETY: slot i is initialised; it is moved out and items i+1..len move down.
        unsafe {
            let p = self.ptr.get();
            let v = p.add(i).read();
            core::ptr::copy(p.add(i + 1), p.add(i), len - i - 1);
            self.len.set(len - 1);
            Some(v)
        }
    }

    /// Replaces items `start..end` (clamped) with `items`, returning the removed ones.
    /// The capacity grows by doubling if needed; it never shrinks here.
    pub fn splice(&self, start: usize, end: usize, items: Vec<T>) -> Result<Vec<T>, AllocError> {
        self.check_unlocked();
        let len = self.len.get();
        let end = end.min(len);
        let start = start.min(end);
        let new_len = len - (end - start) + items.len();
        if len == 0 && items.is_empty() {
            return Ok(Vec::new());
        }
        if new_len > self.cap.get() {
            self.set_capacity(new_len.max(self.cap.get() * 2))?;
        }
        let mut removed = Vec::with_capacity(end - start);
        let mut items = core::mem::ManuallyDrop::new(items);
        // SAFETY: the removed items are moved out first; the tail moves to its new place
        // (inside the capacity, checked above); the new items are moved in and their
        // Vec forgets them.
        unsafe {
            let p = self.ptr.get();
            core::ptr::copy_nonoverlapping(p.add(start), removed.as_mut_ptr(), end - start);
            removed.set_len(end - start);
            core::ptr::copy(p.add(end), p.add(start + items.len()), len - end);
            core::ptr::copy_nonoverlapping(items.as_ptr(), p.add(start), items.len());
            items.set_len(0);
            core::mem::ManuallyDrop::drop(&mut items);
        }
        self.len.set(new_len);
        Ok(removed)
    }

    /// Removes the items from `n` on and returns them; the capacity is unchanged.
    pub fn truncate(&self, n: usize) -> Vec<T> {
        let len = self.len();
        self.splice(n.min(len), len, Vec::new()).unwrap_or_default()
    }

    /// Empties the vector, releasing the items last to first, and frees its block
    /// (`list_dealloc`, `_list_clear`). Nothing is copied: the block is detached from
    /// the vector first, so code that a release runs sees an empty vector.
    pub fn clear(&self) {
        self.release(true);
    }

    /// [`HeapVec::clear`], releasing the items first to last (`dict_dealloc`,
    /// `set_dealloc`).
    pub fn clear_first_to_last(&self) {
        self.release(false);
    }

    fn release(&self, last_first: bool) {
        self.check_unlocked();
        let len = self.len.get();
        let p = self.ptr.get();
        self.ptr.set(core::ptr::null_mut());
        self.len.set(0);
        self.cap.set(0);
        if p.is_null() {
            return;
        }
        /// Frees the detached block, also if a release panics (the items not yet
        /// released then leak, which is safe).
        struct FreeBlock(*mut u8);
        impl Drop for FreeBlock {
            fn drop(&mut self) {
                // SAFETY: the block came from this heap, is detached from the vector and
                // is freed once.
                unsafe { rt().free(NonNull::new_unchecked(self.0), Domain::Mem) };
            }
        }
        let _free = FreeBlock(p.cast());
        for k in 0..len {
            let i = if last_first { len - 1 - k } else { k };
            // SAFETY: item i is initialised and released exactly once; nothing else can
            // reach the detached block.
            unsafe { core::ptr::drop_in_place(p.add(i)) };
        }
    }

    /// Empties the vector and frees its block, returning the items.
    pub fn take_all(&self) -> Vec<T> {
        self.check_unlocked();
        let len = self.len.get();
        let p = self.ptr.get();
        let mut out = Vec::with_capacity(len);
        self.ptr.set(core::ptr::null_mut());
        self.len.set(0);
        self.cap.set(0);
        if !p.is_null() {
            // SAFETY: the `len` initialised items are moved into `out`; the block came from
            // this heap and is no longer reachable from the vector.
            unsafe {
                core::ptr::copy_nonoverlapping(p, out.as_mut_ptr(), len);
                out.set_len(len);
                rt().free(NonNull::new_unchecked(p.cast()), Domain::Mem);
            }
        }
        out
    }

    /// Replaces the contents with `n` copies of `value` (capacity exactly `n`), straight
    /// into a new block: a hash table's fresh index array. On allocation failure nothing
    /// changes.
    pub fn reset_filled(&self, n: usize, value: T) -> Result<(), AllocError>
    where
        T: Copy,
    {
        self.check_unlocked();
        let bytes = Self::block_bytes(n)?;
        let new = if n == 0 {
            core::ptr::null_mut()
        } else {
            let p = rt().malloc(bytes, Domain::Mem)?.as_ptr().cast::<T>();
            for i in 0..n {
                // SAFETY: the block has room for n items of T, suitably aligned.
                unsafe { p.add(i).write(value) };
            }
            p
        };
        let old = self.ptr.replace(new);
        self.len.set(n);
        self.cap.set(n);
        if let Some(old) = NonNull::new(old.cast::<u8>()) {
            // SAFETY: the old block came from this heap and is no longer reachable from
            // the vector; its items are `Copy` (nothing to drop).
            unsafe { rt().free(old, Domain::Mem) };
        }
        Ok(())
    }

    /// Replaces the contents with `items` (capacity exactly their number), returning the
    /// old items. On allocation failure nothing changes and the new items are dropped.
    pub fn replace_all(&self, items: Vec<T>) -> Result<Vec<T>, AllocError> {
        let n = items.len();
        self.replace_all_with_capacity(items, n)
    }

    /// [`HeapVec::replace_all`] into a block of `max(capacity, items.len())` slots (a
    /// list that keeps its over-allocation across `list.sort`).
    pub fn replace_all_with_capacity(
        &self,
        items: Vec<T>,
        capacity: usize,
    ) -> Result<Vec<T>, AllocError> {
        self.check_unlocked();
        let fresh = HeapVec::<T>::new();
        fresh.set_capacity(capacity.max(items.len()))?;
        let old = self.take_all();
        let mut items = core::mem::ManuallyDrop::new(items);
        let n = items.len();
        if n > 0 {
            // SAFETY: the fresh block holds n items; they are moved from the Vec, which
            // forgets them.
            unsafe {
                core::ptr::copy_nonoverlapping(items.as_ptr(), fresh.ptr.get(), n);
                items.set_len(0);
            }
        }
        // SAFETY: the Vec is empty; dropping it only frees its own buffer.
        unsafe { core::mem::ManuallyDrop::drop(&mut items) };
        self.ptr.set(fresh.ptr.replace(core::ptr::null_mut()));
        self.cap.set(fresh.cap.replace(0));
        self.len.set(n);
        Ok(old)
    }

    /// Swaps items `i` and `j` (both must be in range).
    pub fn swap(&self, i: usize, j: usize) {
        self.check_unlocked();
        let len = self.len.get();
        assert!(i < len && j < len, "HeapVec::swap out of range");
        // SAFETY: both slots are initialised and inside the length.
        unsafe { core::ptr::swap(self.ptr.get().add(i), self.ptr.get().add(j)) };
    }

    /// Reverses the items in place.
    pub fn reverse(&self) {
        let len = self.len();
        for i in 0..len / 2 {
            self.swap(i, len - 1 - i);
        }
    }

    /// Visits every object the items hold, first to last (a container's
    /// `tp_traverse`). The vector is locked meanwhile: a change made by the visitor panics
    /// instead of invalidating the traversal.
    pub fn traverse(&self, v: &mut Visitor<'_>) {
        self.with_items(|items| {
            for x in items {
                x.visit(v);
            }
        });
    }

    /// Runs `f` on the items as a slice, with the vector locked: a change made meanwhile
    /// (for example by a visitor or a finalizer `f` triggers) panics instead of
    /// invalidating the slice. Containers use it to traverse in CPython's order.
    #[inline]
    pub fn with_items<R>(&self, f: impl FnOnce(&[T]) -> R) -> R {
        let cap = self.cap.get();
        let len = self.len.get();
        let ptr = self.ptr.get();
        let items: &[T] = if len == 0 {
            &[]
        } else {
            // SAFETY: `len` items are initialised at `ptr`; while the lock below (or an
            // outer one) is held, push/pop/realloc panic, so the slice stays valid for the
            // duration of `f`.
            unsafe { core::slice::from_raw_parts(ptr, len) }
        };
        // Already locked further up the stack, `cap` has the bit and the outer lock stays
        // (restoring `cap` afterwards changes nothing). One call site, so `f` inlines.
        self.cap.set(cap | LOCKED);
        struct Unlock<'a>(&'a Cell<usize>, usize);
        impl Drop for Unlock<'_> {
            fn drop(&mut self) {
                self.0.set(self.1);
            }
        }
        let _unlock = Unlock(&self.cap, cap);
        f(items)
    }
}

impl<T: HeapItem> Drop for HeapVec<T> {
    fn drop(&mut self) {
        // Unlocked by construction: a `&mut` excludes a running traversal. Items are
        // released last first, as CPython's `list_dealloc` does.
        self.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_insert_remove_splice() {
        let v = HeapVec::<u32>::new();
        assert_eq!((v.len(), v.capacity(), v.buffer_bytes()), (0, 0, 0));
        for i in 0..10 {
            v.push(i).unwrap();
        }
        assert_eq!(v.capacity(), 16);
        v.insert(0, 100).unwrap();
        assert_eq!(v.remove(5), Some(4));
        assert_eq!(v.pop(), Some(9));
        let removed = v.splice(1, 3, vec![7, 7, 7]).unwrap();
        assert_eq!(removed, vec![0, 1]);
        assert_eq!(v.to_vec(), vec![100, 7, 7, 7, 2, 3, 5, 6, 7, 8]);
        assert_eq!(v.replace(0, 1), Ok(100));
        assert_eq!(v.replace(99, 1), Err(1));
        v.reverse();
        assert_eq!(v.get(9), Some(1));
        assert_eq!(v.truncate(2), vec![6, 5, 3, 2, 7, 7, 7, 1]);
        v.set_capacity(2).unwrap();
        assert_eq!((v.len(), v.capacity(), v.buffer_bytes()), (2, 2, 8));
        assert_eq!(v.take_all(), vec![8, 7]);
        assert_eq!(v.capacity(), 0);
    }

    #[test]
    fn buffers_come_from_the_heap() {
        let before = crate::allocated_blocks();
        let v = HeapVec::<u64>::with_capacity(8).unwrap();
        assert_eq!(crate::allocated_blocks(), before + 1);
        drop(v);
        assert_eq!(crate::allocated_blocks(), before);
    }

    #[test]
    fn reset_filled_replaces_block_and_contents() {
        let before = crate::allocated_blocks();
        let v = HeapVec::<i32>::new();
        v.push(7).unwrap();
        v.reset_filled(8, -1).unwrap();
        assert_eq!((v.len(), v.capacity()), (8, 8));
        assert_eq!(v.to_vec(), [-1; 8]);
        assert_eq!(
            crate::allocated_blocks(),
            before + 1,
            "the old block is freed"
        );
        v.reset_filled(0, 0).unwrap();
        assert_eq!((v.len(), v.capacity()), (0, 0));
        assert_eq!(crate::allocated_blocks(), before);
    }
}
