//! Pools and size classes (CPython `Objects/obmalloc.c`: `struct pool_header`,
//! `INDEX2SIZE`, `NUMBLOCKS`, `pymalloc_pool_extend`).
//!
//! A pool is one 16 KiB, 16 KiB-aligned piece of an arena. Its first
//! [`POOL_OVERHEAD`] bytes hold a [`PoolHeader`]; the rest is cut into blocks
//! of one size class. Blocks are handed out lazily: `nextoffset` is the first
//! never-used block, `freeblock` the head of a singly linked list of blocks that
//! were freed (or the one virgin block carved ahead of need). The link lives in
//! the first 8 bytes of each free block.

use core::ptr;

use super::{ALIGNMENT, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, SMALL_REQUEST_THRESHOLD};

/// `log2(ALIGNMENT)`: a request of `n` bytes uses class `(n - 1) >> ALIGNMENT_SHIFT`.
pub const ALIGNMENT_SHIFT: u32 = ALIGNMENT.trailing_zeros();
/// `szidx` of a freshly carved pool that never held blocks (CPython `DUMMY_SIZE_IDX`).
pub const DUMMY_SIZE_IDX: u32 = 0xffff;
/// `POOL_SIZE - 1`: masks an address down to its pool (CPython `POOL_SIZE_MASK`).
pub const POOL_SIZE_MASK: usize = POOL_SIZE - 1;

/// One of the 32 size classes: class `i` serves requests of `16*i + 1 ..= 16*(i + 1)` bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SizeClass(u32);

impl SizeClass {
    /// The class serving a request of `nbytes` (which must be in `1..=512`).
    #[inline]
    pub const fn for_request(nbytes: usize) -> Option<SizeClass> {
        if nbytes.wrapping_sub(1) < SMALL_REQUEST_THRESHOLD {
            Some(SizeClass(((nbytes - 1) >> ALIGNMENT_SHIFT) as u32))
        } else {
            None
        }
    }

    /// The class with index `index` (`0..32`).
    pub const fn from_index(index: usize) -> Option<SizeClass> {
        if index < NB_SMALL_SIZE_CLASSES {
            Some(SizeClass(index as u32))
        } else {
            None
        }
    }

    /// The class index (`szidx`).
    #[inline]
    pub const fn index(self) -> usize {
        self.0 as usize
    }

    /// The block size of this class (CPython `INDEX2SIZE`).
    #[inline]
    pub const fn block_size(self) -> usize {
        index_to_size(self.0 as usize)
    }

    /// How many blocks fit in one pool (CPython `NUMBLOCKS`).
    pub const fn blocks_per_pool(self) -> usize {
        (POOL_SIZE - POOL_OVERHEAD) / self.block_size()
    }

    /// Bytes of each pool too small for another block ("quantization").
    pub const fn pool_waste(self) -> usize {
        (POOL_SIZE - POOL_OVERHEAD) % self.block_size()
    }

    /// Where the first block of a pool starts: right after the header, as in CPython,
    /// or at the next cache line when this class's quantization leaves room for the
    /// gap. The blocks per pool and the bytes lost are the same either way (the gap
    /// comes out of the waste at the pool's end), but 64-byte blocks then each fill
    /// one cache line instead of straddling two, and larger blocks straddle fewer
    /// lines: a 64-byte object reached on its own (a referent the collector visits,
    /// a dereference) costs one line instead of two. Every class but the 16-byte one
    /// has the room (16336 = 16 * 1021, with 1021 prime, so only 16 divides the space
    /// after the header).
    pub const fn first_block_offset(self) -> usize {
        const LINE_ALIGNED: usize = POOL_OVERHEAD.next_multiple_of(CACHE_LINE);
        if self.pool_waste() >= LINE_ALIGNED - POOL_OVERHEAD {
            LINE_ALIGNED
        } else {
            POOL_OVERHEAD
        }
    }
}

/// The cache-line size the block layout aligns to (see [`SizeClass::first_block_offset`]).
pub const CACHE_LINE: usize = 64;

/// Block size of size-class index `idx` (CPython `INDEX2SIZE`).
#[inline(always)]
pub const fn index_to_size(idx: usize) -> usize {
    (idx + 1) << ALIGNMENT_SHIFT
}

/// The header at the start of every pool (CPython `struct pool_header`).
///
/// Layout is fixed at 48 bytes to match CPython: `count` at +0 (inside an
/// 8-byte slot, CPython's `ref` union), `freeblock` +8, `nextpool` +16,
/// `prevpool` +24, `arenaindex` +32, `szidx` +36, `nextoffset` +40,
/// `maxnextoffset` +44.
#[repr(C)]
#[derive(Debug)]
pub struct PoolHeader {
    /// Number of allocated blocks in this pool (CPython `ref.count`).
    pub count: u32,
    _count_pad: u32,
    /// Head of the pool's free-block list, or null when no carved block is free.
    pub freeblock: *mut u8,
    /// Next pool: in a `usedpools` list (doubly linked), or in an arena's
    /// `freepools` list (singly linked).
    pub nextpool: *mut PoolHeader,
    /// Previous pool in a `usedpools` list.
    pub prevpool: *mut PoolHeader,
    /// Index of the owning arena's descriptor.
    pub arenaindex: u32,
    /// Size-class index of the blocks, or [`DUMMY_SIZE_IDX`] for a pool never used.
    pub szidx: u32,
    /// Byte offset of the next never-used block.
    pub nextoffset: u32,
    /// Largest valid `nextoffset` (`POOL_SIZE - block size`).
    pub maxnextoffset: u32,
}

const _: () = assert!(core::mem::size_of::<PoolHeader>() == 48);
const _: () = assert!(core::mem::size_of::<PoolHeader>() == POOL_OVERHEAD);
const _: () = assert!(core::mem::align_of::<PoolHeader>() <= ALIGNMENT);
const _: () = assert!(core::mem::offset_of!(PoolHeader, freeblock) == 8);
const _: () = assert!(core::mem::offset_of!(PoolHeader, nextpool) == 16);
const _: () = assert!(core::mem::offset_of!(PoolHeader, prevpool) == 24);
const _: () = assert!(core::mem::offset_of!(PoolHeader, arenaindex) == 32);
const _: () = assert!(core::mem::offset_of!(PoolHeader, szidx) == 36);
const _: () = assert!(core::mem::offset_of!(PoolHeader, nextoffset) == 40);
const _: () = assert!(core::mem::offset_of!(PoolHeader, maxnextoffset) == 44);

impl PoolHeader {
    /// A header with every link null, used for the `usedpools` list heads
    /// (CPython's "fake" pool headers that make the lists circular).
    pub const fn sentinel() -> PoolHeader {
        PoolHeader {
            count: 0,
            _count_pad: 0,
            freeblock: ptr::null_mut(),
            nextpool: ptr::null_mut(),
            prevpool: ptr::null_mut(),
            arenaindex: u32::MAX,
            szidx: DUMMY_SIZE_IDX,
            nextoffset: 0,
            maxnextoffset: 0,
        }
    }
}

/// The pool that contains address `p` (CPython `POOL_ADDR`). Only meaningful
/// when `p` is inside one of our arenas.
#[inline(always)]
pub fn pool_addr(p: *mut u8) -> *mut PoolHeader {
    p.map_addr(|a| a & !POOL_SIZE_MASK).cast()
}

/// Initialises a pool that is about to serve class `idx` for the first time
/// (or for a different class than before) and returns its first block.
///
/// # Safety
/// `pool` points to a pool of [`POOL_SIZE`] writable bytes inside a mapped arena
/// and no block of it is allocated.
#[inline]
pub unsafe fn init_pool(pool: *mut PoolHeader, idx: usize) -> *mut u8 {
    let size = index_to_size(idx);
    let first = match SizeClass::from_index(idx) {
        Some(class) => class.first_block_offset(),
        None => POOL_OVERHEAD,
    };
    // SAFETY: the caller guarantees the pool is mapped, writable and ours alone;
    // both blocks touched lie inside it because 64 + 2 * 512 < POOL_SIZE.
    unsafe {
        (*pool).szidx = idx as u32;
        let bp = pool.cast::<u8>().add(first);
        (*pool).nextoffset = (first + 2 * size) as u32;
        (*pool).maxnextoffset = (POOL_SIZE - size) as u32;
        let second = bp.add(size);
        second.cast::<*mut u8>().write(ptr::null_mut());
        (*pool).freeblock = second;
        bp
    }
}

/// The free list of `pool` just ran dry: carve the next virgin block if the pool has
/// one (CPython `pymalloc_pool_extend`). A pool with none left is full; CPython unlinks
/// it here, pymm when an allocation next finds it (see `state`).
///
/// # Safety
/// `pool` is a pool on a `usedpools` list whose `freeblock` is null.
#[inline]
pub unsafe fn pool_extend(pool: *mut PoolHeader, idx: usize) {
    // SAFETY: the caller guarantees `pool` is a live pool; a full one stays on its
    // list until the next allocation of its class finds it (see `state`).
    unsafe {
        if (*pool).nextoffset <= (*pool).maxnextoffset {
            let fb = pool.cast::<u8>().add((*pool).nextoffset as usize);
            (*pool).nextoffset += index_to_size(idx) as u32;
            fb.cast::<*mut u8>().write(ptr::null_mut());
            (*pool).freeblock = fb;
        }
    }
}

/// Removes `pool` from the circular doubly linked list it is on.
///
/// # Safety
/// `pool` is on a circular `usedpools` list.
#[inline(always)]
pub unsafe fn unlink_pool(pool: *mut PoolHeader) {
    // SAFETY: on a circular list both neighbours are valid headers.
    unsafe {
        let next = (*pool).nextpool;
        let prev = (*pool).prevpool;
        (*next).prevpool = prev;
        (*prev).nextpool = next;
    }
}

/// Links `pool` right after the list head `head` (the front of the list).
///
/// # Safety
/// `head` is a `usedpools` list head and `pool` is on no list.
#[inline(always)]
pub unsafe fn link_pool_front(head: *mut PoolHeader, pool: *mut PoolHeader) {
    // SAFETY: the caller guarantees both headers are valid and `head` is on a
    // well-formed circular list.
    unsafe {
        let next = (*head).nextpool;
        (*pool).nextpool = next;
        (*pool).prevpool = head;
        (*next).prevpool = pool;
        (*head).nextpool = pool;
    }
}
