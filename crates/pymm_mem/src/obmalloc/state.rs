//! The allocator state of one heap and its allocation / free / realloc paths
//! (CPython `Objects/obmalloc.c`: `usedpools`, `pymalloc_alloc`,
//! `allocate_from_new_pool`, `pymalloc_free`, `insert_to_usedpool`,
//! `insert_to_freepool`, `pymalloc_realloc`, and the `PyMem_Raw*` fallback).
//!
//! `usedpools[i]` is the head of a circular doubly linked list of the
//! *partially used* pools of class `i`. CPython overlays fake headers on an
//! array of pointers; pymm keeps 32 real [`PoolHeader`] sentinels in a
//! separate allocation reached only through a raw pointer (pools on the lists
//! point at them, so they must neither move nor be covered by a `&mut` of the
//! state), which gives the same branch-free link/unlink. Empty pools go to their
//! arena's `freepools`.
//!
//! Full pools leave their list lazily. CPython unlinks a pool the moment its last
//! free block is handed out, and links it back at the front when one of its blocks
//! is freed; a first-in-first-out pattern (free the oldest object, allocate a new
//! one) then pays an unlink and a link for every object. Here a pool that fills up
//! stays where it is (at the front) and is unlinked by the next allocation of its
//! class that finds it full; a free into a full pool that is still at the front has
//! nothing to relink, and one into a full pool elsewhere moves it to the front. The
//! partially used pools keep exactly CPython's order, so every allocation returns
//! the block CPython's would. An unlinked full pool has a null `nextpool`.
//!
//! An emptied pool may also stay where it is, for a while. CPython moves a pool whose
//! last block is freed to its arena's `freepools` (re-sorting `usable_arenas`), and the
//! next allocation of the class takes it straight back when nothing else changed: one
//! block allocated and freed over and over on a quiet heap pays both moves every time.
//! pymm defers the move when it can prove that the next pool CPython would take for
//! this class is this very pool and that the move changes nothing else a later
//! operation could see: the pool is last on its list (pools join at the front, so the
//! pools before it are the ones CPython would use first), its arena is at the head of
//! `usable_arenas` and stays there, and the arena is not given back. The
//! pool is then the *pending empty pool*; an allocation of its class takes a block from
//! it (exactly CPython's block), and any operation that consults the arenas (a new
//! pool, another emptied pool) first completes the deferred move. Statistics count the
//! pending pool as the free pool it is.
//!
//! Fast paths: allocation is "class = (n-1)>>4, pop the head pool's free block,
//! count++"; free is "radix lookup, push, count--". Everything else (new pools,
//! new arenas, full/empty transitions, raw blocks) is out of line.

use core::ptr::{self, NonNull};

use super::arena::Arenas;
use super::pool::{self, PoolHeader, index_to_size};
use super::radix::ArenaMap;
use super::{ARENA_SIZE, NB_SMALL_SIZE_CLASSES, SMALL_REQUEST_THRESHOLD};

/// The `usedpools` sentinels of one heap.
type UsedPools = [PoolHeader; NB_SMALL_SIZE_CLASSES];

/// CPython's `OMState` for one heap.
#[derive(Debug)]
pub struct OMState {
    /// Heads of the partially-used pool lists, one per size class: a leaked
    /// `Box<UsedPools>`, freed by `Drop`, only ever accessed through raw
    /// pointers.
    usedpools: NonNull<PoolHeader>,
    /// Arena descriptors and lists.
    pub arenas: Arenas,
    /// The radix tree used by `address_in_range`.
    pub map: ArenaMap,
    /// Live blocks obtained from the system allocator (`raw_allocated_blocks`).
    pub raw_allocated_blocks: usize,
    /// Sum of `malloc_usable_size` over the live raw blocks.
    pub raw_bytes: usize,
    /// Cap on [`OMState::system_bytes`].
    pub limit: Option<usize>,
    /// The pending empty pool (see the module docs), or null. Still linked in its
    /// `usedpools` list; stale (and ignored) once a block of it has been allocated
    /// again, which takes it back exactly as CPython would.
    pending_empty: *mut PoolHeader,
}

impl OMState {
    /// A boxed empty state; `None` if the radix-tree root cannot be allocated.
    pub fn new_boxed() -> Option<Box<OMState>> {
        let map = ArenaMap::new()?;
        let heads: *mut UsedPools = Box::into_raw(Box::new(
            [const { PoolHeader::sentinel() }; NB_SMALL_SIZE_CLASSES],
        ));
        let usedpools = heads.cast::<PoolHeader>();
        for i in 0..NB_SMALL_SIZE_CLASSES {
            // SAFETY: i < 32, inside the array just allocated; an empty
            // circular list points at itself.
            unsafe {
                let h = usedpools.add(i);
                (*h).nextpool = h;
                (*h).prevpool = h;
            }
        }
        Some(Box::new(OMState {
            // SAFETY: Box::into_raw never returns null.
            usedpools: unsafe { NonNull::new_unchecked(usedpools) },
            arenas: Arenas::new(),
            map,
            raw_allocated_blocks: 0,
            raw_bytes: 0,
            limit: None,
            pending_empty: ptr::null_mut(),
        }))
    }

    /// Bytes obtained from the system: 1 MiB per mapped arena plus the usable
    /// size of every live raw block.
    #[inline]
    pub fn system_bytes(&self) -> usize {
        self.arenas.narenas_currently_allocated * ARENA_SIZE + self.raw_bytes
    }

    #[inline(always)]
    fn head(&self, idx: usize) -> *mut PoolHeader {
        // SAFETY: callers pass idx < NB_SMALL_SIZE_CLASSES, inside the array.
        unsafe { self.usedpools.as_ptr().add(idx) }
    }

    /// Allocates a block of size class `idx` (CPython `pymalloc_alloc`).
    #[inline(always)]
    pub fn pymalloc_alloc(&mut self, idx: usize) -> Option<NonNull<u8>> {
        debug_assert!(idx < NB_SMALL_SIZE_CLASSES);
        let head = self.head(idx);
        // SAFETY: `head` is a sentinel of a well-formed circular list; every
        // other member is a live, partially used pool whose freeblock is a
        // valid free block of that pool.
        unsafe {
            let pool = (*head).nextpool;
            if pool != head {
                let bp = (*pool).freeblock;
                if bp.is_null() {
                    return self.allocate_past_full_pools(idx);
                }
                (*pool).count += 1;
                let next = bp.cast::<*mut u8>().read();
                (*pool).freeblock = next;
                if next.is_null() {
                    pool::pool_extend(pool, idx);
                }
                return Some(NonNull::new_unchecked(bp));
            }
        }
        self.allocate_from_new_pool(idx)
    }

    /// The front pools of class `idx` filled up since the last allocation: unlink them
    /// (CPython unlinked each as it filled), then allocate from the first pool with a
    /// free block, or from a new one.
    #[cold]
    #[inline(never)]
    fn allocate_past_full_pools(&mut self, idx: usize) -> Option<NonNull<u8>> {
        let head = self.head(idx);
        // SAFETY: the list is well formed; a member with no free block is a full pool,
        // which leaves the list here, marked by a null `nextpool`.
        unsafe {
            loop {
                let pool = (*head).nextpool;
                if pool == head || !(*pool).freeblock.is_null() {
                    break;
                }
                pool::unlink_pool(pool);
                (*pool).nextpool = ptr::null_mut();
            }
        }
        self.pymalloc_alloc(idx)
    }

    /// No partially used pool of class `idx`: take an empty pool (mapping a new
    /// arena if needed), link it at the front of `usedpools[idx]` and return its
    /// first block (CPython `allocate_from_new_pool`).
    #[cold]
    #[inline(never)]
    fn allocate_from_new_pool(&mut self, idx: usize) -> Option<NonNull<u8>> {
        self.complete_pending_empty();
        if self.arenas.usable_arenas == super::arena::NO_ARENA && !self.new_arena() {
            return None;
        }
        let pool = self.arenas.take_pool();
        let head = self.head(idx);
        // SAFETY: `pool` is an empty pool of a mapped arena on no list; `head`
        // is the (empty) sentinel list of class idx.
        unsafe {
            pool::link_pool_front(head, pool);
            (*pool).count = 1;
            if (*pool).szidx as usize == idx {
                // Reused pool of the same class: its free list is ready.
                let bp = (*pool).freeblock;
                debug_assert!(!bp.is_null());
                (*pool).freeblock = bp.cast::<*mut u8>().read();
                return Some(NonNull::new_unchecked(bp));
            }
            Some(NonNull::new_unchecked(pool::init_pool(pool, idx)))
        }
    }

    /// Maps a new arena unless the limit forbids it (CPython `new_arena`).
    #[cold]
    #[inline(never)]
    fn new_arena(&mut self) -> bool {
        if self
            .limit
            .is_some_and(|l| self.system_bytes() + ARENA_SIZE > l)
        {
            return false;
        }
        self.arenas.new_arena(&mut self.map).is_some()
    }

    /// Whether `p` is a block of one of our arenas (CPython `address_in_range`).
    #[inline(always)]
    pub fn address_in_range(&self, p: *mut u8) -> bool {
        self.map.is_used(p.addr())
    }

    /// Frees a block known to be ours (CPython `pymalloc_free` after the
    /// `address_in_range` test).
    ///
    /// # Safety
    /// `p` is a live block handed out by [`OMState::pymalloc_alloc`].
    #[inline(always)]
    pub unsafe fn pymalloc_free(&mut self, p: *mut u8) {
        let pool = pool::pool_addr(p);
        // SAFETY: p is a live block of ours, so its pool header is live and
        // the pool's count is at least 1.
        unsafe {
            let lastfree = (*pool).freeblock;
            p.cast::<*mut u8>().write(lastfree);
            (*pool).freeblock = p;
            (*pool).count -= 1;
            if lastfree.is_null() {
                // The pool was full (so it keeps blocks in use): CPython's
                // insert_to_usedpool puts it at the front of its class list, so the next
                // allocation of this class reuses the block just freed. A full pool may
                // still be on the list (see the module docs): at the front, it stays.
                let head = self.head((*pool).szidx as usize);
                if (*head).nextpool != pool {
                    if !(*pool).nextpool.is_null() {
                        pool::unlink_pool(pool);
                    }
                    pool::link_pool_front(head, pool);
                }
            } else if (*pool).count == 0 {
                // The common case of an emptied pool, inline: a pool whose move was
                // deferred, taken back, and emptied again (see `free_slow`).
                if pool != self.pending_empty
                    || (*pool).nextpool != self.head((*pool).szidx as usize)
                {
                    self.free_slow(pool);
                }
            }
        }
    }

    /// The pool is now empty: move it to its arena's freepools, or defer the move (see
    /// the module docs).
    ///
    /// # Safety
    /// `pool` is a live pool of ours, on its usedpools list, whose last block was just
    /// freed.
    #[cold]
    #[inline(never)]
    unsafe fn free_slow(&mut self, pool: *mut PoolHeader) {
        // SAFETY: the caller guarantees `pool` is live and on its usedpools list; a
        // pending pool is live and on its list too.
        unsafe {
            let head = self.head((*pool).szidx as usize);
            let last = (*pool).nextpool == head;
            if pool == self.pending_empty {
                // Deferred before, taken back since, empty again. Nothing consulted the
                // arenas in between (that completes or drops the deferral), so they are
                // as they were when the move was deferred, and the move could be
                // deferred again if the pool were still last on its list (the caller
                // handles that case); it is not.
                self.pending_empty = ptr::null_mut();
            } else {
                self.complete_pending_empty();
                if last && self.arenas.return_keeps_head((*pool).arenaindex) {
                    self.pending_empty = pool;
                    return;
                }
            }
            pool::unlink_pool(pool);
            self.arenas.return_pool(pool, &mut self.map);
        }
    }

    /// The pending empty pool, if it is still empty (so its arena's books are one free
    /// pool short of CPython's).
    pub(crate) fn pending_empty_pool(&self) -> Option<*mut PoolHeader> {
        let p = self.pending_empty;
        // SAFETY: a non-null pending pool is a live header of one of our arenas.
        (!p.is_null() && unsafe { (*p).count } == 0).then_some(p)
    }

    /// Checks the arena-list invariants and those of a pending empty pool (last on its
    /// list, as it was when deferred, since pools join at the front; its arena at the
    /// head and staying there); for tests.
    pub fn check_invariants(&self) -> Result<(), String> {
        self.arenas.check_invariants()?;
        if let Some(pool) = self.pending_empty_pool() {
            // SAFETY: the pending pool is a live header on its usedpools list.
            let (last, ai) = unsafe {
                let head = self.head((*pool).szidx as usize);
                ((*pool).nextpool == head, (*pool).arenaindex)
            };
            if !last {
                return Err("the pending empty pool is not last on its list".into());
            }
            if !self.arenas.return_keeps_head(ai) {
                return Err("the pending empty pool's arena would move".into());
            }
        }
        Ok(())
    }

    /// Completes a deferred move to `freepools` (or forgets a stale one) before the
    /// arenas are consulted.
    #[inline]
    fn complete_pending_empty(&mut self) {
        if self.pending_empty.is_null() {
            return;
        }
        let pending = self.pending_empty_pool();
        self.pending_empty = ptr::null_mut();
        if let Some(pool) = pending {
            // SAFETY: the pending pool is live, empty and still on its usedpools list;
            // the arenas are as they were when its move was deferred, so the move keeps
            // the arena at the head of usable_arenas and unmaps nothing.
            unsafe {
                pool::unlink_pool(pool);
                let unmapped = self.arenas.return_pool(pool, &mut self.map);
                debug_assert!(!unmapped);
            }
        }
    }

    /// Allocates from the system allocator (CPython `PyMem_RawMalloc`; size 0
    /// becomes 1), counting the block and its usable size.
    #[cold]
    #[inline(never)]
    pub fn raw_malloc(&mut self, nbytes: usize) -> Option<NonNull<u8>> {
        let n = nbytes.max(1);
        if let Some(l) = self.limit
            && self.system_bytes().saturating_add(n) > l
        {
            return None;
        }
        // SAFETY: plain malloc of a non-zero size; null is checked.
        let p = unsafe { libc::malloc(n) }.cast::<u8>();
        let p = NonNull::new(p)?;
        // SAFETY: p is a live malloc block.
        let usable = unsafe { libc::malloc_usable_size(p.as_ptr().cast()) };
        if self.limit.is_some_and(|l| self.system_bytes() + usable > l) {
            // SAFETY: p was just allocated and never handed out.
            unsafe { libc::free(p.as_ptr().cast()) };
            return None;
        }
        self.raw_allocated_blocks += 1;
        self.raw_bytes += usable;
        Some(p)
    }

    /// Frees a system-allocator block.
    ///
    /// # Safety
    /// `p` is a live block returned by [`OMState::raw_malloc`] / `raw_realloc`.
    #[cold]
    #[inline(never)]
    pub unsafe fn raw_free(&mut self, p: *mut u8) {
        // SAFETY: the caller guarantees p is a live malloc block of ours.
        unsafe {
            self.raw_bytes -= libc::malloc_usable_size(p.cast());
            libc::free(p.cast());
        }
        self.raw_allocated_blocks -= 1;
    }

    /// Resizes a system-allocator block (CPython `PyMem_RawRealloc`).
    ///
    /// # Safety
    /// As for [`OMState::raw_free`].
    #[cold]
    #[inline(never)]
    pub unsafe fn raw_realloc(&mut self, p: *mut u8, nbytes: usize) -> Option<NonNull<u8>> {
        let n = nbytes.max(1);
        // SAFETY: the caller guarantees p is a live malloc block of ours.
        let old_usable = unsafe { libc::malloc_usable_size(p.cast()) };
        if self.limit.is_some() && n > old_usable {
            // Growing under a limit: go through raw_malloc so the exact usable
            // size is checked before anything is committed.
            let q = self.raw_malloc(n)?;
            // SAFETY: both blocks are live and distinct; old_usable < n bytes
            // fit in the new block and are readable in the old one.
            unsafe {
                ptr::copy_nonoverlapping(p, q.as_ptr(), old_usable);
                self.raw_free(p);
            }
            return Some(q);
        }
        // SAFETY: p is a live malloc block; on failure it stays valid.
        let q = unsafe { libc::realloc(p.cast(), n) }.cast::<u8>();
        let q = NonNull::new(q)?;
        // SAFETY: q is a live malloc block.
        let new_usable = unsafe { libc::malloc_usable_size(q.as_ptr().cast()) };
        self.raw_bytes = self.raw_bytes - old_usable + new_usable;
        Some(q)
    }

    /// CPython `_PyObject_Realloc` for a pymalloc block: keep it in place when
    /// `nbytes <= blocksize && 4*nbytes > 3*blocksize`, otherwise allocate,
    /// copy `min(blocksize, nbytes)` bytes and free. On failure `p` is intact.
    ///
    /// # Safety
    /// `p` is a live pymalloc block of this state.
    pub unsafe fn pymalloc_realloc(
        &mut self,
        p: *mut u8,
        nbytes: usize,
        small_threshold: usize,
    ) -> Option<NonNull<u8>> {
        // SAFETY: p is a live block of ours, so its pool header is live.
        let size = index_to_size(unsafe { (*pool::pool_addr(p)).szidx } as usize);
        let mut copy = size;
        if nbytes <= size {
            if 4 * nbytes > 3 * size {
                // SAFETY: p is non-null (a live block).
                return Some(unsafe { NonNull::new_unchecked(p) });
            }
            copy = nbytes;
        }
        let q = if nbytes.wrapping_sub(1) < small_threshold {
            self.pymalloc_alloc((nbytes - 1) >> pool::ALIGNMENT_SHIFT)?
        } else {
            self.raw_malloc(nbytes)?
        };
        // SAFETY: q is a fresh block of at least `copy` bytes, distinct from
        // p; p is live with at least `copy` readable bytes; then p is freed once.
        unsafe {
            ptr::copy_nonoverlapping(p, q.as_ptr(), copy);
            self.pymalloc_free(p);
        }
        Some(q)
    }

    /// `sys.getallocatedblocks()`: the sum of the pool counts over every carved
    /// pool plus the raw blocks (computed by walking the arenas, as CPython's
    /// `_Py_GetAllocatedBlocks` does).
    pub fn allocated_blocks(&self) -> usize {
        let mut n = self.raw_allocated_blocks;
        for ao in &self.arenas.objs {
            if ao.address == 0 {
                continue;
            }
            let mut base = ao.first_pool();
            while base < ao.pool_address {
                // SAFETY: pools below pool_address were carved and have a
                // live header inside the mapped arena.
                n += unsafe { (*(base as *const PoolHeader)).count } as usize;
                base += super::POOL_SIZE;
            }
        }
        n
    }
}

impl Drop for OMState {
    fn drop(&mut self) {
        self.arenas.unmap_all();
        // SAFETY: `usedpools` came from Box::into_raw of a UsedPools in
        // new_boxed and is freed only here; no pool points at it any more.
        drop(unsafe { Box::from_raw(self.usedpools.as_ptr().cast::<UsedPools>()) });
    }
}

const _: () = assert!(SMALL_REQUEST_THRESHOLD == NB_SMALL_SIZE_CLASSES * super::ALIGNMENT);
