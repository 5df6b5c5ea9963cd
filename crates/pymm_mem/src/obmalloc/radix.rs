//! The arena map: a three-level radix tree that answers "is this address inside
//! one of our arenas?" (CPython `Objects/obmalloc.c`, `WITH_PYMALLOC_RADIX_TREE`:
//! `arena_map_root`, `arena_map_get`, `arena_map_mark_used`, `arena_map_is_used`).
//!
//! A 64-bit address is split (with `IGNORE_BITS = 0`, as CPython on 64-bit) into
//! 15 top bits, 15 mid bits, 14 bottom bits and the 20 bits of an offset inside a
//! 1 MiB arena-sized chunk. The root (2^15 pointers, 256 KiB) is allocated once
//! per heap; mid nodes (256 KiB) and bottom nodes (2^14 8-byte slots,
//! 128 KiB) are `calloc`'d on demand and kept until the heap is dropped, as
//! CPython keeps them for the process lifetime.
//!
//! An arena mapped at a base that is not 1 MiB-aligned covers the tail of one
//! chunk and the head of the next: the first chunk records `tail_hi = offset`
//! ("used from here up"), the second `tail_lo = offset` ("used below here").
//! An aligned arena stores `tail_hi = -1`.
//!
//! pymm differs in the encoding of a slot, not in its meaning: it stores
//! `tail_lo` and `ARENA_SIZE - (hi - tail_lo)`, where `hi` is the offset from
//! which the chunk is used (`ARENA_SIZE` for none, 0 for a whole aligned arena).
//! A zeroed slot still means "nothing used", the slot is still 8 bytes, and
//! the test "`t < lo || t >= hi`" becomes one subtraction and one unsigned
//! compare (`t - lo >= hi - lo`), since the unused gap `lo..hi` is never
//! negative (arenas do not overlap).
//!
//! pymm differs from CPython only in that the root is heap-owned rather than a
//! static, so several heaps can coexist.

use core::ptr;

use super::ARENA_SIZE;

/// Bits of an address used inside an arena-sized chunk (CPython `ARENA_BITS`).
pub const ARENA_BITS: u32 = ARENA_SIZE.trailing_zeros();
/// Bits indexing the root and the mid nodes (CPython `INTERIOR_BITS`).
pub const INTERIOR_BITS: u32 = (64 - ARENA_BITS).div_ceil(3);
/// Bits indexing the root (CPython `MAP_TOP_BITS`).
pub const MAP_TOP_BITS: u32 = INTERIOR_BITS;
/// Bits indexing a mid node (CPython `MAP_MID_BITS`).
pub const MAP_MID_BITS: u32 = INTERIOR_BITS;
/// Bits indexing a bottom node (CPython `MAP_BOT_BITS`).
pub const MAP_BOT_BITS: u32 = 64 - ARENA_BITS - 2 * INTERIOR_BITS;

const _: () =
    assert!(MAP_TOP_BITS == 15 && MAP_MID_BITS == 15 && MAP_BOT_BITS == 14 && ARENA_BITS == 20);

const MAP_TOP_LENGTH: usize = 1 << MAP_TOP_BITS;
const MAP_MID_LENGTH: usize = 1 << MAP_MID_BITS;
const MAP_BOT_LENGTH: usize = 1 << MAP_BOT_BITS;
const MAP_BOT_SHIFT: u32 = ARENA_BITS;
const MAP_MID_SHIFT: u32 = MAP_BOT_BITS + MAP_BOT_SHIFT;
const MAP_TOP_SHIFT: u32 = MAP_MID_BITS + MAP_MID_SHIFT;
const ARENA_SIZE_MASK: usize = ARENA_SIZE - 1;

/// One bottom-level slot: which part of a 1 MiB chunk belongs to an arena
/// (CPython `arena_coverage_t`, encoded as described in the module docs).
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub struct ArenaCoverage {
    /// Offsets `< tail_lo` are used (0: none).
    tail_lo: u32,
    /// `ARENA_SIZE - (hi - tail_lo)`: offsets `>= hi` are used.
    not_gap: u32,
}

const _: () = assert!(core::mem::size_of::<ArenaCoverage>() == 8);

impl ArenaCoverage {
    /// CPython's `tail_lo`.
    pub fn tail_lo(&self) -> i32 {
        self.tail_lo as i32
    }

    /// Offset from which the chunk is used (`ARENA_SIZE`: nowhere).
    fn hi(&self) -> u32 {
        self.tail_lo + ARENA_SIZE as u32 - self.not_gap
    }

    /// CPython's `tail_hi`: 0 when no arena starts in this chunk, -1 when an
    /// aligned arena covers it, else the offset where an arena starts.
    pub fn tail_hi(&self) -> i32 {
        match self.hi() {
            h if h == ARENA_SIZE as u32 => 0,
            0 => -1,
            h => h as i32,
        }
    }

    fn set(&mut self, lo: u32, hi: u32) {
        debug_assert!(lo <= hi && hi <= ARENA_SIZE as u32);
        self.tail_lo = lo;
        self.not_gap = ARENA_SIZE as u32 - (hi - lo);
    }

    /// Whether offset `t` of the chunk is inside an arena.
    #[inline(always)]
    pub fn covers(&self, t: u32) -> bool {
        t.wrapping_sub(self.tail_lo) >= ARENA_SIZE as u32 - self.not_gap
    }
}

impl core::fmt::Debug for ArenaCoverage {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("ArenaCoverage")
            .field("tail_hi", &self.tail_hi())
            .field("tail_lo", &self.tail_lo())
            .finish()
    }
}

/// A bottom node (CPython `arena_map_bot_t`): 2^14 coverage slots, 128 KiB.
#[repr(C)]
#[derive(Debug)]
pub struct MapBot {
    arenas: [ArenaCoverage; MAP_BOT_LENGTH],
}

/// A mid node (CPython `arena_map_mid_t`): 2^15 bottom pointers, 256 KiB.
#[repr(C)]
#[derive(Debug)]
pub struct MapMid {
    ptrs: [*mut MapBot; MAP_MID_LENGTH],
}

/// The root (CPython `arena_map_root`): 2^15 mid pointers, 256 KiB.
#[repr(C)]
#[derive(Debug)]
pub struct MapRoot {
    ptrs: [*mut MapMid; MAP_TOP_LENGTH],
}

/// Size of the root node in bytes (reported by `_debugmallocstats`).
pub const MAP_ROOT_BYTES: usize = core::mem::size_of::<MapRoot>();
/// Size of one mid node in bytes.
pub const MAP_MID_BYTES: usize = core::mem::size_of::<MapMid>();
/// Size of one bottom node in bytes.
pub const MAP_BOT_BYTES: usize = core::mem::size_of::<MapBot>();

const _: () =
    assert!(MAP_ROOT_BYTES == 262_144 && MAP_MID_BYTES == 262_144 && MAP_BOT_BYTES == 131_072);

#[inline(always)]
const fn top_index(p: usize) -> usize {
    p >> MAP_TOP_SHIFT
}
#[inline(always)]
const fn mid_index(p: usize) -> usize {
    (p >> MAP_MID_SHIFT) & (MAP_MID_LENGTH - 1)
}
#[inline(always)]
const fn bot_index(p: usize) -> usize {
    (p >> MAP_BOT_SHIFT) & (MAP_BOT_LENGTH - 1)
}

/// The radix tree of one heap.
#[derive(Debug)]
pub struct ArenaMap {
    root: *mut MapRoot,
    /// Number of mid nodes allocated (`# arena map mid nodes`).
    pub mid_count: usize,
    /// Number of bottom nodes allocated (`# arena map bot nodes`).
    pub bot_count: usize,
}

impl ArenaMap {
    /// Allocates the (zeroed) root; `None` if the system refuses.
    pub fn new() -> Option<ArenaMap> {
        // SAFETY: calloc with a non-zero size; null is checked. Zeroed memory is
        // a valid array of null pointers.
        let root = unsafe { libc::calloc(1, MAP_ROOT_BYTES) }.cast::<MapRoot>();
        if root.is_null() {
            return None;
        }
        Some(ArenaMap {
            root,
            mid_count: 0,
            bot_count: 0,
        })
    }

    /// The bottom node covering `p`, creating missing nodes when `create`
    /// (CPython `arena_map_get`). Null when absent or when `calloc` fails.
    fn get(&mut self, p: usize, create: bool) -> *mut MapBot {
        // SAFETY: `root` is a live calloc'd root owned by self; mid and bottom
        // pointers stored in the tree are null or live calloc'd nodes.
        unsafe {
            let slot = &raw mut (*self.root).ptrs[top_index(p)];
            if (*slot).is_null() {
                if !create {
                    return ptr::null_mut();
                }
                let n = libc::calloc(1, MAP_MID_BYTES).cast::<MapMid>();
                if n.is_null() {
                    return ptr::null_mut();
                }
                *slot = n;
                self.mid_count += 1;
            }
            let mid = *slot;
            let slot = &raw mut (*mid).ptrs[mid_index(p)];
            if (*slot).is_null() {
                if !create {
                    return ptr::null_mut();
                }
                let n = libc::calloc(1, MAP_BOT_BYTES).cast::<MapBot>();
                if n.is_null() {
                    return ptr::null_mut();
                }
                *slot = n;
                self.bot_count += 1;
            }
            *slot
        }
    }

    /// Records that the arena at `base` (1 MiB long) is ours (`used`) or no
    /// longer ours. Returns false if a node could not be allocated, in which
    /// case nothing is marked (CPython `arena_map_mark_used`).
    pub fn mark_used(&mut self, base: usize, used: bool) -> bool {
        let n_hi = self.get(base, used);
        if n_hi.is_null() {
            debug_assert!(used, "unmarking an arena whose node is missing");
            return false;
        }
        let i3 = bot_index(base);
        let tail = (base & ARENA_SIZE_MASK) as u32;
        let none = ARENA_SIZE as u32;
        // SAFETY: `n_hi` (and `n_lo` below) are live bottom nodes of this tree;
        // indices are masked to the node length.
        unsafe {
            let slot = &mut (*n_hi).arenas[i3];
            let lo = slot.tail_lo;
            // An aligned arena covers the whole chunk (CPython tail_hi = -1);
            // a misaligned one covers it from `tail` up (tail_hi = tail).
            slot.set(lo, if used { tail } else { none });
            if tail != 0 {
                let next = base + ARENA_SIZE;
                let n_lo = self.get(next, used);
                if n_lo.is_null() {
                    debug_assert!(used, "unmarking an arena whose node is missing");
                    (*n_hi).arenas[i3].set(lo, none);
                    return false;
                }
                let slot = &mut (*n_lo).arenas[bot_index(next)];
                let hi = slot.hi();
                slot.set(if used { tail } else { 0 }, hi);
            }
        }
        true
    }

    /// The slot covering `p` (a zeroed slot when its nodes do not exist).
    pub fn coverage(&self, p: usize) -> ArenaCoverage {
        // SAFETY: as in `is_used`.
        unsafe {
            let mid = *(*self.root).ptrs.get_unchecked(top_index(p));
            if mid.is_null() {
                return ArenaCoverage::default();
            }
            let bot = *(*mid).ptrs.get_unchecked(mid_index(p));
            if bot.is_null() {
                return ArenaCoverage::default();
            }
            *(*bot).arenas.get_unchecked(bot_index(p))
        }
    }

    /// Whether `p` lies inside one of our arenas (CPython `arena_map_is_used`,
    /// the radix-tree `address_in_range`).
    #[inline(always)]
    pub fn is_used(&self, p: usize) -> bool {
        // SAFETY: `root` is live; each level is null or a live node; indices are
        // masked to the node lengths.
        unsafe {
            let mid = *(*self.root).ptrs.get_unchecked(top_index(p));
            if mid.is_null() {
                return false;
            }
            let bot = *(*mid).ptrs.get_unchecked(mid_index(p));
            if bot.is_null() {
                return false;
            }
            let cov = *(*bot).arenas.get_unchecked(bot_index(p));
            cov.covers((p & ARENA_SIZE_MASK) as u32)
        }
    }
}

impl Drop for ArenaMap {
    fn drop(&mut self) {
        // SAFETY: every non-null pointer in the tree was obtained from calloc and
        // is freed exactly once here; the root likewise.
        unsafe {
            for &mid in (*self.root).ptrs.iter() {
                if mid.is_null() {
                    continue;
                }
                for &bot in (*mid).ptrs.iter() {
                    if !bot.is_null() {
                        libc::free(bot.cast());
                    }
                }
                libc::free(mid.cast());
            }
            libc::free(self.root.cast());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligned_and_misaligned_arenas() {
        let mut m = ArenaMap::new().unwrap();
        let aligned = 0x7f00_0000_0000usize;
        assert!(m.mark_used(aligned, true));
        assert!(m.is_used(aligned));
        assert!(m.is_used(aligned + ARENA_SIZE - 1));
        assert!(!m.is_used(aligned + ARENA_SIZE));
        assert!(!m.is_used(aligned - 1));

        let mis = 0x7f00_1000_0000usize + 0x3000;
        assert!(m.mark_used(mis, true));
        assert!(!m.is_used(mis - 1));
        assert!(m.is_used(mis));
        assert!(m.is_used(mis + ARENA_SIZE - 1));
        assert!(!m.is_used(mis + ARENA_SIZE));
        assert_eq!(m.mid_count, 1);
        assert_eq!(m.bot_count, 1);
        assert_eq!(m.coverage(aligned).tail_hi(), -1);
        assert_eq!(m.coverage(aligned).tail_lo(), 0);
        assert_eq!(m.coverage(mis).tail_hi(), 0x3000);
        assert_eq!(m.coverage(mis).tail_lo(), 0);
        assert_eq!(m.coverage(mis + ARENA_SIZE).tail_hi(), 0);
        assert_eq!(m.coverage(mis + ARENA_SIZE).tail_lo(), 0x3000);
        // A second misaligned arena right after the first shares a chunk.
        let mis2 = mis + ARENA_SIZE + 0x5000;
        assert!(m.mark_used(mis2, true));
        assert_eq!(m.coverage(mis2).tail_lo(), 0x3000);
        assert_eq!(m.coverage(mis2).tail_hi(), 0x8000);
        assert!(m.is_used(mis + ARENA_SIZE - 1));
        assert!(!m.is_used(mis + ARENA_SIZE));
        assert!(!m.is_used(mis2 - 1));
        assert!(m.is_used(mis2));
        assert!(m.mark_used(mis2, false));
        assert!(m.is_used(mis + ARENA_SIZE - 1));
        assert!(!m.is_used(mis2));
        assert!(m.mark_used(mis, false));
        assert!(!m.is_used(mis));
        assert!(!m.is_used(mis + ARENA_SIZE - 1));
        assert!(m.is_used(aligned));
    }
}
