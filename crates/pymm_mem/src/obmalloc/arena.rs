//! Arenas and their descriptors (CPython `Objects/obmalloc.c`: `struct
//! arena_object`, `new_arena`, the arena half of `allocate_from_new_pool` and
//! of `insert_to_freepool`, `usable_arenas`, `nfp2lasta`,
//! `unused_arena_objects`).
//!
//! An arena is 1 MiB obtained with an anonymous private `mmap` and returned with
//! `munmap`. `mmap` only guarantees page alignment, so the usual arena is not
//! 16 KiB-aligned and holds 63 whole pools (64 when it happens to be aligned).
//!
//! Descriptors live in a vector that starts at 16 entries and doubles when no
//! unused descriptor is left. Lists are threaded through descriptor *indices*
//! (CPython threads pointers; indices survive the vector's reallocation and
//! cost the same):
//! * `unused_arena_objects`: descriptors with no arena attached (singly linked);
//! * `usable_arenas`: arenas with at least one free pool, doubly linked and
//!   sorted by `nfreepools` ascending, so the most used arenas are drawn from
//!   first and nearly empty ones get a chance to become wholly free;
//! * `nfp2lasta[n]`: the rightmost arena in `usable_arenas` with `n` free pools,
//!   which makes re-sorting after a pool is freed O(1).
//!
//! A wholly free arena is unmapped unless it is the last one in
//! `usable_arenas` (bpo-37257), so at most one empty arena stays mapped. The
//! `munmap` itself (the kernel clearing and freeing each page: about half the
//! time of a collection that empties many arenas) is handed to a helper thread
//! by default, see [`set_background_unmap`]: the arena leaves the heap's books at
//! once, and its pages go back to the system a moment later.

use core::ptr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{OnceLock, mpsc};

use super::pool::{DUMMY_SIZE_IDX, POOL_SIZE_MASK, PoolHeader};
use super::radix::ArenaMap;
use super::{ARENA_SIZE, POOL_SIZE};

static BACKGROUND_UNMAP: AtomicBool = AtomicBool::new(true);

/// Whether freed arenas are unmapped by a helper thread (the default) or by the
/// thread that freed them, as CPython does. Either way the arena is gone from the
/// heap's statistics when its last pool is freed.
pub fn set_background_unmap(on: bool) {
    BACKGROUND_UNMAP.store(on, Ordering::Relaxed);
}

/// Returns the mapping of a freed arena to the system: through the helper thread when
/// background unmapping is on and the thread could be started, else here.
///
/// # Safety
/// `address` is a live mapping of `ARENA_SIZE` bytes that nothing uses any more.
unsafe fn unmap_arena(address: usize) {
    static UNMAPPER: OnceLock<Option<mpsc::Sender<usize>>> = OnceLock::new();
    if BACKGROUND_UNMAP.load(Ordering::Relaxed) {
        let sender = UNMAPPER.get_or_init(|| {
            let (tx, rx) = mpsc::channel::<usize>();
            std::thread::Builder::new()
                .name("pymm-unmap".into())
                .spawn(move || {
                    for address in rx {
                        // SAFETY: each address was sent once, by the owner of a live
                        // ARENA_SIZE mapping that it no longer uses.
                        unsafe { libc::munmap(address as *mut libc::c_void, ARENA_SIZE) };
                    }
                })
                .ok()
                .map(|_| tx)
        });
        if let Some(tx) = sender
            && tx.send(address).is_ok()
        {
            return;
        }
    }
    // SAFETY: the caller's guarantee.
    unsafe { libc::munmap(address as *mut libc::c_void, ARENA_SIZE) };
}

/// Pools in a 16 KiB-aligned arena (CPython `MAX_POOLS_IN_ARENA`).
pub const MAX_POOLS_IN_ARENA: usize = ARENA_SIZE / POOL_SIZE;
/// First size of the descriptor vector (CPython `INITIAL_ARENA_OBJECTS`).
pub const INITIAL_ARENA_OBJECTS: usize = 16;
/// "No arena" in the index-linked lists.
pub const NO_ARENA: u32 = u32::MAX;

/// One arena descriptor (CPython `struct arena_object`).
#[derive(Debug, Clone)]
pub struct ArenaObject {
    /// Base address returned by `mmap`, or 0 when no arena is attached.
    pub address: usize,
    /// Next never-carved pool (16 KiB-aligned).
    pub pool_address: usize,
    /// Free pools: on `freepools` plus never carved.
    pub nfreepools: u32,
    /// Pools this arena can hold (63 or 64).
    pub ntotalpools: u32,
    /// Empty pools, singly linked through `nextpool`.
    pub freepools: *mut PoolHeader,
    /// Next descriptor in `usable_arenas` or `unused_arena_objects`.
    pub nextarena: u32,
    /// Previous descriptor in `usable_arenas`.
    pub prevarena: u32,
}

impl ArenaObject {
    const fn unassociated(next: u32) -> ArenaObject {
        ArenaObject {
            address: 0,
            pool_address: 0,
            nfreepools: 0,
            ntotalpools: 0,
            freepools: ptr::null_mut(),
            nextarena: next,
            prevarena: NO_ARENA,
        }
    }

    /// Whether the arena base is not pool-aligned (it then loses 16 KiB).
    pub fn is_misaligned(&self) -> bool {
        self.address & POOL_SIZE_MASK != 0
    }

    /// Address of the first pool of the arena.
    pub fn first_pool(&self) -> usize {
        (self.address + POOL_SIZE_MASK) & !POOL_SIZE_MASK
    }
}

/// All arena bookkeeping of one heap.
#[derive(Debug)]
pub struct Arenas {
    /// The descriptor vector (CPython `allarenas`, `maxarenas` = its length).
    pub objs: Vec<ArenaObject>,
    /// Head of the unused-descriptor list.
    pub unused_arena_objects: u32,
    /// Head of the sorted list of arenas with free pools.
    pub usable_arenas: u32,
    /// Rightmost arena of `usable_arenas` with `n` free pools, per `n`.
    pub nfp2lasta: [u32; MAX_POOLS_IN_ARENA + 1],
    /// Arenas mapped now.
    pub narenas_currently_allocated: usize,
    /// Arenas ever mapped.
    pub ntimes_arena_allocated: usize,
    /// Largest `narenas_currently_allocated` seen.
    pub narenas_highwater: usize,
}

impl Default for Arenas {
    fn default() -> Self {
        Self::new()
    }
}

impl Arenas {
    /// No descriptors yet.
    pub const fn new() -> Arenas {
        Arenas {
            objs: Vec::new(),
            unused_arena_objects: NO_ARENA,
            usable_arenas: NO_ARENA,
            nfp2lasta: [NO_ARENA; MAX_POOLS_IN_ARENA + 1],
            narenas_currently_allocated: 0,
            ntimes_arena_allocated: 0,
            narenas_highwater: 0,
        }
    }

    #[inline(always)]
    fn ao(&mut self, i: u32) -> &mut ArenaObject {
        debug_assert!((i as usize) < self.objs.len());
        // SAFETY: every index stored in a list, a pool header or a finger is a
        // descriptor index below objs.len() (the vector never shrinks).
        unsafe { self.objs.get_unchecked_mut(i as usize) }
    }

    #[inline(always)]
    fn ao_ref(&self, i: u32) -> &ArenaObject {
        debug_assert!((i as usize) < self.objs.len());
        // SAFETY: as in `ao`.
        unsafe { self.objs.get_unchecked(i as usize) }
    }

    #[inline(always)]
    fn finger(&mut self, nf: usize) -> &mut u32 {
        debug_assert!(nf <= MAX_POOLS_IN_ARENA);
        // SAFETY: a free-pool count never exceeds MAX_POOLS_IN_ARENA, the last
        // index of nfp2lasta.
        unsafe { self.nfp2lasta.get_unchecked_mut(nf) }
    }

    /// Maps a new arena, registers it in `map` and makes it the only member of
    /// `usable_arenas` (CPython `new_arena` plus the list set-up done by its
    /// caller). Only called when `usable_arenas` is empty. `None` when `mmap`,
    /// the descriptor vector or a radix-tree node cannot be allocated (the
    /// heap limit is checked by the caller).
    #[cold]
    #[inline(never)]
    pub fn new_arena(&mut self, map: &mut ArenaMap) -> Option<u32> {
        debug_assert_eq!(self.usable_arenas, NO_ARENA);
        if self.unused_arena_objects == NO_ARENA {
            let old = self.objs.len();
            let new = if old == 0 {
                INITIAL_ARENA_OBJECTS
            } else {
                old * 2
            };
            if new > NO_ARENA as usize || self.objs.try_reserve_exact(new - old).is_err() {
                return None;
            }
            for i in old..new {
                let next = if i + 1 < new {
                    (i + 1) as u32
                } else {
                    NO_ARENA
                };
                self.objs.push(ArenaObject::unassociated(next));
            }
            self.unused_arena_objects = old as u32;
        }
        let idx = self.unused_arena_objects;
        // SAFETY: an anonymous private mapping of ARENA_SIZE bytes; failure is
        // reported as MAP_FAILED and checked.
        let address = unsafe {
            libc::mmap(
                ptr::null_mut(),
                ARENA_SIZE,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            )
        };
        if address == libc::MAP_FAILED {
            return None;
        }
        let address = address as usize;
        if !map.mark_used(address, true) {
            // SAFETY: unmapping the mapping made just above, never handed out.
            unsafe { libc::munmap(address as *mut libc::c_void, ARENA_SIZE) };
            return None;
        }
        let ao = self.ao(idx);
        let next_unused = ao.nextarena;
        ao.address = address;
        ao.freepools = ptr::null_mut();
        ao.pool_address = address;
        ao.nfreepools = MAX_POOLS_IN_ARENA as u32;
        let excess = address & POOL_SIZE_MASK;
        if excess != 0 {
            ao.nfreepools -= 1;
            ao.pool_address += POOL_SIZE - excess;
        }
        ao.ntotalpools = ao.nfreepools;
        ao.nextarena = NO_ARENA;
        ao.prevarena = NO_ARENA;
        let nf = ao.nfreepools as usize;
        self.unused_arena_objects = next_unused;

        self.narenas_currently_allocated += 1;
        self.ntimes_arena_allocated += 1;
        self.narenas_highwater = self.narenas_highwater.max(self.narenas_currently_allocated);

        self.usable_arenas = idx;
        debug_assert_eq!(self.nfp2lasta[nf], NO_ARENA);
        self.nfp2lasta[nf] = idx;
        Some(idx)
    }

    /// Takes a pool from the head of `usable_arenas` (which must not be empty):
    /// a cached empty pool if there is one, otherwise a freshly carved one
    /// (CPython `allocate_from_new_pool`, arena part). A carved pool has
    /// `szidx == DUMMY_SIZE_IDX`.
    #[inline]
    pub fn take_pool(&mut self) -> *mut PoolHeader {
        let ui = self.usable_arenas;
        let nf = self.ao_ref(ui).nfreepools as usize;
        debug_assert!(nf > 0);
        // This arena has the smallest nfreepools, so decrementing keeps the
        // list sorted; only the fingers need care.
        if *self.finger(nf) == ui {
            *self.finger(nf) = NO_ARENA;
        }
        if nf > 1 {
            debug_assert_eq!(*self.finger(nf - 1), NO_ARENA);
            *self.finger(nf - 1) = ui;
        }
        let ao = self.ao(ui);
        let pool = ao.freepools;
        let pool = if !pool.is_null() {
            // SAFETY: pools on freepools are live headers inside this mapped arena.
            ao.freepools = unsafe { (*pool).nextpool };
            pool
        } else {
            debug_assert!(ao.pool_address + POOL_SIZE <= ao.address + ARENA_SIZE);
            let pool = ao.pool_address as *mut PoolHeader;
            ao.pool_address += POOL_SIZE;
            // SAFETY: the pool is inside the mapped arena and not yet in use.
            unsafe {
                (*pool).arenaindex = ui;
                (*pool).szidx = DUMMY_SIZE_IDX;
            }
            pool
        };
        ao.nfreepools -= 1;
        if ao.nfreepools == 0 {
            // Wholly allocated: it leaves usable_arenas.
            let next = ao.nextarena;
            self.usable_arenas = next;
            if next != NO_ARENA {
                self.ao(next).prevarena = NO_ARENA;
            }
        }
        pool
    }

    fn unlink(&mut self, i: u32) {
        let (prev, next) = {
            let ao = self.ao_ref(i);
            (ao.prevarena, ao.nextarena)
        };
        if prev == NO_ARENA {
            self.usable_arenas = next;
        } else {
            self.ao(prev).nextarena = next;
        }
        if next != NO_ARENA {
            self.ao(next).prevarena = prev;
        }
    }

    /// Unlinks the wholly free arena `ai` from `usable_arenas`, unmarks it in
    /// the radix tree, unmaps it and puts its descriptor on
    /// `unused_arena_objects`.
    #[cold]
    #[inline(never)]
    fn free_arena(&mut self, ai: u32, map: &mut ArenaMap) {
        self.unlink(ai);
        let address = self.ao_ref(ai).address;
        map.mark_used(address, false);
        // SAFETY: `address` is a live mapping of ARENA_SIZE bytes made by
        // new_arena; every block in it is free, and no pointer to it is kept.
        unsafe { unmap_arena(address) };
        let unused = self.unused_arena_objects;
        *self.ao(ai) = ArenaObject::unassociated(unused);
        self.unused_arena_objects = ai;
        self.narenas_currently_allocated -= 1;
    }

    /// An empty pool goes back to its arena's `freepools`; the arena is then
    /// re-sorted in `usable_arenas` or, when wholly free and not last, unmapped
    /// (CPython `insert_to_freepool`, arena part). Returns true if an arena
    /// was unmapped.
    ///
    /// # Safety
    /// `pool` is a live, empty pool of one of our arenas, on no list.
    #[inline]
    pub unsafe fn return_pool(&mut self, pool: *mut PoolHeader, map: &mut ArenaMap) -> bool {
        // SAFETY: the caller guarantees `pool` is a live header of our arena.
        let ai = unsafe { (*pool).arenaindex };
        let ao = self.ao(ai);
        // SAFETY: as above.
        unsafe { (*pool).nextpool = ao.freepools };
        ao.freepools = pool;
        let old_nf = ao.nfreepools as usize;
        let prev = ao.prevarena;
        let lastnf = *self.finger(old_nf);
        if lastnf == ai {
            // It was the rightmost arena with old_nf free pools.
            *self.finger(old_nf) =
                if prev != NO_ARENA && self.ao_ref(prev).nfreepools as usize == old_nf {
                    prev
                } else {
                    NO_ARENA
                };
        }
        let nf = old_nf + 1;
        let ao = self.ao(ai);
        ao.nfreepools = nf as u32;

        // Case 1: wholly free and not last in the list: give it back.
        if nf == ao.ntotalpools as usize && ao.nextarena != NO_ARENA {
            self.free_arena(ai, map);
            return true;
        }

        // Case 2: it was full, so it is on no list; it becomes the head.
        if nf == 1 {
            let head = self.usable_arenas;
            let ao = self.ao(ai);
            ao.nextarena = head;
            ao.prevarena = NO_ARENA;
            if head != NO_ARENA {
                self.ao(head).prevarena = ai;
            }
            self.usable_arenas = ai;
            if *self.finger(1) == NO_ARENA {
                *self.finger(1) = ai;
            }
            return false;
        }

        if *self.finger(nf) == NO_ARENA {
            *self.finger(nf) = ai;
        }
        // Case 4: it was the rightmost of its old count, so still in order.
        if lastnf == ai {
            return false;
        }
        // Case 3: slide it right, to just after lastnf.
        debug_assert_ne!(lastnf, NO_ARENA);
        self.unlink(ai);
        let after = self.ao_ref(lastnf).nextarena;
        let ao = self.ao(ai);
        ao.prevarena = lastnf;
        ao.nextarena = after;
        if after != NO_ARENA {
            self.ao(after).prevarena = ai;
        }
        self.ao(lastnf).nextarena = ai;
        false
    }

    /// Whether returning one more empty pool to arena `ai` would leave it at the head
    /// of `usable_arenas` without unmapping it: `ai` is the head, is not about to be
    /// wholly free with arenas after it (case 1 of `return_pool`), and no arena after
    /// it has as few free pools (so case 3 does not move it).
    #[inline]
    pub fn return_keeps_head(&self, ai: u32) -> bool {
        if self.usable_arenas != ai {
            return false;
        }
        let ao = self.ao_ref(ai);
        let nf = ao.nfreepools as usize;
        if nf + 1 == ao.ntotalpools as usize && ao.nextarena != NO_ARENA {
            return false;
        }
        self.nfp2lasta[nf] == ai
    }

    /// Descriptor indices of `usable_arenas`, in list order.
    pub fn usable_order(&self) -> Vec<u32> {
        let mut v = Vec::new();
        let mut i = self.usable_arenas;
        while i != NO_ARENA {
            v.push(i);
            i = self.objs[i as usize].nextarena;
        }
        v
    }

    /// Checks the list invariants (sorted, back links, fingers); for tests.
    pub fn check_invariants(&self) -> Result<(), String> {
        let order = self.usable_order();
        let mut prev = NO_ARENA;
        for (k, &i) in order.iter().enumerate() {
            let ao = &self.objs[i as usize];
            if ao.address == 0 {
                return Err(format!("usable arena {i} has no address"));
            }
            if ao.prevarena != prev {
                return Err(format!("arena {i}: bad prevarena"));
            }
            if ao.nfreepools == 0 {
                return Err(format!("arena {i} full but usable"));
            }
            if k + 1 < order.len() && self.objs[order[k + 1] as usize].nfreepools < ao.nfreepools {
                return Err("usable_arenas not sorted".into());
            }
            prev = i;
        }
        for nf in 1..=MAX_POOLS_IN_ARENA {
            let expect = order
                .iter()
                .rev()
                .copied()
                .find(|&i| self.objs[i as usize].nfreepools as usize == nf)
                .unwrap_or(NO_ARENA);
            if self.nfp2lasta[nf] != expect {
                return Err(format!(
                    "nfp2lasta[{nf}] = {} expected {expect}",
                    self.nfp2lasta[nf]
                ));
            }
        }
        Ok(())
    }

    /// Unmaps every arena (used by `Drop`).
    pub fn unmap_all(&mut self) {
        for ao in &mut self.objs {
            if ao.address != 0 {
                // SAFETY: a live mapping made by new_arena, unmapped once.
                unsafe { libc::munmap(ao.address as *mut libc::c_void, ARENA_SIZE) };
                ao.address = 0;
            }
        }
        self.narenas_currently_allocated = 0;
    }
}
