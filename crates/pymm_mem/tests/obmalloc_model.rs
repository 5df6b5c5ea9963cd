//! Model-based property test of the small-object allocator: random sequences of
//! malloc / free / realloc checked after every step against a plain model of
//! the live blocks (no overlap, contents intact, `allocated_blocks()` equal to
//! the live count, at most one arena left once everything is freed).

use std::ptr::NonNull;

use proptest::prelude::*;
use pymm_mem::obmalloc::{ARENA_SIZE, AllocatorMode, Heap, POOL_SIZE};

#[derive(Debug, Clone)]
enum Op {
    Malloc(usize),
    /// Free the live block at `index % live`.
    Free(usize),
    /// Realloc the live block at `index % live` to a new size.
    Realloc(usize, usize),
    /// Allocate a burst of blocks of one size (fills pools and arenas quickly).
    Burst(usize, usize),
    /// Free every other live block.
    FreeHalf,
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        4 => (0usize..=700).prop_map(Op::Malloc),
        3 => any::<usize>().prop_map(Op::Free),
        2 => (any::<usize>(), 0usize..=700).prop_map(|(i, n)| Op::Realloc(i, n)),
        1 => (1usize..=512, 1usize..=1500).prop_map(|(n, k)| Op::Burst(n, k)),
        1 => Just(Op::FreeHalf),
    ]
}

struct Live {
    ptr: NonNull<u8>,
    size: usize,
    tag: u8,
}

struct Model {
    heap: Heap,
    live: Vec<Live>,
    next_tag: u8,
}

fn pattern(tag: u8, i: usize) -> u8 {
    tag.wrapping_add((i as u8).wrapping_mul(31))
}

impl Model {
    fn new(mode: AllocatorMode) -> Model {
        Model {
            heap: Heap::with_mode(mode),
            live: Vec::new(),
            next_tag: 1,
        }
    }

    fn fill(b: &Live) {
        for i in 0..b.size {
            // SAFETY: the block is live and has at least `size` bytes.
            unsafe { b.ptr.as_ptr().add(i).write(pattern(b.tag, i)) };
        }
    }

    fn intact(b: &Live, upto: usize) -> bool {
        // SAFETY: the block is live and has at least `size >= upto` bytes.
        (0..upto).all(|i| unsafe { b.ptr.as_ptr().add(i).read() } == pattern(b.tag, i))
    }

    fn malloc(&mut self, size: usize) {
        let ptr = self.heap.malloc(size).expect("no limit set");
        assert_eq!(ptr.as_ptr() as usize % 16, 0);
        let tag = self.next_tag;
        self.next_tag = self.next_tag.wrapping_add(1).max(1);
        let b = Live { ptr, size, tag };
        Model::fill(&b);
        self.live.push(b);
    }

    fn free(&mut self, i: usize) {
        let b = self.live.swap_remove(i);
        assert!(Model::intact(&b, b.size));
        // SAFETY: b is a live block of this heap, removed from the model.
        unsafe { self.heap.free(b.ptr) };
    }

    fn apply(&mut self, op: &Op) {
        match *op {
            Op::Malloc(n) => self.malloc(n),
            Op::Free(i) if !self.live.is_empty() => self.free(i % self.live.len()),
            Op::Realloc(i, n) if !self.live.is_empty() => {
                let k = i % self.live.len();
                let old = &self.live[k];
                // SAFETY: old.ptr is a live block of this heap.
                let q = unsafe { self.heap.realloc(old.ptr, n) }.expect("no limit set");
                let keep = old.size.min(n);
                let moved = Live {
                    ptr: q,
                    size: keep,
                    tag: old.tag,
                };
                assert!(Model::intact(&moved, keep), "realloc lost data");
                let b = Live {
                    ptr: q,
                    size: n,
                    tag: old.tag,
                };
                Model::fill(&b);
                self.live[k] = b;
            }
            Op::Burst(n, k) => (0..k).for_each(|_| self.malloc(n)),
            Op::FreeHalf => {
                let mut i = 0;
                while i < self.live.len() {
                    self.free(i);
                    i += 1;
                }
            }
            _ => {}
        }
    }

    fn check(&self) {
        assert_eq!(self.heap.allocated_blocks(), self.live.len());
        let mut spans: Vec<(usize, usize)> = self
            .live
            .iter()
            .map(|b| (b.ptr.as_ptr() as usize, b.size.max(1)))
            .collect();
        spans.sort_unstable();
        for w in spans.windows(2) {
            assert!(w[0].0 + w[0].1 <= w[1].0, "blocks overlap: {w:?}");
        }
        for b in &self.live {
            assert!(Model::intact(b, b.size), "block contents changed");
        }
        self.heap.check_invariants().unwrap();
        let s = self.heap.stats();
        assert_eq!(s.arena_total(), s.arenas_current * ARENA_SIZE);
        // Per-class counts agree with the live small blocks.
        let mut per_class = [0usize; 32];
        let mut raw = 0;
        for b in &self.live {
            // SAFETY: b is a live block of this heap.
            match unsafe { self.heap.block_size(b.ptr) } {
                Some(bs) => {
                    assert!(b.size <= bs);
                    per_class[bs / 16 - 1] += 1;
                }
                None => raw += 1,
            }
        }
        assert_eq!(s.raw_blocks, raw);
        for (row, &n) in s.classes.iter().zip(per_class.iter()) {
            assert_eq!(row.blocks_in_use, n, "class of size {}", row.size);
        }
    }

    fn free_everything(&mut self) {
        while !self.live.is_empty() {
            let last = self.live.len() - 1;
            self.free(last);
        }
        self.check();
        let s = self.heap.stats();
        assert!(s.arenas_current <= 1, "{s:?}");
        assert_eq!(self.heap.allocated_blocks(), 0);
        assert_eq!(self.heap.system_bytes(), s.arenas_current * ARENA_SIZE);
    }
}

fn run(mode: AllocatorMode, ops: &[Op]) {
    let mut m = Model::new(mode);
    for op in ops {
        m.apply(op);
        m.check();
    }
    m.free_everything();
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    #[test]
    fn pymalloc_matches_model(ops in proptest::collection::vec(op(), 1..100)) {
        run(AllocatorMode::Pymalloc, &ops);
    }

    #[test]
    fn malloc_mode_matches_model(ops in proptest::collection::vec(op(), 1..40)) {
        run(AllocatorMode::Malloc, &ops);
    }
}

/// One pool in the model: the stack of its freed block offsets over a cursor of
/// never-used blocks, and its count of blocks in use.
struct PoolModel {
    freed: Vec<usize>,
    virgin: usize,
    count: usize,
}

impl PoolModel {
    fn next(&self) -> usize {
        self.freed.last().copied().unwrap_or(self.virgin)
    }

    fn full(&self, block: usize) -> bool {
        self.freed.is_empty() && self.virgin + block > POOL_SIZE
    }
}

/// CPython 3.11's whole small-object policy, modelled plainly over every size class and
/// arena: the partially used pools of each class (front first), each pool's stack of
/// freed blocks over its virgin cursor, each arena's `freepools` stack and carving
/// cursor, `usable_arenas` sorted by free pools (an arena whose count rises goes before
/// the first arena with at least its new count), and a wholly free arena given back
/// unless it is the last usable one. Every allocation must return the block this model
/// predicts, and after every step the heap's free-pool counts, arena order and
/// reclaimed arenas must be the model's. Only the addresses of new arenas, and whether
/// they lose a pool to alignment, come from the heap.
#[derive(Default)]
struct HeapModel {
    used: Vec<Vec<usize>>,
    pools: std::collections::HashMap<usize, HeapPool>,
    arenas: std::collections::HashMap<usize, ArenaModel>,
    usable: Vec<usize>,
    reclaimed: usize,
}

struct HeapPool {
    class: usize,
    arena: usize,
    blocks: PoolModel,
}

struct ArenaModel {
    first_pool: usize,
    ntotal: usize,
    nfree: usize,
    freepools: Vec<usize>,
    carved: usize,
}

impl HeapModel {
    fn new() -> HeapModel {
        HeapModel {
            used: vec![Vec::new(); 32],
            ..HeapModel::default()
        }
    }

    /// Checks an allocation of class `class` that returned `addr`; `heap` is consulted
    /// only when the model says a new arena was needed.
    fn alloc(&mut self, heap: &Heap, addr: usize, class: usize) {
        let block = (class + 1) * 16;
        let pool = addr & !(POOL_SIZE - 1);
        let off = addr - pool;
        if let Some(&front) = self.used[class].first() {
            assert_eq!(
                addr,
                front + self.pools[&front].blocks.next(),
                "not CPython's next block"
            );
        } else {
            if self.usable.is_empty() {
                // A new arena: its first pool holds the block; it is now the only usable
                // arena, one pool short of its total.
                assert!(!self.arenas.contains_key(&pool));
                let (_, nf) = heap.usable_arenas()[0];
                let arena = ArenaModel {
                    first_pool: pool,
                    ntotal: nf as usize + 1,
                    nfree: nf as usize + 1,
                    freepools: Vec::new(),
                    carved: 0,
                };
                self.arenas.insert(pool, arena);
                self.usable.push(pool);
            }
            let key = self.usable[0];
            let a = self.arenas.get_mut(&key).unwrap();
            let expect = a.freepools.pop().unwrap_or_else(|| {
                a.carved += 1;
                a.first_pool + (a.carved - 1) * POOL_SIZE
            });
            a.nfree -= 1;
            if a.nfree == 0 {
                self.usable.remove(0);
            }
            assert_eq!(pool, expect, "not the pool CPython would take");
            match self.pools.get(&pool) {
                Some(p) if p.class == class => {
                    assert_eq!(
                        off,
                        p.blocks.next(),
                        "a reused pool's free list was not used"
                    );
                }
                _ => {
                    let first = pymm_mem::obmalloc::SizeClass::from_index(class)
                        .unwrap()
                        .first_block_offset();
                    assert_eq!(off, first, "a new pool starts at its first block");
                    let blocks = PoolModel {
                        freed: Vec::new(),
                        virgin: first,
                        count: 0,
                    };
                    self.pools.insert(
                        pool,
                        HeapPool {
                            class,
                            arena: key,
                            blocks,
                        },
                    );
                }
            }
            self.used[class].insert(0, pool);
        }
        let p = &mut self.pools.get_mut(&pool).unwrap().blocks;
        if p.freed.pop().is_none() {
            p.virgin += block;
        }
        p.count += 1;
        if p.full(block) {
            self.used[class].retain(|&q| q != pool);
        }
    }

    fn free(&mut self, addr: usize) {
        let pool = addr & !(POOL_SIZE - 1);
        let hp = self.pools.get_mut(&pool).unwrap();
        let (class, key) = (hp.class, hp.arena);
        let block = (class + 1) * 16;
        let was_full = hp.blocks.full(block);
        hp.blocks.freed.push(addr - pool);
        hp.blocks.count -= 1;
        if was_full {
            self.used[class].insert(0, pool);
            return;
        }
        if hp.blocks.count > 0 {
            return;
        }
        self.used[class].retain(|&q| q != pool);
        let a = self.arenas.get_mut(&key).unwrap();
        a.freepools.push(pool);
        a.nfree += 1;
        let (nfree, ntotal) = (a.nfree, a.ntotal);
        let pos = self.usable.iter().position(|&k| k == key);
        if let Some(i) = pos {
            self.usable.remove(i);
            if nfree == ntotal && i < self.usable.len() {
                self.arenas.remove(&key);
                self.pools.retain(|_, p| p.arena != key);
                self.reclaimed += 1;
                return;
            }
        }
        let at = self
            .usable
            .iter()
            .position(|k| self.arenas[k].nfree >= nfree)
            .unwrap_or(self.usable.len());
        self.usable.insert(at, key);
    }

    fn check(&self, heap: &Heap) {
        heap.check_invariants().unwrap();
        let s = heap.stats();
        assert_eq!(s.arenas_reclaimed, self.reclaimed, "arenas given back");
        assert_eq!(s.arenas_current, self.arenas.len());
        let free: usize = self.arenas.values().map(|a| a.nfree).sum();
        assert_eq!(s.unused_pools, free, "free pools");
        let heap_order: Vec<u32> = heap.usable_arenas().iter().map(|&(_, nf)| nf).collect();
        let model_order: Vec<u32> = self
            .usable
            .iter()
            .map(|k| self.arenas[k].nfree as u32)
            .collect();
        assert_eq!(heap_order, model_order, "usable_arenas' free-pool counts");
    }
}

#[derive(Debug, Clone)]
enum HeapOp {
    Alloc(usize),
    /// Free the live block at `index % live` (the others keep their order).
    Free(usize),
    /// Free the oldest live block.
    FreeOldest,
    /// Allocate this many blocks of one size.
    Burst(usize, usize),
    /// Allocate a block and free it at once, this many times.
    AllocFree(usize, usize),
    /// Free every other live block.
    FreeHalf,
}

fn heap_op() -> impl Strategy<Value = HeapOp> {
    let size = prop_oneof![Just(16usize), Just(72), Just(256), Just(512), 1usize..=512];
    prop_oneof![
        4 => size.clone().prop_map(HeapOp::Alloc),
        3 => any::<usize>().prop_map(HeapOp::Free),
        2 => Just(HeapOp::FreeOldest),
        1 => (size.clone(), 1usize..=2500).prop_map(|(n, k)| HeapOp::Burst(n, k)),
        2 => (size, 1usize..=4).prop_map(|(n, k)| HeapOp::AllocFree(n, k)),
        1 => Just(HeapOp::FreeHalf),
    ]
}

fn heap_policy(ops: &[HeapOp]) {
    let mut heap = Heap::new();
    let mut model = HeapModel::new();
    let mut live: Vec<NonNull<u8>> = Vec::new();
    let alloc = |heap: &mut Heap, model: &mut HeapModel, live: &mut Vec<NonNull<u8>>, n: usize| {
        let p = heap.malloc(n).unwrap();
        model.alloc(heap, p.as_ptr() as usize, (n - 1) / 16);
        live.push(p);
    };
    let free = |heap: &mut Heap, model: &mut HeapModel, p: NonNull<u8>| {
        model.free(p.as_ptr() as usize);
        // SAFETY: p is a live block of this heap, no longer in `live`.
        unsafe { heap.free(p) };
    };
    for op in ops {
        match *op {
            HeapOp::Alloc(n) => alloc(&mut heap, &mut model, &mut live, n),
            HeapOp::Free(i) if !live.is_empty() => {
                let p = live.remove(i % live.len());
                free(&mut heap, &mut model, p);
            }
            HeapOp::FreeOldest if !live.is_empty() => {
                let p = live.remove(0);
                free(&mut heap, &mut model, p);
            }
            HeapOp::Burst(n, k) => {
                for _ in 0..k {
                    alloc(&mut heap, &mut model, &mut live, n);
                }
            }
            HeapOp::AllocFree(n, k) => {
                for _ in 0..k {
                    alloc(&mut heap, &mut model, &mut live, n);
                    let p = live.pop().unwrap();
                    free(&mut heap, &mut model, p);
                    model.check(&heap);
                }
            }
            HeapOp::FreeHalf => {
                let mut keep = Vec::new();
                for (i, p) in live.drain(..).enumerate() {
                    if i % 2 == 0 {
                        free(&mut heap, &mut model, p);
                    } else {
                        keep.push(p);
                    }
                }
                live = keep;
            }
            HeapOp::Free(_) | HeapOp::FreeOldest => {}
        }
        model.check(&heap);
    }
    for p in live.drain(..) {
        free(&mut heap, &mut model, p);
    }
    model.check(&heap);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Every allocation returns the block CPython 3.11's allocator would, across size
    /// classes and arenas, and the arenas' books match CPython's after every step (pymm
    /// defers some list moves, which must not change either).
    #[test]
    fn heap_follows_cpythons_policy(ops in proptest::collection::vec(heap_op(), 1..300)) {
        heap_policy(&ops);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// Every allocation of one size class returns the block CPython 3.11's allocator
    /// would (full pools leave the used list lazily in pymm, which must not change the
    /// order), under a mostly first-in-first-out pattern that fills and refills pools.
    #[test]
    fn blocks_come_in_cpythons_order(
        ops in proptest::collection::vec((proptest::bool::weighted(0.52), any::<usize>()), 1..3000),
        class in prop_oneof![Just(80usize), Just(512), Just(16)],
    ) {
        // Mostly the oldest block (a FIFO), else any.
        let ops: Vec<HeapOp> = ops
            .into_iter()
            .map(|(alloc, i)| match (alloc, i % 4) {
                (true, _) => HeapOp::Alloc(class),
                (false, 0) => HeapOp::Free(i),
                (false, _) => HeapOp::FreeOldest,
            })
            .collect();
        heap_policy(&ops);
    }
}

/// A pool whose move to `freepools` was deferred, then taken back, filled, and moved to
/// the front of its list by a free, must not stay deferred when it empties in front of
/// another partially used pool: CPython's next block comes from that other pool.
#[test]
fn emptied_pool_in_front_of_another_is_returned() {
    use HeapOp::*;
    let mut ops = vec![
        Burst(512, 31),    // pool Q, full
        AllocFree(512, 1), // pool P, emptied at once (its move can be deferred)
        Burst(512, 31),    // P again, full
        FreeOldest,        // two blocks of Q: Q goes back on the list
        FreeOldest,
        Free(29), // a block of P: P goes to the front
    ];
    ops.extend(std::iter::repeat_n(Free(29), 30)); // P empties in front of Q
    ops.push(Alloc(512)); // CPython's block comes from Q
    heap_policy(&ops);
}
