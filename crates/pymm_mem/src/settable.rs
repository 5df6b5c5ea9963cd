//! [`SetTable`]: a set's hash table with CPython's eight-entry `smalltable` inline.
//!
//! A `PySetObject` carries `mask`, a `table` pointer and `setentry smalltable[8]` in
//! the object itself: a set of up to five keys needs no second block, and
//! `sys.getsizeof(set())` is 216 because the object really is 216 bytes. A larger
//! table is one block of `mask + 1` entries from the heap ([`Domain::Mem`]), and
//! `table` points to it. `SetTable` is those three fields: 16 bytes plus the inline
//! entries. The table always has a power-of-two number of slots, at least
//! [`SetTable::SMALL`].
//!
//! As with [`HeapVec`](crate::HeapVec), the table lives in a shared object and is
//! changed through `&self`: reads copy an entry out ([`HeapItem::dup`]), and every
//! method finishes its change before any removed entry is dropped, so a finalizer
//! that a drop runs sees a consistent table. [`SetTable::traverse`] locks the table:
//! a change made during it panics.

use core::cell::{Cell, UnsafeCell};
use core::mem::{align_of, size_of};
use core::ptr::NonNull;

use crate::heapvec::HeapItem;
use crate::obmalloc::{AllocError, Domain};
use crate::runtime::rt;
use crate::visit::Visitor;

/// The top bit of `mask`: the table is being traversed and must not change.
const LOCKED: usize = 1 << (usize::BITS - 1);

/// `PySet_MINSIZE`.
const MINSIZE: usize = 8;

/// A hash table of `mask + 1` entries: the inline small table, or a heap block.
pub struct SetTable<T: HeapItem + Default> {
    /// `mask`: the number of slots less one (the top bit is the traversal lock).
    mask: Cell<usize>,
    /// `table`: the heap block, or null while the small table is in use.
    table: Cell<*mut T>,
    /// `smalltable`: always initialised (empty entries are `T::default()`).
    small: UnsafeCell<[T; MINSIZE]>,
}

const _: () = assert!(size_of::<SetTable<(isize, Option<crate::ObjRef>)>>() == 16 + 8 * 16);

impl<T: HeapItem + Default> Default for SetTable<T> {
    fn default() -> Self {
        SetTable::new()
    }
}

impl<T: HeapItem + Default> core::fmt::Debug for SetTable<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("SetTable")
            .field("slots", &self.len())
            .field("small", &self.is_small())
            .finish()
    }
}

impl<T: HeapItem + Default> SetTable<T> {
    /// `PySet_MINSIZE`: the slots of the inline table.
    pub const SMALL: usize = MINSIZE;

    const ITEM: usize = {
        assert!(align_of::<T>() <= 16, "heap blocks are 16-aligned");
        size_of::<T>()
    };

    /// An empty table using the inline slots.
    pub fn new() -> SetTable<T> {
        SetTable {
            mask: Cell::new(Self::SMALL - 1),
            table: Cell::new(core::ptr::null_mut()),
            small: UnsafeCell::new(core::array::from_fn(|_| T::default())),
        }
    }

    /// The number of slots (`mask + 1`): a power of two, at least [`Self::SMALL`].
    #[inline]
    pub fn len(&self) -> usize {
        (self.mask.get() & !LOCKED) + 1
    }

    /// Always false: a table has at least [`Self::SMALL`] slots.
    #[inline]
    pub fn is_empty(&self) -> bool {
        false
    }

    /// Whether the inline slots are in use (no heap block).
    #[inline]
    pub fn is_small(&self) -> bool {
        self.table.get().is_null()
    }

    /// The size of the heap block in bytes (0 for the inline table).
    pub fn block_bytes(&self) -> usize {
        if self.is_small() {
            0
        } else {
            self.len() * Self::ITEM
        }
    }

    #[inline]
    fn slots(&self) -> *mut T {
        let t = self.table.get();
        if t.is_null() {
            self.small.get().cast::<T>()
        } else {
            t
        }
    }

    #[inline]
    fn check_unlocked(&self) {
        assert!(
            self.mask.get() & LOCKED == 0,
            "a set table was modified while it was being traversed"
        );
    }

    /// A copy of slot `i`.
    #[inline]
    pub fn get(&self, i: usize) -> Option<T> {
        if i < self.len() {
            // SAFETY: every slot below `len` is initialised; `dup` runs no code that
            // could change the table while the reference is alive.
            Some(unsafe { &*self.slots().add(i) }.dup())
        } else {
            None
        }
    }

    /// Replaces slot `i` with `v`, returning the old entry (or `v` back if `i` is out
    /// of range). The caller drops the old entry once the set is consistent again.
    #[inline]
    pub fn replace(&self, i: usize, v: T) -> Result<T, T> {
        self.check_unlocked();
        if i < self.len() {
            // SAFETY: slot i is initialised; the old value is moved out and the new one
            // moved in, with no code running in between.
            Ok(unsafe { core::ptr::replace(self.slots().add(i), v) })
        } else {
            Err(v)
        }
    }

    /// Detaches the current slots as a vector, leaving `fresh` (a heap block of
    /// `size` default entries, or null for the inline table, which is refilled).
    fn swap_out(&self, fresh: *mut T, size: usize) -> Vec<T> {
        let n = self.len();
        let old = self.table.replace(fresh);
        let mut out = Vec::with_capacity(n);
        if old.is_null() {
            let small = self.small.get().cast::<T>();
            for i in 0..Self::SMALL {
                // SAFETY: each inline slot is initialised; its value is moved out and a
                // default written back, with no code running in between.
                out.push(unsafe { core::ptr::replace(small.add(i), T::default()) });
            }
        } else {
            // SAFETY: the detached block holds `n` initialised entries, moved into `out`
            // (which then owns them); it came from this heap and is freed once.
            unsafe {
                core::ptr::copy_nonoverlapping(old, out.as_mut_ptr(), n);
                out.set_len(n);
                rt().free(NonNull::new_unchecked(old.cast()), Domain::Mem);
            }
        }
        self.mask.set(size - 1);
        out
    }

    /// A heap block of `size` default entries.
    fn fresh_block(size: usize) -> Result<*mut T, AllocError> {
        let bytes = size
            .checked_mul(Self::ITEM)
            .filter(|&b| b <= isize::MAX as usize)
            .ok_or(AllocError {
                requested: usize::MAX,
            })?;
        let p = rt().malloc(bytes, Domain::Mem)?.as_ptr().cast::<T>();
        for i in 0..size {
            // SAFETY: the block has room for `size` entries of T, suitably aligned.
            unsafe { p.add(i).write(T::default()) };
        }
        Ok(p)
    }

    /// Gives the table `size` empty slots (a power of two, at least [`Self::SMALL`]:
    /// the inline table for that size) and returns the old entries in slot order
    /// (`set_table_resize`). On allocation failure nothing changes.
    ///
    /// # Panics
    /// If `size` is not such a power of two.
    pub fn reset(&self, size: usize) -> Result<Vec<T>, AllocError> {
        assert!(
            size.is_power_of_two() && size >= Self::SMALL,
            "a set table has a power-of-two size of at least 8"
        );
        self.check_unlocked();
        let fresh = if size == Self::SMALL {
            core::ptr::null_mut()
        } else {
            Self::fresh_block(size)?
        };
        Ok(self.swap_out(fresh, size))
    }

    /// Empties the table back to the inline slots, returning the old entries in slot
    /// order (`set_clear_internal`: the caller drops them after resetting its counts).
    pub fn take_all(&self) -> Vec<T> {
        self.check_unlocked();
        self.swap_out(core::ptr::null_mut(), Self::SMALL)
    }

    /// Replaces the slots with `entries` (their number a power of two, at least
    /// [`Self::SMALL`]), returning the old ones: `set_swap_bodies` moving one set's
    /// table into another. On allocation failure nothing changes.
    ///
    /// # Panics
    /// If the number of entries is not such a power of two.
    pub fn replace_all(&self, entries: Vec<T>) -> Result<Vec<T>, AllocError> {
        let old = self.reset(entries.len())?;
        for (i, e) in entries.into_iter().enumerate() {
            // SAFETY: slot i exists (the table has exactly `entries.len()` slots) and
            // holds a default entry, which has nothing to release.
            unsafe { self.slots().add(i).write(e) };
        }
        Ok(old)
    }

    /// Visits every object the entries hold, in slot order (`set_traverse`). The table
    /// is locked meanwhile: a change made by the visitor panics.
    pub fn traverse(&self, v: &mut Visitor<'_>) {
        let mask = self.mask.get();
        // SAFETY: `len` slots are initialised at `slots()`; while the lock is held every
        // mutating method panics, so the slice stays valid during the visit.
        let items = unsafe { core::slice::from_raw_parts(self.slots(), self.len()) };
        self.mask.set(mask | LOCKED);
        struct Unlock<'a>(&'a Cell<usize>, usize);
        impl Drop for Unlock<'_> {
            fn drop(&mut self) {
                self.0.set(self.1);
            }
        }
        let _unlock = Unlock(&self.mask, mask);
        for x in items {
            x.visit(v);
        }
    }
}

impl<T: HeapItem + Default> Drop for SetTable<T> {
    fn drop(&mut self) {
        // Unlocked by construction: a `&mut` excludes a running traversal. The entries
        // are released first to last, as `set_dealloc` does.
        drop(self.take_all());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_table_is_inline_and_grows_into_a_block() {
        let before = crate::allocated_blocks();
        let t = SetTable::<(isize, Option<u32>)>::new();
        assert_eq!((t.len(), t.is_small(), t.block_bytes()), (8, true, 0));
        assert_eq!(t.replace(3, (7, Some(7))), Ok((0, None)));
        assert_eq!(t.replace(8, (1, None)), Err((1, None)));
        assert_eq!(crate::allocated_blocks(), before, "no block for 8 slots");
        let old = t.reset(32).unwrap();
        assert_eq!(old.len(), 8);
        assert_eq!(old[3], (7, Some(7)));
        assert_eq!((t.len(), t.is_small()), (32, false));
        assert_eq!(t.block_bytes(), 32 * size_of::<(isize, Option<u32>)>());
        assert_eq!(crate::allocated_blocks(), before + 1);
        assert_eq!(t.get(3), Some((0, None)), "the new slots are empty");
        t.replace(31, (5, Some(5))).unwrap();
        let taken = t.take_all();
        assert_eq!((taken.len(), taken[31]), (32, (5, Some(5))));
        assert_eq!((t.len(), t.is_small()), (8, true));
        assert_eq!(crate::allocated_blocks(), before, "the block is freed");
    }

    #[test]
    fn replace_all_moves_a_table_in() {
        let a = SetTable::<(isize, Option<u32>)>::new();
        let b = SetTable::<(isize, Option<u32>)>::new();
        b.reset(16).unwrap();
        b.replace(9, (9, Some(9))).unwrap();
        let moved = b.take_all();
        let old = a.replace_all(moved).unwrap();
        assert_eq!(old.len(), 8);
        assert_eq!((a.len(), a.get(9)), (16, Some((9, Some(9)))));
        assert_eq!(b.len(), 8);
    }

    #[test]
    #[should_panic(expected = "power-of-two size")]
    fn sizes_are_powers_of_two() {
        let t = SetTable::<(isize, Option<u32>)>::new();
        let _ = t.reset(12);
    }
}
