//! Free lists of dead objects' blocks, per type and size slot: CPython 3.11's
//! `float_state.free_list`, `tuple_state.free_list[20]`, `list_state.free_list` and
//! `dict_state.free_list` (`Objects/floatobject.c`, `tupleobject.c`, `listobject.c`,
//! `dictobject.c`), generalised to any type that asks for one with
//! [`TypeInfo::freelist`](crate::TypeInfo::freelist).
//!
//! As in CPython, each list is an intrusive stack: a kept block's first word points to the
//! next kept block, so pushing and popping touch one head and one count. The types are found
//! by their descriptor's address in a small open-addressing table, so the hot paths do no
//! search, hashing of names or borrow bookkeeping.

use core::cell::Cell;
use core::ptr::NonNull;

use crate::typeinfo::TypeInfo;

/// How many types may have free lists (per thread); a type past this keeps none.
const MAX_TYPES: usize = 32;
/// How many size slots, over all those types (a tuple uses 20).
const MAX_STACKS: usize = 256;

/// One slot's stack of kept blocks.
struct Stack {
    head: Cell<*mut u8>,
    len: Cell<usize>,
}

/// A registered type: its descriptor, and its slots `base..base + slots` in `stacks`.
#[derive(Clone, Copy)]
struct Entry {
    ty: *const TypeInfo,
    base: u16,
    slots: u16,
}

const EMPTY: Entry = Entry {
    ty: core::ptr::null(),
    base: 0,
    slots: 0,
};

/// The free lists of one runtime (one thread).
pub(crate) struct FreeLists {
    table: [Cell<Entry>; MAX_TYPES],
    stacks: Box<[Stack]>,
    used: Cell<usize>,
}

/// The table position where `ty`'s search starts (Fibonacci hashing of the address).
#[inline]
fn home(ty: *const TypeInfo) -> usize {
    const BITS: u32 = MAX_TYPES.trailing_zeros();
    ((ty as usize as u64 >> 4).wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - BITS)) as usize
}

impl FreeLists {
    pub(crate) fn new() -> FreeLists {
        FreeLists {
            table: core::array::from_fn(|_| Cell::new(EMPTY)),
            stacks: (0..MAX_STACKS)
                .map(|_| Stack {
                    head: Cell::new(core::ptr::null_mut()),
                    len: Cell::new(0),
                })
                .collect(),
            used: Cell::new(0),
        }
    }

    /// The entry of `ty`, registering it with `slots` slots if `register` and there is
    /// room.
    #[inline(always)]
    fn entry(&self, ty: &TypeInfo, slots: usize, register: bool) -> Option<Entry> {
        let ty = core::ptr::from_ref(ty);
        let mut i = home(ty);
        for _ in 0..MAX_TYPES {
            let e = self.table[i].get();
            if core::ptr::eq(e.ty, ty) {
                return Some(e);
            }
            if e.ty.is_null() {
                return if register {
                    self.register(i, ty, slots)
                } else {
                    None
                };
            }
            i = (i + 1) % MAX_TYPES;
        }
        None
    }

    #[cold]
    fn register(&self, i: usize, ty: *const TypeInfo, slots: usize) -> Option<Entry> {
        let base = self.used.get();
        if slots == 0 || base + slots > MAX_STACKS {
            return None;
        }
        self.used.set(base + slots);
        let e = Entry {
            ty,
            base: base as u16,
            slots: slots as u16,
        };
        self.table[i].set(e);
        Some(e)
    }

    #[inline]
    fn stack(&self, e: Entry, slot: usize) -> Option<&Stack> {
        if slot < e.slots as usize {
            self.stacks.get(e.base as usize + slot)
        } else {
            None
        }
    }

    /// Takes a kept block of type `ty`'s slot `slot`, if there is one.
    #[inline(always)]
    pub(crate) fn pop(&self, ty: &TypeInfo, slot: usize) -> Option<NonNull<u8>> {
        let st = self.stack(self.entry(ty, 0, false)?, slot)?;
        let head = NonNull::new(st.head.get())?;
        // SAFETY: a block on the stack is a live heap block of at least 16 bytes, 16-aligned,
        // owned by the stack, whose first word was written by `push`.
        let next = unsafe { head.cast::<*mut u8>().read() };
        st.head.set(next);
        st.len.set(st.len.get() - 1);
        Some(head)
    }

    /// Keeps `block` on `ty`'s slot `slot`; false (the block is not taken) when the slot
    /// holds `max` blocks already or `ty` has no room in the table.
    #[inline(always)]
    pub(crate) fn push(
        &self,
        ty: &'static TypeInfo,
        slots: usize,
        slot: usize,
        max: usize,
        block: NonNull<u8>,
    ) -> bool {
        let Some(st) = self
            .entry(ty, slots, true)
            .and_then(|e| self.stack(e, slot))
        else {
            return false;
        };
        if st.len.get() >= max {
            return false;
        }
        // SAFETY: the caller hands over a dead object's heap block (at least 16 bytes,
        // 16-aligned) that nothing else uses; its first word now links the stack.
        unsafe { block.cast::<*mut u8>().write(st.head.get()) };
        st.head.set(block.as_ptr());
        st.len.set(st.len.get() + 1);
        true
    }

    /// Number of blocks kept on `ty`'s slot `slot`.
    pub(crate) fn len(&self, ty: &TypeInfo, slot: usize) -> usize {
        self.entry(ty, 0, false)
            .and_then(|e| self.stack(e, slot))
            .map_or(0, |st| st.len.get())
    }

    /// Empties every list, handing each block and its type to `free`. The stacks stay
    /// registered.
    pub(crate) fn drain(&self, mut free: impl FnMut(&TypeInfo, NonNull<u8>)) {
        for cell in &self.table {
            let e = cell.get();
            if e.ty.is_null() {
                continue;
            }
            // SAFETY: only `push` registers types, and it takes `'static` descriptors.
            let ty = unsafe { &*e.ty };
            for slot in 0..e.slots as usize {
                while let Some(block) = self.pop(ty, slot) {
                    free(ty, block);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Body, BodyVTable};

    struct Cell64(#[allow(dead_code)] u64);
    impl Body for Cell64 {}

    const T: TypeInfo = TypeInfo::new("t", BodyVTable::of::<Cell64>());
    /// Distinct descriptors (the table is keyed by address).
    static TYPES: [TypeInfo; MAX_TYPES + 10] = [T; MAX_TYPES + 10];

    fn block() -> NonNull<u8> {
        let layout = std::alloc::Layout::from_size_align(16, 16).expect("layout");
        // SAFETY: the layout has a non-zero size.
        NonNull::new(unsafe { std::alloc::alloc(layout) }).expect("allocation")
    }

    fn release(b: NonNull<u8>) {
        let layout = std::alloc::Layout::from_size_align(16, 16).expect("layout");
        // SAFETY: `b` came from `block` with this layout and is no longer kept.
        unsafe { std::alloc::dealloc(b.as_ptr(), layout) }
    }

    #[test]
    fn stacks_are_lifo_bounded_and_per_slot() {
        let fl = FreeLists::new();
        let t = &TYPES[0];
        let (a, b, c) = (block(), block(), block());
        assert!(fl.pop(t, 0).is_none());
        assert!(fl.push(t, 2, 0, 2, a));
        assert!(fl.push(t, 2, 0, 2, b));
        assert!(!fl.push(t, 2, 0, 2, c), "the slot holds its maximum");
        assert!(fl.push(t, 2, 1, 2, c));
        assert!(!fl.push(t, 2, 2, 2, c), "no such slot");
        assert_eq!((fl.len(t, 0), fl.len(t, 1)), (2, 1));
        assert_eq!(fl.pop(t, 0), Some(b));
        assert_eq!(fl.pop(t, 0), Some(a));
        assert_eq!(fl.pop(t, 0), None);
        assert_eq!(fl.pop(t, 1), Some(c));
        for x in [a, b, c] {
            release(x);
        }
    }

    #[test]
    fn a_full_table_keeps_nothing_and_drain_empties_every_type() {
        let fl = FreeLists::new();
        let (types, rest) = TYPES.split_at(MAX_TYPES + 8);
        let mut kept = 0;
        for t in types {
            let b = block();
            if fl.push(t, 1, 0, 10, b) {
                kept += 1;
            } else {
                release(b);
            }
        }
        assert_eq!(kept, MAX_TYPES);
        // A type with more slots than are left is refused too.
        let big = &rest[0];
        let b = block();
        assert!(!fl.push(big, MAX_STACKS, 0, 10, b));
        release(b);
        let mut drained = 0;
        fl.drain(|_, b| {
            drained += 1;
            release(b);
        });
        assert_eq!(drained, MAX_TYPES);
        assert!(types.iter().all(|t| fl.len(t, 0) == 0));
    }
}
