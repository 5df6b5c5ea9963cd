//! The small-object allocator: CPython 3.11's `Objects/obmalloc.c` ("pymalloc").
//!
//! Requests of 1..=512 bytes are served from 16 KiB *pools* of one size class
//! each (32 classes of 16, 32, ..., 512 bytes), carved out of 1 MiB *arenas*
//! mapped with `mmap`. Requests of 0 or more than 512 bytes go to the system
//! allocator (`libc::malloc`, CPython's `PyMem_RawMalloc`). `free` tells the two
//! apart with the arena-map radix tree, never by size.
//!
//! Files, one concept each:
//! * [`pool`]: `pool_header` layout, size classes, pool initialisation;
//! * [`arena`]: arena descriptors, `usable_arenas` sorted by free pools with the
//!   `nfp2lasta` fingers, `unused_arena_objects`, mmap/munmap;
//! * [`radix`]: the arena map used by `address_in_range`;
//! * [`state`]: `usedpools` and the malloc/free/realloc paths;
//! * [`stats`]: statistics and the `sys._debugmallocstats()` text.
//!
//! Where pymm differs from CPython: the state is per [`Heap`] instead of
//! process-global (so the radix root is heap-owned and the `usedpools` heads
//! are 32 real pool headers in their own allocation); descriptor lists use
//! indices instead of pointers; a radix slot encodes CPython's
//! `{tail_hi, tail_lo}` so that the test is one compare; a heap can be capped
//! ([`Heap::set_limit`]) and reports failure with [`AllocError`] instead of
//! returning NULL; a pool's first block starts on a cache line rather than right
//! after the header when the class's waste leaves room (every class but 16 bytes:
//! see [`SizeClass::first_block_offset`]), with CPython's block counts and byte
//! accounting unchanged. Arena allocation cannot be replaced
//! (`PyObject_SetArenaAllocator`), and there is no debug allocator
//! (`PYTHONMALLOC=debug`) yet.
//!
//! Fast paths: [`Heap::malloc`] is "class = (n-1)>>4, pop the first used
//! pool's free block, count++" and [`Heap::free`] is "radix lookup, push,
//! count--", both inlined; everything else is out of line.

pub mod arena;
pub mod pool;
pub mod radix;
pub mod state;
pub mod stats;

use core::ptr::NonNull;

pub use arena::set_background_unmap;
pub use pool::SizeClass;
pub use stats::{HeapStats, SizeClassStats, write_freelist_line, write_stat_line};

use state::OMState;

/// Every block is aligned to this many bytes (CPython `ALIGNMENT`).
pub const ALIGNMENT: usize = 16;
/// Requests of 1..=512 bytes are served from pools; 0 and larger go to the system allocator.
pub const SMALL_REQUEST_THRESHOLD: usize = 512;
/// Number of size classes: class `i` has blocks of `(i + 1) * 16` bytes.
pub const NB_SMALL_SIZE_CLASSES: usize = SMALL_REQUEST_THRESHOLD / ALIGNMENT;
/// Pool size (CPython with `WITH_PYMALLOC_RADIX_TREE`, large pools).
pub const POOL_SIZE: usize = 16 * 1024;
/// Arena size (large arenas).
pub const ARENA_SIZE: usize = 1 << 20;
/// Bytes at the start of each pool taken by its header, rounded up to `ALIGNMENT`.
pub const POOL_OVERHEAD: usize = 48;

/// Which allocation family a request belongs to (CPython's `PyMem_Raw*`, `PyMem_*`, `PyObject_*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Domain {
    /// `PyMem_RawMalloc`: always the system allocator.
    Raw = 0,
    /// `PyMem_Malloc`: pymalloc.
    Mem = 1,
    /// `PyObject_Malloc`: pymalloc.
    Obj = 2,
}

/// How the heap serves small requests.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AllocatorMode {
    /// Arenas and pools (the default; CPython's `PYTHONMALLOC=pymalloc`).
    Pymalloc,
    /// Every request goes to the system allocator (CPython's `PYTHONMALLOC=malloc`), so
    /// tools such as valgrind see every object as its own block.
    Malloc,
}

/// An allocation failed: the heap limit would be exceeded, or the system allocator refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AllocError {
    /// The number of bytes that was asked for.
    pub requested: usize,
}

impl core::fmt::Display for AllocError {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "cannot allocate {} bytes", self.requested)
    }
}

impl std::error::Error for AllocError {}

/// A private heap (CPython's obmalloc state plus the raw-allocation fallback).
///
/// `Heap` is `!Send + !Sync`: blocks carry no synchronisation.
///
/// Dropping a heap unmaps all its arenas: any small block still allocated
/// becomes invalid. Raw blocks (0 or > 512 bytes, or every block in
/// [`AllocatorMode::Malloc`]) still allocated are not tracked and are leaked.
#[derive(Debug)]
pub struct Heap {
    /// Requests with `size - 1 < small_threshold` go to pools: 512 in
    /// `Pymalloc` mode, 0 in `Malloc` mode (so everything is raw).
    small_threshold: usize,
    mode: AllocatorMode,
    state: Box<OMState>,
    _not_send: core::marker::PhantomData<*mut u8>,
}

impl Default for Heap {
    fn default() -> Self {
        Self::new()
    }
}

impl Heap {
    /// A heap in `Pymalloc` mode without a limit.
    pub fn new() -> Self {
        Self::with_mode(AllocatorMode::Pymalloc)
    }

    /// A heap in the given mode without a limit.
    ///
    /// # Panics
    /// If the 256 KiB radix-tree root cannot be allocated.
    pub fn with_mode(mode: AllocatorMode) -> Self {
        let small_threshold = match mode {
            AllocatorMode::Pymalloc => SMALL_REQUEST_THRESHOLD,
            AllocatorMode::Malloc => 0,
        };
        let state = OMState::new_boxed().expect("cannot allocate the arena map root");
        Heap {
            small_threshold,
            mode,
            state,
            _not_send: core::marker::PhantomData,
        }
    }

    /// The mode chosen at construction.
    pub fn mode(&self) -> AllocatorMode {
        self.mode
    }

    /// Sets (or removes) the cap on the bytes this heap obtains from the system
    /// (arenas of 1 MiB plus the usable size of every raw block).
    pub fn set_limit(&mut self, limit: Option<usize>) {
        self.state.limit = limit;
    }

    /// The current cap.
    pub fn limit(&self) -> Option<usize> {
        self.state.limit
    }

    /// Bytes currently obtained from the system: what the limit counts.
    pub fn system_bytes(&self) -> usize {
        self.state.system_bytes()
    }

    /// Allocates `size` bytes aligned to 16.
    #[inline]
    pub fn malloc(&mut self, size: usize) -> Result<NonNull<u8>, AllocError> {
        let r = if size.wrapping_sub(1) < self.small_threshold {
            self.state
                .pymalloc_alloc((size - 1) >> pool::ALIGNMENT_SHIFT)
        } else {
            self.state.raw_malloc(size)
        };
        r.ok_or(AllocError { requested: size })
    }

    /// Frees a block.
    ///
    /// # Safety
    /// `ptr` came from `malloc`/`realloc` of this heap and was not freed since.
    #[inline]
    pub unsafe fn free(&mut self, ptr: NonNull<u8>) {
        let p = ptr.as_ptr();
        if self.state.address_in_range(p) {
            // SAFETY: the radix tree says p is inside one of our arenas, and the
            // caller guarantees it is a live block of this heap.
            unsafe { self.state.pymalloc_free(p) }
        } else {
            // SAFETY: not ours, so it is a live raw block (caller's guarantee).
            unsafe { self.state.raw_free(p) }
        }
    }

    /// Frees a block whose requested size is known, skipping `address_in_range`: with
    /// the same size, `malloc` took it from a pool exactly when `free` would find it in
    /// one (the heap never falls back from pools to the system).
    ///
    /// # Safety
    /// `ptr` came from `malloc(size)` of this heap (not `realloc`) and was not freed since.
    #[inline]
    pub unsafe fn free_sized(&mut self, ptr: NonNull<u8>, size: usize) {
        let p = ptr.as_ptr();
        if size.wrapping_sub(1) < self.small_threshold {
            debug_assert!(self.state.address_in_range(p));
            #[cfg(debug_assertions)]
            {
                // SAFETY: p is a live pool block (caller's guarantee).
                let class = unsafe { self.block_size(ptr) };
                assert_eq!(class, Some(size.next_multiple_of(16)));
            }
            // SAFETY: blocks of this size come from pools (see above); the caller
            // guarantees it is live.
            unsafe { self.state.pymalloc_free(p) }
        } else {
            // SAFETY: blocks of this size come from the system allocator.
            unsafe { self.state.raw_free(p) }
        }
    }

    /// Resizes a block. A small block stays in place when the new size fits its
    /// class and shrinks it by less than a quarter; otherwise it moves (CPython
    /// `_PyObject_Realloc`). Raw blocks use `libc::realloc`. On error the old
    /// block is left untouched.
    ///
    /// # Safety
    /// As for [`Heap::free`].
    pub unsafe fn realloc(
        &mut self,
        ptr: NonNull<u8>,
        new_size: usize,
    ) -> Result<NonNull<u8>, AllocError> {
        let p = ptr.as_ptr();
        let r = if self.state.address_in_range(p) {
            // SAFETY: p is a live pymalloc block of this heap.
            unsafe {
                self.state
                    .pymalloc_realloc(p, new_size, self.small_threshold)
            }
        } else {
            // SAFETY: p is a live raw block of this heap.
            unsafe { self.state.raw_realloc(p, new_size) }
        };
        r.ok_or(AllocError {
            requested: new_size,
        })
    }

    /// `sys.getallocatedblocks()`: allocated blocks in pools plus raw blocks.
    pub fn allocated_blocks(&self) -> usize {
        self.state.allocated_blocks()
    }

    /// A snapshot of every `_debugmallocstats` figure.
    pub fn stats(&self) -> HeapStats {
        HeapStats::collect(&self.state)
    }

    /// Writes CPython's `sys._debugmallocstats()` allocator section (from
    /// `Small block threshold` through the arena-map `Total`). In `Malloc` mode
    /// CPython prints nothing here, and neither does pymm.
    pub fn write_debug_malloc_stats(&self, out: &mut String) {
        if self.mode == AllocatorMode::Pymalloc {
            self.stats().write_debug_malloc_stats(out);
        }
    }

    /// Whether `ptr` lies in one of this heap's arenas (CPython `address_in_range`).
    pub fn is_pymalloc_block(&self, ptr: NonNull<u8>) -> bool {
        self.state.address_in_range(ptr.as_ptr())
    }

    /// Block size of the pool holding `ptr`, or `None` for a raw block.
    ///
    /// # Safety
    /// `ptr` is a live block of this heap.
    pub unsafe fn block_size(&self, ptr: NonNull<u8>) -> Option<usize> {
        if !self.is_pymalloc_block(ptr) {
            return None;
        }
        // SAFETY: a live block of ours has a live pool header.
        let szidx = unsafe { (*pool::pool_addr(ptr.as_ptr())).szidx };
        Some(pool::index_to_size(szidx as usize))
    }

    /// Descriptor indices of `usable_arenas` with their free-pool counts, in
    /// list order (for tests and introspection).
    pub fn usable_arenas(&self) -> Vec<(u32, u32)> {
        let a = &self.state.arenas;
        // SAFETY: the pending pool is a live header of one of our arenas.
        let pending = self
            .state
            .pending_empty_pool()
            .map(|p| unsafe { (*p).arenaindex });
        a.usable_order()
            .into_iter()
            .map(|i| {
                (
                    i,
                    a.objs[i as usize].nfreepools + u32::from(pending == Some(i)),
                )
            })
            .collect()
    }

    /// Length of the arena descriptor vector (CPython `maxarenas`): 0, then 16,
    /// doubling whenever no unused descriptor is left.
    pub fn arena_descriptors(&self) -> usize {
        self.state.arenas.objs.len()
    }

    /// Checks the arena-list invariants (sorted order, links, `nfp2lasta`).
    pub fn check_invariants(&self) -> Result<(), String> {
        self.state.check_invariants()
    }
}
