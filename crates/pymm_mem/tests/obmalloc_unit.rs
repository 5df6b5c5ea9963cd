//! Behaviour tests of the small-object allocator against CPython 3.11's
//! obmalloc (spec section 1).

use std::ptr::NonNull;

use pymm_mem::obmalloc::{
    ARENA_SIZE, AllocatorMode, Heap, NB_SMALL_SIZE_CLASSES, POOL_OVERHEAD, POOL_SIZE, SizeClass,
    write_freelist_line, write_stat_line,
};

fn free_all(h: &mut Heap, v: impl IntoIterator<Item = NonNull<u8>>) {
    for p in v {
        // SAFETY: every pointer passed here is a live block of `h`.
        unsafe { h.free(p) };
    }
}

#[test]
fn constants_and_layout() {
    assert_eq!(NB_SMALL_SIZE_CLASSES, 32);
    assert_eq!(POOL_OVERHEAD, 48);
    assert_eq!(
        std::mem::size_of::<pymm_mem::obmalloc::pool::PoolHeader>(),
        48
    );
    assert_eq!(ARENA_SIZE / POOL_SIZE, 64);
}

#[test]
fn size_class_mapping() {
    assert_eq!(SizeClass::for_request(0), None);
    assert_eq!(SizeClass::for_request(513), None);
    for n in 1..=512usize {
        let c = SizeClass::for_request(n).unwrap();
        assert_eq!(c.index(), (n - 1) >> 4);
        assert!(c.block_size() >= n && c.block_size() < n + 16);
        assert_eq!(c.block_size() % 16, 0);
    }
    assert_eq!(SizeClass::for_request(1).unwrap().block_size(), 16);
    assert_eq!(SizeClass::for_request(16).unwrap().block_size(), 16);
    assert_eq!(SizeClass::for_request(17).unwrap().block_size(), 32);
    assert_eq!(SizeClass::for_request(512).unwrap().index(), 31);
}

#[test]
fn blocks_per_pool_and_waste_table() {
    // (size, blocks, waste) from spec 1.1.
    let table = [
        (16, 1021, 0),
        (32, 510, 16),
        (48, 340, 16),
        (64, 255, 16),
        (80, 204, 16),
        (96, 170, 16),
        (112, 145, 96),
        (128, 127, 80),
        (256, 63, 208),
        (400, 40, 336),
        (496, 32, 464),
        (512, 31, 464),
    ];
    for (size, blocks, waste) in table {
        let c = SizeClass::for_request(size).unwrap();
        assert_eq!(c.block_size(), size);
        assert_eq!(c.blocks_per_pool(), blocks, "size {size}");
        assert_eq!(c.pool_waste(), waste, "size {size}");
    }
}

#[test]
fn alignment_and_distinct_blocks() {
    let mut h = Heap::new();
    let mut v = Vec::new();
    for n in [0usize, 1, 7, 16, 17, 100, 255, 256, 511, 512, 513, 4000] {
        for _ in 0..50 {
            let p = h.malloc(n).unwrap();
            assert_eq!(p.as_ptr() as usize % 16, 0, "size {n}");
            v.push(p);
        }
    }
    let mut addrs: Vec<usize> = v.iter().map(|p| p.as_ptr() as usize).collect();
    addrs.sort_unstable();
    addrs.dedup();
    assert_eq!(addrs.len(), v.len());
    assert_eq!(h.allocated_blocks(), v.len());
    free_all(&mut h, v);
    assert_eq!(h.allocated_blocks(), 0);
}

#[test]
fn freed_block_is_next_handed_out() {
    let mut h = Heap::new();
    let v: Vec<_> = (0..100).map(|_| h.malloc(40).unwrap()).collect();
    // SAFETY: live block of h.
    unsafe { h.free(v[37]) };
    assert_eq!(h.malloc(40).unwrap(), v[37]);
    // LIFO within a pool.
    // SAFETY: live blocks of h.
    unsafe {
        h.free(v[10]);
        h.free(v[20]);
    }
    assert_eq!(h.malloc(33).unwrap(), v[20]);
    assert_eq!(h.malloc(48).unwrap(), v[10]);
    free_all(&mut h, v);
}

#[test]
fn full_pool_relinked_at_front() {
    let mut h = Heap::new();
    let per_pool = SizeClass::for_request(512).unwrap().blocks_per_pool();
    // Fill two pools of class 31 completely, then a third partially.
    let v: Vec<_> = (0..2 * per_pool + 3)
        .map(|_| h.malloc(512).unwrap())
        .collect();
    let first_pool = v[0].as_ptr() as usize & !(POOL_SIZE - 1);
    // Freeing a block of the full first pool makes it the front pool again.
    // SAFETY: live block of h.
    unsafe { h.free(v[5]) };
    let p = h.malloc(500).unwrap();
    assert_eq!(p, v[5]);
    assert_eq!(p.as_ptr() as usize & !(POOL_SIZE - 1), first_pool);
    free_all(&mut h, v);
}

#[test]
fn sequential_blocks_in_a_new_pool() {
    let mut h = Heap::new();
    let a = h.malloc(64).unwrap().as_ptr() as usize;
    let b = h.malloc(64).unwrap().as_ptr() as usize;
    let c = h.malloc(64).unwrap().as_ptr() as usize;
    // The 64-byte class starts a cache line after the pool's start (16 bytes after
    // the header, taken from the pool's waste).
    assert_eq!(a % POOL_SIZE, 64);
    assert_eq!(b, a + 64);
    assert_eq!(c, b + 64);
}

/// Every class fits CPython's number of blocks in a pool (`NUMBLOCKS`) whatever its
/// first block's offset: all of them in one pool, inside it, the next one in another.
/// The 16-byte class starts right after the header; the others on a cache line.
#[test]
fn every_class_fills_a_pool_with_cpythons_block_count() {
    for idx in 0..32 {
        let class = SizeClass::from_index(idx).unwrap();
        let size = class.block_size();
        let mut h = Heap::new();
        let n = class.blocks_per_pool();
        assert_eq!(n, (POOL_SIZE - POOL_OVERHEAD) / size);
        let blocks: Vec<NonNull<u8>> = (0..n).map(|_| h.malloc(size).unwrap()).collect();
        let pool = blocks[0].as_ptr() as usize & !(POOL_SIZE - 1);
        let first = blocks[0].as_ptr() as usize - pool;
        assert_eq!(first, class.first_block_offset());
        assert_eq!(
            first,
            if idx == 0 { POOL_OVERHEAD } else { 64 },
            "class {idx}"
        );
        for b in &blocks {
            let a = b.as_ptr() as usize;
            assert_eq!(a & !(POOL_SIZE - 1), pool, "class {idx}");
            assert!(a - pool >= POOL_OVERHEAD && a - pool + size <= POOL_SIZE);
        }
        let next = h.malloc(size).unwrap();
        assert_ne!(
            next.as_ptr() as usize & !(POOL_SIZE - 1),
            pool,
            "class {idx}"
        );
        let mut all = blocks;
        all.push(next);
        free_all(&mut h, all);
    }
}

#[test]
fn arena_reclamation() {
    let mut h = Heap::new();
    let per_arena = 63 * SizeClass::for_request(16).unwrap().blocks_per_pool();
    let n = 5 * per_arena;
    let v: Vec<_> = (0..n).map(|_| h.malloc(16).unwrap()).collect();
    let s = h.stats();
    assert!((5..=6).contains(&s.arenas_current), "{s:?}");
    assert_eq!(s.arenas_allocated_total, s.arenas_current);
    assert_eq!(s.arena_total(), s.arenas_current * ARENA_SIZE);
    assert_eq!(h.allocated_blocks(), n);
    let allocated = s.arenas_current;
    free_all(&mut h, v);
    let s = h.stats();
    assert_eq!(h.allocated_blocks(), 0);
    assert!(s.arenas_current <= 1, "{s:?}");
    assert_eq!(s.arenas_reclaimed, allocated - s.arenas_current);
    assert_eq!(s.arenas_highwater, allocated);
    assert_eq!(h.system_bytes(), s.arenas_current * ARENA_SIZE);
    h.check_invariants().unwrap();
    // The kept arena is reused.
    let p = h.malloc(16).unwrap();
    assert_eq!(h.stats().arenas_allocated_total, allocated);
    free_all(&mut h, [p]);
}

#[test]
fn usable_arenas_sorted_ascending() {
    let mut h = Heap::new();
    // Six arenas full of 512-byte blocks (one pool = 31 blocks).
    let per_pool = 31;
    let blocks: Vec<_> = (0..6 * 64 * per_pool)
        .map(|_| h.malloc(512).unwrap())
        .collect();
    let nar = h.stats().arenas_current;
    // Group blocks by pool, remember the pool order.
    let mut pools: Vec<(usize, Vec<NonNull<u8>>)> = Vec::new();
    for &p in &blocks {
        let base = p.as_ptr() as usize & !(POOL_SIZE - 1);
        match pools.iter_mut().find(|(b, _)| *b == base) {
            Some((_, v)) => v.push(p),
            None => pools.push((base, vec![p])),
        }
    }
    // Free whole pools in a scattered pattern so arenas get various counts.
    let mut freed = 0;
    for (k, (_, v)) in pools.iter().enumerate() {
        if k % 3 == 0 || k % 7 == 0 || (k > 150 && k % 2 == 0) {
            free_all(&mut h, v.iter().copied());
            freed += 1;
            h.check_invariants().unwrap();
        }
    }
    assert!(freed > 0);
    let order = h.usable_arenas();
    assert!(order.len() >= 2, "{order:?} of {nar}");
    for w in order.windows(2) {
        assert!(w[0].1 <= w[1].1, "{order:?}");
    }
    // A new pool comes from the head (most used) arena.
    let head_before = order[0];
    let _p = h.malloc(100).unwrap();
    let after = h.usable_arenas();
    if head_before.1 > 1 {
        assert_eq!(after[0], (head_before.0, head_before.1 - 1));
    }
    h.check_invariants().unwrap();
}

#[test]
fn realloc_in_place_rule() {
    let mut h = Heap::new();
    let p = h.malloc(100).unwrap(); // class 112
    // SAFETY: p (and each result) is a live block of h.
    unsafe {
        p.as_ptr().write_bytes(0xab, 100);
        assert_eq!(h.block_size(p), Some(112));
        let q = h.realloc(p, 112).unwrap();
        assert_eq!(q, p, "grow within the block");
        let q = h.realloc(q, 85).unwrap();
        assert_eq!(q, p, "4*85 > 3*112");
        let r = h.realloc(q, 84).unwrap();
        assert_ne!(r, p, "4*84 == 3*112 -> moves");
        assert_eq!(h.block_size(r), Some(96));
        assert!(
            std::slice::from_raw_parts(r.as_ptr(), 84)
                .iter()
                .all(|&b| b == 0xab)
        );
        let s = h.realloc(r, 200).unwrap();
        assert_eq!(h.block_size(s), Some(208));
        assert!(
            std::slice::from_raw_parts(s.as_ptr(), 84)
                .iter()
                .all(|&b| b == 0xab)
        );
        let t = h.realloc(s, 1000).unwrap();
        assert!(!h.is_pymalloc_block(t));
        assert!(
            std::slice::from_raw_parts(t.as_ptr(), 84)
                .iter()
                .all(|&b| b == 0xab)
        );
        // A raw block stays raw even when shrunk (CPython: PyMem_RawRealloc).
        let u = h.realloc(t, 10).unwrap();
        assert!(!h.is_pymalloc_block(u));
        assert_eq!(h.allocated_blocks(), 1);
        h.free(u);
    }
    assert_eq!(h.allocated_blocks(), 0);
}

#[test]
fn raw_path_for_zero_and_large() {
    let mut h = Heap::new();
    let z = h.malloc(0).unwrap();
    let big = h.malloc(513).unwrap();
    let small = h.malloc(512).unwrap();
    assert!(!h.is_pymalloc_block(z));
    assert!(!h.is_pymalloc_block(big));
    assert!(h.is_pymalloc_block(small));
    let s = h.stats();
    assert_eq!(s.raw_blocks, 2);
    assert_eq!(h.allocated_blocks(), 3);
    assert!(h.system_bytes() > ARENA_SIZE + 513);
    free_all(&mut h, [z, big, small]);
    assert_eq!(h.allocated_blocks(), 0);
    assert_eq!(h.system_bytes(), h.stats().arenas_current * ARENA_SIZE);
}

#[test]
fn limit_returns_err() {
    let mut h = Heap::new();
    h.set_limit(Some(2 * ARENA_SIZE + 4096));
    assert_eq!(h.limit(), Some(2 * ARENA_SIZE + 4096));
    let mut v = Vec::new();
    let err = loop {
        match h.malloc(256) {
            Ok(p) => v.push(p),
            Err(e) => break e,
        }
    };
    assert_eq!(err.requested, 256);
    assert_eq!(h.stats().arenas_current, 2);
    assert!(h.system_bytes() <= 2 * ARENA_SIZE + 4096);
    // Raw requests are capped too.
    assert!(h.malloc(8192).is_err());
    let r = h.malloc(1000).unwrap();
    // Realloc failing leaves the block intact.
    // SAFETY: r is live.
    unsafe {
        r.as_ptr().write_bytes(7, 1000);
        assert!(h.realloc(r, 100_000).is_err());
        assert_eq!(*r.as_ptr().add(999), 7);
    }
    free_all(&mut h, [r]);
    free_all(&mut h, v.drain(..));
    h.set_limit(None);
    let p = h.malloc(1 << 20).unwrap();
    free_all(&mut h, [p]);
    assert_eq!(h.allocated_blocks(), 0);
}

#[test]
fn malloc_mode_uses_system_allocator() {
    let mut h = Heap::with_mode(AllocatorMode::Malloc);
    assert_eq!(h.mode(), AllocatorMode::Malloc);
    let v: Vec<_> = (0..100).map(|i| h.malloc(i * 3).unwrap()).collect();
    for &p in &v {
        assert!(!h.is_pymalloc_block(p));
        assert_eq!(p.as_ptr() as usize % 16, 0);
    }
    assert_eq!(h.allocated_blocks(), 100);
    assert_eq!(h.stats().arenas_current, 0);
    let mut out = String::new();
    h.write_debug_malloc_stats(&mut out);
    assert!(out.is_empty());
    // SAFETY: v[0] is live.
    let q = unsafe { h.realloc(v[0], 64) }.unwrap();
    free_all(&mut h, v.into_iter().skip(1).chain([q]));
    assert_eq!(h.allocated_blocks(), 0);
    assert_eq!(h.system_bytes(), 0);
}

#[test]
fn debug_malloc_stats_structure() {
    let mut h = Heap::new();
    let v: Vec<_> = (0..20_000)
        .map(|i| h.malloc(1 + (i * 37) % 512).unwrap())
        .collect();
    let mut out = String::new();
    h.write_debug_malloc_stats(&mut out);
    let s = h.stats();
    assert_eq!(s.arena_total(), s.arenas_current * ARENA_SIZE);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines[0], "Small block threshold = 512, in 32 size classes.");
    assert_eq!(lines[1], "");
    assert_eq!(
        lines[2],
        "class   size   num pools   blocks in use  avail blocks"
    );
    assert_eq!(
        lines[3],
        "-----   ----   ---------   -------------  ------------"
    );
    let rows = s.classes.iter().filter(|c| c.pools > 0).count();
    assert_eq!(rows, 32);
    assert!(lines[4].starts_with("    0     16 "));
    let totals: Vec<&&str> = lines.iter().filter(|l| l.starts_with("Total  ")).collect();
    assert_eq!(totals.len(), 2);
    let expect = {
        let mut t = String::new();
        write_stat_line(&mut t, "Total", s.arenas_current * ARENA_SIZE);
        t
    };
    assert_eq!(format!("{}\n", totals[0]), expect);
    assert!(out.contains(&format!(
        "{} arenas * 1048576 bytes/arena     =",
        s.arenas_current
    )));
    assert!(
        out.contains(
            "arena map counts\n# arena map mid nodes              =                    1\n"
        )
    );
    assert!(
        out.ends_with("Total                              =              655,360\n"),
        "{out}"
    );
    assert_eq!(lines.len(), 4 + rows + 1 + 5 + 1 + 7 + 1 + 3 + 1 + 4);
    // Block counts add up.
    let in_use: usize = s.classes.iter().map(|c| c.blocks_in_use).sum();
    assert_eq!(in_use, v.len());
    free_all(&mut h, v);
}

#[test]
fn formatting_helpers_golden() {
    // Lines copied from `python3 -c "import sys; sys._debugmallocstats()"` (3.11.7).
    let mut out = String::new();
    write_stat_line(&mut out, "# arenas allocated total", 4);
    write_stat_line(&mut out, "4 arenas * 1048576 bytes/arena", 4_194_304);
    write_stat_line(&mut out, "# bytes in available blocks", 329_120);
    write_stat_line(&mut out, "18 unused pools * 16384 bytes", 294_912);
    write_stat_line(&mut out, "Total", 655_360);
    write_stat_line(&mut out, "# arena map mid nodes", 1);
    assert_eq!(
        out,
        "# arenas allocated total           =                    4\n\
         4 arenas * 1048576 bytes/arena     =            4,194,304\n\
         # bytes in available blocks        =              329,120\n\
         18 unused pools * 16384 bytes      =              294,912\n\
         Total                              =              655,360\n\
         # arena map mid nodes              =                    1\n"
    );
    let mut out = String::new();
    write_freelist_line(&mut out, 8, "PyDictObject", 48);
    write_freelist_line(&mut out, 4, "PyFloatObject", 24);
    write_freelist_line(&mut out, 40, "PyListObject", 40);
    write_freelist_line(&mut out, 4, "1-sized PyTupleObject", 32);
    write_freelist_line(&mut out, 0, "10-sized PyTupleObject", 104);
    write_freelist_line(&mut out, 1000, "PyFloatObject", 1_000_000);
    assert_eq!(
        out,
        "            8 free PyDictObjects * 48 bytes each =                  384\n           \
         4 free PyFloatObjects * 24 bytes each =                   96\n           \
         40 free PyListObjects * 40 bytes each =                1,600\n   \
         4 free 1-sized PyTupleObjects * 32 bytes each =                  128\n \
         0 free 10-sized PyTupleObjects * 104 bytes each =                    0\n   \
         1000 free PyFloatObjects * 1000000 bytes each =        1,000,000,000\n"
    );
    let mut s = String::new();
    write_stat_line(&mut s, "x", 1_000);
    write_stat_line(&mut s, "x", 999);
    write_stat_line(&mut s, "x", 0);
    assert_eq!(
        s,
        "x                                  =                1,000\n\
         x                                  =                  999\n\
         x                                  =                    0\n"
    );
}

#[test]
fn drop_with_live_blocks_unmaps() {
    let mut h = Heap::new();
    for i in 0..10_000 {
        let _ = h.malloc(1 + i % 512).unwrap();
    }
    drop(h);
}

#[test]
fn many_heaps_are_independent() {
    let mut a = Heap::new();
    let mut b = Heap::new();
    let pa = a.malloc(32).unwrap();
    let pb = b.malloc(32).unwrap();
    assert!(a.is_pymalloc_block(pa));
    assert!(!a.is_pymalloc_block(pb));
    free_all(&mut a, [pa]);
    free_all(&mut b, [pb]);
}

#[test]
fn descriptor_vector_starts_at_16_and_doubles() {
    let mut h = Heap::new();
    assert_eq!(h.arena_descriptors(), 0);
    let mut v = vec![h.malloc(512).unwrap()];
    assert_eq!(h.arena_descriptors(), 16);
    // 512-byte blocks: 31 per pool, at most 64 pools per arena.
    while h.stats().arenas_current < 17 {
        v.push(h.malloc(512).unwrap());
    }
    assert_eq!(h.arena_descriptors(), 32);
    let s = h.stats();
    assert_eq!(s.arena_total(), 17 * ARENA_SIZE);
    // Pools per arena: 64 when the mmap base is 16 KiB-aligned, else 63.
    let misaligned = s.arena_alignment / POOL_SIZE;
    assert!(misaligned <= 17);
    free_all(&mut h, v);
    assert!(h.stats().arenas_current <= 1);
    assert_eq!(h.arena_descriptors(), 32);
}

/// The shape of every line (where `=` sits, where right-aligned numbers end)
/// matches real `sys._debugmallocstats()` output of the installed python3.
#[test]
fn debug_malloc_stats_matches_cpython_layout() {
    let Ok(out) = std::process::Command::new("python3")
        .args(["-c", "import sys; sys._debugmallocstats()"])
        .output()
    else {
        eprintln!("python3 not found; skipped");
        return;
    };
    let cpython = String::from_utf8_lossy(&out.stderr).into_owned();
    let start = cpython
        .find("Small block threshold")
        .expect("cpython output");
    let cpython: Vec<&str> = cpython[start..].lines().collect();
    let end = cpython
        .iter()
        .rposition(|l| l.starts_with("Total"))
        .unwrap();
    let cpython = &cpython[..=end];

    let mut h = Heap::new();
    // Populate every size class so that all 32 rows are printed, as in CPython.
    let v: Vec<_> = (0..40_000)
        .map(|i| h.malloc(1 + (i * 53) % 512).unwrap())
        .collect();
    let mut ours = String::new();
    h.write_debug_malloc_stats(&mut ours);
    let ours: Vec<&str> = ours.lines().collect();

    fn shape(line: &str) -> (String, Vec<usize>, Option<usize>, usize) {
        // Label text without numbers, end columns of number tokens after '='
        // or in table rows, column of '=', length.
        let eq = line.find('=');
        let label: String = match eq {
            Some(e) => line[..e]
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect::<String>()
                .trim()
                .to_string(),
            None => line
                .chars()
                .filter(|c| !c.is_ascii_digit())
                .collect::<String>()
                .trim()
                .to_string(),
        };
        let from = eq.map_or(0, |e| e + 1);
        let mut ends = Vec::new();
        let b = line.as_bytes();
        for i in from..b.len() {
            let num = b[i].is_ascii_digit() || b[i] == b',';
            if num && (i + 1 == b.len() || b[i + 1] == b' ') {
                ends.push(i);
            }
        }
        (label, ends, eq, line.len())
    }
    // Table rows (CPython skips classes without pools, so the row count may
    // differ) are compared by shape; every other line one to one.
    let is_row = |l: &&str| l.starts_with("  ") && !l.contains('=');
    let (our_rows, our_rest): (Vec<&str>, Vec<&str>) = ours.iter().copied().partition(is_row);
    let (c_rows, c_rest): (Vec<&str>, Vec<&str>) = cpython.iter().copied().partition(is_row);
    assert_eq!(our_rows.len(), 32);
    assert!(!c_rows.is_empty());
    for o in &our_rows {
        assert_eq!(
            shape(o).1,
            shape(c_rows[0]).1,
            "row {o:?} vs {:?}",
            c_rows[0]
        );
    }
    assert_eq!(
        our_rest.len(),
        c_rest.len(),
        "ours:\n{}\ncpython:\n{}",
        our_rest.join("\n"),
        c_rest.join("\n")
    );
    for (o, c) in our_rest.iter().zip(c_rest.iter()) {
        assert_eq!(shape(o), shape(c), "line {o:?} vs {c:?}");
    }
    free_all(&mut h, v);
}

// `Heap` must stay `!Send + !Sync`: if it implemented either trait, the calls
// below would be ambiguous and this file would not compile.
trait AmbiguousIfSend<A> {
    fn some_item() {}
}
impl<T: ?Sized> AmbiguousIfSend<()> for T {}
impl<T: ?Sized + Send> AmbiguousIfSend<u8> for T {}
trait AmbiguousIfSync<A> {
    fn some_item() {}
}
impl<T: ?Sized> AmbiguousIfSync<()> for T {}
impl<T: ?Sized + Sync> AmbiguousIfSync<u8> for T {}
const _: fn() = || {
    <Heap as AmbiguousIfSend<_>>::some_item();
    <Heap as AmbiguousIfSync<_>>::some_item();
};
