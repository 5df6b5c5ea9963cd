//! Allocator statistics and the text of `sys._debugmallocstats()` (CPython
//! `Objects/obmalloc.c`: `_PyObject_DebugMallocStats`, `printone`, and
//! `_PyDebugAllocatorStats`, which the free lists use for their lines).
//!
//! The figures are computed by walking every mapped arena and its carved
//! pools, exactly as CPython does; nothing is counted on the fast paths.

use core::fmt::Write as _;

use super::pool::{PoolHeader, SizeClass};
use super::radix::{MAP_BOT_BYTES, MAP_MID_BYTES, MAP_ROOT_BYTES};
use super::state::OMState;
use super::{ARENA_SIZE, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, SMALL_REQUEST_THRESHOLD};

/// One row of the size-class table.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SizeClassStats {
    /// Block size of the class.
    pub size: usize,
    /// Pools currently serving this class (count > 0).
    pub pools: usize,
    /// Allocated blocks in those pools.
    pub blocks_in_use: usize,
    /// Blocks of those pools not allocated (free or never carved).
    pub avail_blocks: usize,
}

/// A snapshot of the heap, with every figure of `_debugmallocstats`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HeapStats {
    /// Arenas ever mapped (`# arenas allocated total`).
    pub arenas_allocated_total: usize,
    /// Arenas unmapped again (`# arenas reclaimed`).
    pub arenas_reclaimed: usize,
    /// Most arenas mapped at once (`# arenas highwater mark`).
    pub arenas_highwater: usize,
    /// Arenas mapped now (`# arenas allocated current`).
    pub arenas_current: usize,
    /// Per size class, indexed by class.
    pub classes: [SizeClassStats; NB_SMALL_SIZE_CLASSES],
    /// `# bytes in allocated blocks`.
    pub allocated_bytes: usize,
    /// `# bytes in available blocks`.
    pub available_bytes: usize,
    /// Free pools, cached or never carved (`N unused pools`).
    pub unused_pools: usize,
    /// `# bytes lost to pool headers`.
    pub pool_header_bytes: usize,
    /// `# bytes lost to quantization`.
    pub quantization: usize,
    /// `# bytes lost to arena alignment`.
    pub arena_alignment: usize,
    /// `# arena map mid nodes`.
    pub map_mid_nodes: usize,
    /// `# arena map bot nodes`.
    pub map_bot_nodes: usize,
    /// Live blocks from the system allocator.
    pub raw_blocks: usize,
}

impl HeapStats {
    /// The sum CPython prints as the first `Total` (equals `arenas_current` MiB).
    pub fn arena_total(&self) -> usize {
        self.allocated_bytes
            + self.available_bytes
            + self.unused_pools * POOL_SIZE
            + self.pool_header_bytes
            + self.quantization
            + self.arena_alignment
    }

    /// Bytes held by the radix tree (the second `Total`).
    pub fn arena_map_bytes(&self) -> usize {
        MAP_ROOT_BYTES + self.map_mid_nodes * MAP_MID_BYTES + self.map_bot_nodes * MAP_BOT_BYTES
    }

    /// Collects the figures from a state.
    pub(crate) fn collect(st: &OMState) -> HeapStats {
        let a = &st.arenas;
        let mut s = HeapStats {
            arenas_allocated_total: a.ntimes_arena_allocated,
            arenas_reclaimed: a.ntimes_arena_allocated - a.narenas_currently_allocated,
            arenas_highwater: a.narenas_highwater,
            arenas_current: 0,
            classes: [SizeClassStats::default(); NB_SMALL_SIZE_CLASSES],
            allocated_bytes: 0,
            available_bytes: 0,
            unused_pools: 0,
            pool_header_bytes: 0,
            quantization: 0,
            arena_alignment: 0,
            map_mid_nodes: st.map.mid_count,
            map_bot_nodes: st.map.bot_count,
            raw_blocks: st.raw_allocated_blocks,
        };
        for (i, c) in s.classes.iter_mut().enumerate() {
            c.size = (i + 1) * super::ALIGNMENT;
        }
        for ao in &a.objs {
            if ao.address == 0 {
                continue;
            }
            s.arenas_current += 1;
            s.unused_pools += ao.nfreepools as usize;
            if ao.is_misaligned() {
                s.arena_alignment += POOL_SIZE;
            }
            let mut base = ao.first_pool();
            while base < ao.pool_address {
                // SAFETY: pools below pool_address were carved and have a live
                // header inside the mapped arena.
                let p = unsafe { &*(base as *const PoolHeader) };
                base += POOL_SIZE;
                if p.count == 0 {
                    continue;
                }
                let class =
                    SizeClass::from_index(p.szidx as usize).expect("pool in use has a size class");
                let row = &mut s.classes[class.index()];
                row.pools += 1;
                row.blocks_in_use += p.count as usize;
                row.avail_blocks += class.blocks_per_pool() - p.count as usize;
            }
        }
        if st.pending_empty_pool().is_some() {
            // Empty, so skipped above, but not yet on its arena's freepools.
            s.unused_pools += 1;
        }
        for (i, row) in s.classes.iter().enumerate() {
            let class = SizeClass::from_index(i).expect("index < 32");
            s.allocated_bytes += row.blocks_in_use * row.size;
            s.available_bytes += row.avail_blocks * row.size;
            s.pool_header_bytes += row.pools * POOL_OVERHEAD;
            s.quantization += row.pools * class.pool_waste();
        }
        s
    }

    /// Writes the obmalloc part of `sys._debugmallocstats()`, from
    /// `Small block threshold = 512, in 32 size classes.` through the arena-map
    /// `Total` line, in CPython's format.
    pub fn write_debug_malloc_stats(&self, out: &mut String) {
        let _ = writeln!(
            out,
            "Small block threshold = {SMALL_REQUEST_THRESHOLD}, in {NB_SMALL_SIZE_CLASSES} size classes."
        );
        out.push('\n');
        out.push_str("class   size   num pools   blocks in use  avail blocks\n");
        out.push_str("-----   ----   ---------   -------------  ------------\n");
        for (i, row) in self.classes.iter().enumerate() {
            if row.pools == 0 {
                continue;
            }
            let _ = writeln!(
                out,
                "{:5} {:6} {:11} {:15} {:13}",
                i, row.size, row.pools, row.blocks_in_use, row.avail_blocks
            );
        }
        out.push('\n');
        write_stat_line(out, "# arenas allocated total", self.arenas_allocated_total);
        write_stat_line(out, "# arenas reclaimed", self.arenas_reclaimed);
        write_stat_line(out, "# arenas highwater mark", self.arenas_highwater);
        write_stat_line(out, "# arenas allocated current", self.arenas_current);
        let label = format!(
            "{} arenas * {} bytes/arena",
            self.arenas_current, ARENA_SIZE
        );
        write_stat_line(out, &label, self.arenas_current * ARENA_SIZE);
        out.push('\n');
        write_stat_line(out, "# bytes in allocated blocks", self.allocated_bytes);
        write_stat_line(out, "# bytes in available blocks", self.available_bytes);
        let label = format!("{} unused pools * {} bytes", self.unused_pools, POOL_SIZE);
        write_stat_line(out, &label, self.unused_pools * POOL_SIZE);
        write_stat_line(out, "# bytes lost to pool headers", self.pool_header_bytes);
        write_stat_line(out, "# bytes lost to quantization", self.quantization);
        write_stat_line(out, "# bytes lost to arena alignment", self.arena_alignment);
        write_stat_line(out, "Total", self.arena_total());
        out.push('\n');
        out.push_str("arena map counts\n");
        write_stat_line(out, "# arena map mid nodes", self.map_mid_nodes);
        write_stat_line(out, "# arena map bot nodes", self.map_bot_nodes);
        out.push('\n');
        write_stat_line(out, "# bytes lost to arena map root", MAP_ROOT_BYTES);
        write_stat_line(
            out,
            "# bytes lost to arena map mid",
            self.map_mid_nodes * MAP_MID_BYTES,
        );
        write_stat_line(
            out,
            "# bytes lost to arena map bot",
            self.map_bot_nodes * MAP_BOT_BYTES,
        );
        write_stat_line(out, "Total", self.arena_map_bytes());
    }
}

/// Formats `value` with thousands separators (`4194304` -> `4,194,304`).
pub fn with_commas(value: usize) -> String {
    let digits = value.to_string();
    let mut s = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            s.push(',');
        }
        s.push(ch);
    }
    s
}

/// One `label = value` line as CPython's `printone` writes it: the label padded
/// with spaces to 35 columns, `=`, the value with thousands commas right-aligned
/// in 21 columns, newline.
pub fn write_stat_line(out: &mut String, label: &str, value: usize) {
    let _ = writeln!(out, "{label:<35}={:>21}", with_commas(value));
}

/// One free-list line as CPython's `_PyDebugAllocatorStats` writes it:
/// `"%d free %ss * %zd bytes each"` right-aligned in 48 columns, a space, then
/// the `=` and total as [`write_stat_line`]. `type_name` is e.g. `PyFloatObject`
/// or `1-sized PyTupleObject`.
pub fn write_freelist_line(out: &mut String, count: usize, type_name: &str, size: usize) {
    let text = format!("{count} free {type_name}s * {size} bytes each");
    let label = format!("{text:>48} ");
    write_stat_line(out, &label, count * size);
}
