//! [`HeapBox`]: a `Box` whose block lives in pymm's private heap.
//!
//! An object's body has a fixed size; what it owns beyond that would otherwise sit
//! in the Rust heap, where `tracemalloc`, `sys.getallocatedblocks()` and the heap cap
//! cannot see it.
//! `HeapBox` allocates it from this thread's heap in the [`Domain::Mem`] domain
//! instead, as CPython keeps such parts in `PyMem_Malloc` blocks.

use core::marker::PhantomData;
use core::mem::{align_of, size_of};
use core::ops::{Deref, DerefMut};
use core::ptr::NonNull;

use crate::obmalloc::{AllocError, Domain};
use crate::runtime::rt;

/// An owned `T` in a block of this thread's heap. Not `Send`: the block belongs to
/// the thread's heap.
pub struct HeapBox<T> {
    ptr: NonNull<T>,
    _marker: PhantomData<(T, *const ())>,
}

impl<T> HeapBox<T> {
    /// Moves `value` into a new block.
    ///
    /// # Panics
    /// If `T` needs an alignment above the heap's 16 bytes.
    pub fn new(value: T) -> Result<HeapBox<T>, AllocError> {
        assert!(align_of::<T>() <= 16, "HeapBox: alignment above 16 bytes");
        let p = rt().malloc(size_of::<T>().max(1), Domain::Mem)?.cast::<T>();
        // SAFETY: the block is fresh, at least size_of::<T>() bytes long and 16-byte
        // aligned (which covers T's alignment, checked above).
        unsafe { p.as_ptr().write(value) };
        Ok(HeapBox {
            ptr: p,
            _marker: PhantomData,
        })
    }

    /// The value, moved out; the block is given back.
    pub fn into_inner(self) -> T {
        let this = core::mem::ManuallyDrop::new(self);
        // SAFETY: the value is initialised and read once; the box is not dropped (so
        // the value is not dropped again), and its block is freed here.
        unsafe {
            let v = this.ptr.as_ptr().read();
            rt().free(this.ptr.cast(), Domain::Mem);
            v
        }
    }
}

impl<T> Deref for HeapBox<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        // SAFETY: the value is initialised for the box's life, and shared borrows of
        // the box give shared borrows of it.
        unsafe { self.ptr.as_ref() }
    }
}

impl<T> DerefMut for HeapBox<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut T {
        // SAFETY: as above; `&mut self` makes the borrow unique.
        unsafe { self.ptr.as_mut() }
    }
}

impl<T> Drop for HeapBox<T> {
    fn drop(&mut self) {
        // SAFETY: the value is initialised and dropped once, here; the block came from
        // this thread's heap in the Mem domain and is no longer used afterwards.
        unsafe {
            core::ptr::drop_in_place(self.ptr.as_ptr());
            rt().free(self.ptr.cast(), Domain::Mem);
        }
    }
}

impl<T: core::fmt::Debug> core::fmt::Debug for HeapBox<T> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        (**self).fmt(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_as_a_heap_block_and_drops_its_value() {
        let before = crate::allocated_blocks();
        let b = HeapBox::new(vec![1u8, 2, 3]).unwrap();
        assert_eq!(crate::allocated_blocks(), before + 1);
        assert_eq!(b.len(), 3);
        let mut b = b;
        b.push(4);
        assert_eq!(b.into_inner(), vec![1, 2, 3, 4]);
        assert_eq!(crate::allocated_blocks(), before);
        let rc = std::rc::Rc::new(());
        drop(HeapBox::new(rc.clone()).unwrap());
        assert_eq!(std::rc::Rc::strong_count(&rc), 1);
        assert_eq!(crate::allocated_blocks(), before);
    }
}
