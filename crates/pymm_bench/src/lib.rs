//! Workloads comparing `pymm_mem`'s safe [`Gc`](pymm_mem::Gc) API with the Rust cycle
//! collectors `dumpster` (its `unsync` module), `bacon_rajan_cc` and `rust-cc`, and with
//! `std::rc::Rc` (which never collects cycles: the floor), on the same graphs.
//!
//! Every library gets the same node types, built by one macro:
//! - a fixed-degree node ([`Lib::Ref`]): a `u64` payload and three optional edges in a
//!   `RefCell<[Option<Ref>; 3]>` (rings, trees, chains, the acyclic path, full collections);
//! - a multi-reference node ([`Lib::MRef`]): a `RefCell<Vec<MRef>>` of edges (the churn
//!   benchmark, the shape of dumpster's own `dumpster_bench`).
//!
//! Both node types count themselves in a thread-local live counter ([`live`]), so every
//! workload can report how many nodes were still alive after its final collection.
//!
//! What "collect" means for each library (what [`Lib::collect`] calls):
//! - `pymm_mem`: `gc::collect(2)`, CPython's full collection over every tracked object
//!   (pymm also collects automatically inside allocations, thresholds 700/10/10);
//! - `dumpster`: `dumpster::unsync::collect()`, which scans from the handles dropped to a
//!   nonzero count since the last collection (it also collects automatically, when more
//!   handles were dropped than exist);
//! - `bacon_rajan_cc`: `collect_cycles()`, trial deletion from the buffered possible roots
//!   (never automatic);
//! - `rust-cc`: `rust_cc::collect_cycles()`, trial deletion from its possible-cycles list
//!   (also automatic, on an allocated-bytes threshold);
//! - `Rc`: nothing (cycles leak).

use std::cell::{Cell, RefCell};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

thread_local! {
    static LIVE: Cell<isize> = const { Cell::new(0) };
}

/// Nodes created and not yet dropped on this thread (all node types, all libraries).
pub fn live() -> isize {
    LIVE.with(Cell::get)
}

#[inline]
fn live_add(d: isize) {
    LIVE.with(|l| l.set(l.get() + d));
}

/// Whether timestamps are wall-clock (`PYMM_BENCH_CLOCK=wall`) rather than this thread's
/// CPU time (the default: on a shared machine, time slices given to other processes do not
/// count, while cache and memory stalls of this thread do).
pub fn wall_clock() -> bool {
    static WALL: OnceLock<bool> = OnceLock::new();
    *WALL.get_or_init(|| std::env::var("PYMM_BENCH_CLOCK").is_ok_and(|v| v == "wall"))
}

/// A timestamp: this thread's CPU time, or wall-clock time since the first call (see
/// [`wall_clock`]). Phases are differences of two timestamps.
pub fn now() -> Duration {
    if wall_clock() {
        static START: OnceLock<Instant> = OnceLock::new();
        START.get_or_init(Instant::now).elapsed()
    } else {
        cpu_time::ThreadTime::now().as_duration()
    }
}

/// A small fixed-seed PCG32 (no `rand` dependency).
#[derive(Debug, Clone)]
pub struct Pcg32 {
    state: u64,
}

impl Pcg32 {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Pcg32 {
        let mut r = Pcg32 { state: 0 };
        r.next_u32();
        r.state = r.state.wrapping_add(seed);
        r.next_u32();
        r
    }

    /// The next 32 random bits.
    #[inline]
    pub fn next_u32(&mut self) -> u32 {
        let old = self.state;
        self.state = old
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rot = (old >> 59) as u32;
        xorshifted.rotate_right(rot)
    }

    /// A number in `0..n` (`n > 0`), by multiply-shift.
    #[inline]
    pub fn below(&mut self, n: usize) -> usize {
        ((u64::from(self.next_u32()) * n as u64) >> 32) as usize
    }
}

/// One library's handles and collector, as the workloads use them.
pub trait Lib: 'static {
    /// The name printed in the results table.
    const NAME: &'static str;
    /// A handle to a fixed-degree node (three edge slots).
    type Ref: Clone;
    /// A handle to a multi-reference node (a vector of edges).
    type MRef: Clone;
    /// A new fixed-degree node with no edges.
    fn node(val: u64) -> Self::Ref;
    /// Stores `to` in edge slot `slot` of `r`, dropping what was there.
    fn set(r: &Self::Ref, slot: usize, to: Option<Self::Ref>);
    /// The payload (used so that reads are not optimised away).
    fn val(r: &Self::Ref) -> u64;
    /// A new multi-reference node with no edges.
    fn multi() -> Self::MRef;
    /// Runs `f` on the edges of a multi-reference node.
    fn with_edges(r: &Self::MRef, f: impl FnOnce(&mut Vec<Self::MRef>));
    /// A full, explicit collection (see the crate docs for what each library does).
    fn collect();
    /// Called once before the workload (e.g. to switch automatic collection off).
    fn setup() {}
    /// Library-specific statistics after a workload (e.g. pymm's automatic collections).
    fn stats() -> String {
        String::new()
    }
}

macro_rules! nodes {
    ($node:ident, $multi:ident, $handle:ident) => {
        /// The fixed-degree node for this library.
        pub struct $node {
            val: u64,
            edges: RefCell<[Option<$handle<$node>>; 3]>,
        }
        impl $node {
            fn new(val: u64) -> $node {
                live_add(1);
                $node {
                    val,
                    edges: RefCell::new([None, None, None]),
                }
            }
        }
        impl core::fmt::Debug for $node {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct(stringify!($node))
                    .field("val", &self.val)
                    .finish_non_exhaustive()
            }
        }
        impl Drop for $node {
            fn drop(&mut self) {
                live_add(-1);
            }
        }
        /// The multi-reference node for this library.
        pub struct $multi {
            edges: RefCell<Vec<$handle<$multi>>>,
        }
        impl $multi {
            fn new() -> $multi {
                live_add(1);
                $multi {
                    edges: RefCell::new(Vec::new()),
                }
            }
        }
        impl core::fmt::Debug for $multi {
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.debug_struct(stringify!($multi)).finish_non_exhaustive()
            }
        }
        impl Drop for $multi {
            fn drop(&mut self) {
                live_add(-1);
            }
        }
    };
}

macro_rules! lib_impl {
    ($lib:ident, $name:expr, $node:ident, $multi:ident, $handle:ident, $collect:expr) => {
        impl Lib for $lib {
            const NAME: &'static str = $name;
            type Ref = $handle<$node>;
            type MRef = $handle<$multi>;
            #[inline]
            fn node(val: u64) -> Self::Ref {
                $handle::new($node::new(val))
            }
            #[inline]
            fn set(r: &Self::Ref, slot: usize, to: Option<Self::Ref>) {
                let old = core::mem::replace(&mut r.edges.borrow_mut()[slot], to);
                drop(old);
            }
            #[inline]
            fn val(r: &Self::Ref) -> u64 {
                r.val
            }
            #[inline]
            fn multi() -> Self::MRef {
                $handle::new($multi::new())
            }
            #[inline]
            fn with_edges(r: &Self::MRef, f: impl FnOnce(&mut Vec<Self::MRef>)) {
                f(&mut r.edges.borrow_mut())
            }
            fn collect() {
                $collect
            }
            fn stats() -> String {
                stats_of::<$lib>()
            }
        }
    };
}

fn stats_of<L: Lib>() -> String {
    if L::NAME == Pymm::NAME || L::NAME == PymmManual::NAME {
        let s = pymm_mem::gc::get_stats();
        format!(
            "auto+explicit collections gen0/1/2 = {}/{}/{}, blocks left = {}",
            s[0].collections,
            s[1].collections,
            s[2].collections,
            pymm_mem::allocated_blocks()
        )
    } else {
        String::new()
    }
}

/// `std::rc::Rc`: no cycle collection (cycles leak).
#[derive(Debug)]
pub struct StdRc;
/// `pymm_mem::Gc`.
#[derive(Debug)]
pub struct Pymm;
/// `pymm_mem::Gc` with automatic collection off (`gc::disable()`, like `gc.disable()`): only
/// the explicit collections run, as with `bacon_rajan_cc`.
#[derive(Debug)]
pub struct PymmManual;
/// `dumpster::unsync::Gc`.
#[derive(Debug)]
pub struct Dumpster;
/// `bacon_rajan_cc::Cc`.
#[derive(Debug)]
pub struct Bacon;
/// `rust_cc::Cc`.
#[derive(Debug)]
pub struct RustCc;

mod rc_nodes {
    use super::*;
    use std::rc::Rc;
    nodes!(RcNode, RcMulti, Rc);
    lib_impl!(StdRc, "std Rc (leaks)", RcNode, RcMulti, Rc, {});
}

mod pymm_nodes {
    use super::*;
    use pymm_mem::{Gc, Trace, Visitor};
    nodes!(PNode, PMulti, Gc);
    lib_impl!(Pymm, "pymm_mem", PNode, PMulti, Gc, {
        pymm_mem::gc::collect(2);
    });
    impl Lib for PymmManual {
        const NAME: &'static str = "pymm_mem, gc.disable()";
        type Ref = <Pymm as Lib>::Ref;
        type MRef = <Pymm as Lib>::MRef;
        fn node(val: u64) -> Self::Ref {
            Pymm::node(val)
        }
        fn set(r: &Self::Ref, slot: usize, to: Option<Self::Ref>) {
            Pymm::set(r, slot, to)
        }
        fn val(r: &Self::Ref) -> u64 {
            Pymm::val(r)
        }
        fn multi() -> Self::MRef {
            Pymm::multi()
        }
        fn with_edges(r: &Self::MRef, f: impl FnOnce(&mut Vec<Self::MRef>)) {
            Pymm::with_edges(r, f)
        }
        fn collect() {
            Pymm::collect()
        }
        fn setup() {
            pymm_mem::gc::disable();
        }
        fn stats() -> String {
            stats_of::<PymmManual>()
        }
    }
    // SAFETY: visits exactly the three edge slots the node owns (RefCell's impl skips a
    // mutably borrowed cell, which only keeps its targets alive longer).
    // SAFETY: visits every handle the value owns.
    unsafe impl Trace for PNode {
        fn trace(&self, v: &mut Visitor<'_>) {
            self.edges.trace(v);
        }
    }
    // SAFETY: visits exactly the edge vector the node owns.
    unsafe impl Trace for PMulti {
        fn trace(&self, v: &mut Visitor<'_>) {
            self.edges.trace(v);
        }
    }
}

mod dumpster_nodes {
    use super::*;
    use dumpster::unsync::Gc;
    use dumpster::{TraceWith, Visitor};
    nodes!(DNode, DMulti, Gc);
    lib_impl!(Dumpster, "dumpster (unsync)", DNode, DMulti, Gc, {
        dumpster::unsync::collect();
    });
    // SAFETY: delegates to exactly the edge slots the node owns, in a fixed order.
    unsafe impl<V: Visitor> TraceWith<V> for DNode {
        fn accept(&self, visitor: &mut V) -> Result<(), ()> {
            self.edges.accept(visitor)
        }
    }
    // SAFETY: delegates to exactly the edge vector the node owns.
    unsafe impl<V: Visitor> TraceWith<V> for DMulti {
        fn accept(&self, visitor: &mut V) -> Result<(), ()> {
            self.edges.accept(visitor)
        }
    }
}

mod bacon_nodes {
    use super::*;
    use bacon_rajan_cc::{Cc, Trace, Tracer};
    nodes!(BNode, BMulti, Cc);
    lib_impl!(Bacon, "bacon_rajan_cc", BNode, BMulti, Cc, {
        bacon_rajan_cc::collect_cycles();
    });
    impl Trace for BNode {
        fn trace(&self, tracer: &mut Tracer<'_>) {
            // bacon_rajan_cc has no impl for arrays; its RefCell impl skips a borrowed cell.
            if let Ok(edges) = self.edges.try_borrow() {
                edges[..].trace(tracer);
            }
        }
    }
    impl Trace for BMulti {
        fn trace(&self, tracer: &mut Tracer<'_>) {
            self.edges.trace(tracer);
        }
    }
}

mod rustcc_nodes {
    use super::*;
    use rust_cc::{Cc, Context, Finalize, Trace};
    nodes!(CNode, CMulti, Cc);
    lib_impl!(RustCc, "rust-cc", CNode, CMulti, Cc, {
        rust_cc::collect_cycles();
    });
    // SAFETY: traces exactly the edge slots the node owns.
    unsafe impl Trace for CNode {
        fn trace(&self, ctx: &mut Context<'_>) {
            self.edges.trace(ctx);
        }
    }
    impl Finalize for CNode {}
    // SAFETY: traces exactly the edge vector the node owns.
    unsafe impl Trace for CMulti {
        fn trace(&self, ctx: &mut Context<'_>) {
            self.edges.trace(ctx);
        }
    }
    impl Finalize for CMulti {}
}

/// What one run of a workload measured.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// Named phases and their durations (the first is the headline number).
    pub phases: Vec<(&'static str, Duration)>,
    /// Nodes still alive after the final collection (nonzero = leaked or not collected).
    pub live_after: isize,
    /// How many operations or objects the headline covers (for per-item numbers).
    pub items: usize,
    /// Library-specific notes.
    pub note: String,
}

fn finish<L: Lib>(mut o: Outcome) -> Outcome {
    o.live_after = live();
    o.note = L::stats();
    o
}

/// dumpster's random-graph churn (`dumpster_bench`'s single-threaded shape): a pool of 50
/// live nodes; `ops` operations chosen uniformly among allocate a node, add a random edge,
/// drop a pool handle, remove a random edge; then drop the pool and collect.
pub fn churn<L: Lib>(ops: usize, seed: u64) -> Outcome {
    let mut rng = Pcg32::new(seed);
    let mut pool: Vec<L::MRef> = (0..50).map(|_| L::multi()).collect();
    let t0 = now();
    for _ in 0..ops {
        if pool.is_empty() {
            pool.push(L::multi());
            continue;
        }
        match rng.below(4) {
            0 => pool.push(L::multi()),
            1 => {
                if pool.len() > 1 {
                    let from = rng.below(pool.len());
                    let to = rng.below(pool.len());
                    let edge = pool[to].clone();
                    L::with_edges(&pool[from], |v| v.push(edge));
                }
            }
            2 => {
                let i = rng.below(pool.len());
                pool.swap_remove(i);
            }
            _ => {
                let from = rng.below(pool.len());
                L::with_edges(&pool[from], |v| {
                    if !v.is_empty() {
                        let removed = v.swap_remove(rng.below(v.len()));
                        drop(removed);
                    }
                });
            }
        }
    }
    let t1 = now();
    drop(pool);
    L::collect();
    let t2 = now();
    finish::<L>(Outcome {
        phases: vec![
            ("total", t2 - t0),
            ("ops", t1 - t0),
            ("drop+collect", t2 - t1),
        ],
        items: ops,
        ..Outcome::default()
    })
}

/// `total` nodes in rings of `size` nodes (node i -> node i+1, last -> first): built,
/// the handles dropped, then one explicit collection.
pub fn rings<L: Lib>(size: usize, total: usize) -> Outcome {
    let t0 = now();
    let n = total / size;
    let mut heads = Vec::with_capacity(n);
    for r in 0..n {
        let first = L::node(r as u64);
        let mut prev = first.clone();
        for i in 1..size {
            let nd = L::node(i as u64);
            L::set(&prev, 0, Some(nd.clone()));
            prev = nd;
        }
        L::set(&prev, 0, Some(first.clone()));
        drop(prev);
        heads.push(first);
    }
    let t1 = now();
    drop(heads);
    let t2 = now();
    L::collect();
    let t3 = now();
    finish::<L>(Outcome {
        phases: vec![
            ("total", t3 - t0),
            ("build", t1 - t0),
            ("drop", t2 - t1),
            ("collect", t3 - t2),
        ],
        items: n * size,
        ..Outcome::default()
    })
}

fn tree<L: Lib>(depth: u32, parent: Option<&L::Ref>) -> L::Ref {
    let nd = L::node(u64::from(depth));
    if let Some(p) = parent {
        L::set(&nd, 2, Some(p.clone()));
    }
    if depth > 0 {
        let l = tree::<L>(depth - 1, Some(&nd));
        L::set(&nd, 0, Some(l));
        let r = tree::<L>(depth - 1, Some(&nd));
        L::set(&nd, 1, Some(r));
    }
    nd
}

/// GCBench-style: `count` times, build a complete binary tree of `depth` (2^(depth+1)-1
/// nodes) whose nodes also point back to their parent, drop it, and collect.
pub fn trees<L: Lib>(depth: u32, count: usize) -> Outcome {
    let mut build = Duration::ZERO;
    let mut collect = Duration::ZERO;
    let t0 = now();
    let mut sum = 0;
    for _ in 0..count {
        let a = now();
        let t = tree::<L>(depth, None);
        sum += L::val(&t);
        let b = now();
        drop(t);
        L::collect();
        let c = now();
        build += b - a;
        collect += c - b;
    }
    let t1 = now();
    assert_eq!(sum, u64::from(depth) * count as u64);
    finish::<L>(Outcome {
        phases: vec![
            ("total", t1 - t0),
            ("build", build),
            ("drop+collect", collect),
        ],
        items: count * ((1usize << (depth + 1)) - 1),
        ..Outcome::default()
    })
}

/// A singly linked list of `n` nodes, built, then its head dropped (acyclic: reference
/// counting frees it, recursively unless the library has something like CPython's
/// trashcan), then one explicit collection.
pub fn chain<L: Lib>(n: usize) -> Outcome {
    let t0 = now();
    let mut head: Option<L::Ref> = None;
    for i in 0..n {
        let nd = L::node(i as u64);
        L::set(&nd, 0, head.take());
        head = Some(nd);
    }
    let t1 = now();
    drop(head);
    let t2 = now();
    L::collect();
    let t3 = now();
    finish::<L>(Outcome {
        phases: vec![("drop", t2 - t1), ("build", t1 - t0), ("collect", t3 - t2)],
        items: n,
        ..Outcome::default()
    })
}

/// The acyclic path: `n` nodes allocated into a window of 256 slots, each replacing (and so
/// freeing, by reference counting) the node allocated 256 steps earlier; no edges, no
/// cycles, no explicit collection.
pub fn acyclic<L: Lib>(n: usize) -> Outcome {
    const W: usize = 256;
    let mut window: Vec<Option<L::Ref>> = vec![None; W];
    let t0 = now();
    for i in 0..n {
        window[i % W] = Some(L::node(i as u64));
    }
    drop(window);
    let t1 = now();
    finish::<L>(Outcome {
        phases: vec![("total", t1 - t0)],
        items: n,
        ..Outcome::default()
    })
}

/// How `full_collect` links its nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Links {
    /// Each node points to two uniformly random nodes (cache-hostile: every edge is a miss).
    Random,
    /// Node i points to nodes i+1 and i+2 (mod n): the same object count and edge count, in
    /// allocation order.
    Local,
}

/// A full collection over `n` live nodes, each holding two references to other nodes (all
/// kept alive by a vector of handles). Times `reps` explicit collections and reports the
/// fastest. With `touch`, every handle is cloned and the clone dropped first (a decrement
/// to a nonzero count), which makes every node a possible cycle root for the
/// trial-deletion collectors (`bacon_rajan_cc`, `rust-cc`, `dumpster`); without it they have
/// nothing to scan, while pymm (like CPython) always traverses every tracked object of the
/// generations it collects. `checkpoint` receives the measurement before the teardown (the
/// graph dropped and collected), which overflows the stack for some libraries.
pub fn full_collect<L: Lib>(
    n: usize,
    reps: usize,
    touch: bool,
    links: Links,
    checkpoint: &mut dyn FnMut(&Outcome),
) -> Outcome {
    let mut rng = Pcg32::new(42);
    let t0 = now();
    let nodes: Vec<L::Ref> = (0..n).map(|i| L::node(i as u64)).collect();
    for (i, nd) in nodes.iter().enumerate() {
        let (a, b) = match links {
            Links::Random => (rng.below(n), rng.below(n)),
            Links::Local => ((i + 1) % n, (i + 2) % n),
        };
        L::set(nd, 0, Some(nodes[a].clone()));
        L::set(nd, 1, Some(nodes[b].clone()));
    }
    let build = now() - t0;
    // One collection first, as the CPython script does, so every run times the same state.
    L::collect();
    let mut best = Duration::MAX;
    for _ in 0..reps {
        if touch {
            for nd in &nodes {
                drop(nd.clone());
            }
        }
        let a = now();
        L::collect();
        best = best.min(now() - a);
    }
    let live_before_drop = live();
    let mut o = Outcome {
        phases: vec![("collect", best), ("build", build)],
        items: n,
        ..Outcome::default()
    };
    if live_before_drop != n as isize {
        o.note = format!("only {live_before_drop} of {n} alive before teardown!");
    }
    checkpoint(&Outcome {
        note: format!("{} teardown not finished", o.note),
        ..o.clone()
    });
    drop(nodes);
    L::collect();
    let note = o.note.clone();
    let mut o = finish::<L>(o);
    o.note = format!("{note} {}", o.note);
    o
}

/// The workloads by name, for the benchmark driver.
pub const WORKLOADS: &[&str] = &[
    "churn",
    "rings2",
    "rings21",
    "rings1024",
    "trees",
    "chain",
    "acyclic",
    "full",
    "full_touched",
    "full_local",
];

/// Runs workload `w` for library `L`.
///
/// # Panics
/// On an unknown workload name.
pub fn run<L: Lib>(w: &str, checkpoint: &mut dyn FnMut(&Outcome)) -> Outcome {
    L::setup();
    match w {
        "churn" => churn::<L>(1_000_000, 12345),
        "rings2" => rings::<L>(2, 1_000_000),
        "rings21" => rings::<L>(21, 1_000_020),
        "rings1024" => rings::<L>(1024, 1_000_448),
        "trees" => trees::<L>(16, 16),
        "chain" => chain::<L>(1_000_000),
        "acyclic" => acyclic::<L>(1_000_000),
        "full" => full_collect::<L>(1_000_000, 5, false, Links::Random, checkpoint),
        "full_touched" => full_collect::<L>(1_000_000, 3, true, Links::Random, checkpoint),
        "full_local" => full_collect::<L>(1_000_000, 5, false, Links::Local, checkpoint),
        _ => panic!("unknown workload {w}"),
    }
}

/// The library names, for the benchmark driver.
pub const LIBS: &[&str] = &[
    StdRc::NAME,
    Pymm::NAME,
    PymmManual::NAME,
    Dumpster::NAME,
    Bacon::NAME,
    RustCc::NAME,
];

/// Runs workload `w` for the library named `lib` (one of [`LIBS`]).
///
/// # Panics
/// On an unknown library or workload name.
pub fn run_named(lib: &str, w: &str, checkpoint: &mut dyn FnMut(&Outcome)) -> Outcome {
    match lib {
        StdRc::NAME => run::<StdRc>(w, checkpoint),
        Pymm::NAME => run::<Pymm>(w, checkpoint),
        PymmManual::NAME => run::<PymmManual>(w, checkpoint),
        Dumpster::NAME => run::<Dumpster>(w, checkpoint),
        Bacon::NAME => run::<Bacon>(w, checkpoint),
        RustCc::NAME => run::<RustCc>(w, checkpoint),
        _ => panic!("unknown library {lib}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every workload at a small size: the collectors free everything, `Rc` leaks the cycles.
    fn small<L: Lib>(leaks: bool) {
        L::setup();
        let mut ignore = |_: &Outcome| {};
        let outcomes = [
            churn::<L>(20_000, 7),
            rings::<L>(2, 2_000),
            rings::<L>(21, 2_100),
            trees::<L>(6, 3),
            chain::<L>(1_000),
            acyclic::<L>(5_000),
            full_collect::<L>(2_000, 1, true, Links::Random, &mut ignore),
            full_collect::<L>(2_000, 1, false, Links::Local, &mut ignore),
        ];
        for (i, o) in outcomes.iter().enumerate() {
            if leaks {
                assert!(o.live_after >= 0, "{}: workload {i}: {o:?}", L::NAME);
            } else {
                assert_eq!(o.live_after, 0, "{}: workload {i}: {o:?}", L::NAME);
            }
        }
    }

    #[test]
    fn pymm_frees_everything() {
        small::<Pymm>(false);
        assert_eq!(pymm_mem::allocated_blocks(), 0);
    }

    #[test]
    fn pymm_manual_frees_everything() {
        small::<PymmManual>(false);
    }

    #[test]
    fn dumpster_frees_everything() {
        small::<Dumpster>(false);
    }

    #[test]
    fn bacon_frees_everything() {
        small::<Bacon>(false);
    }

    #[test]
    fn rustcc_frees_everything() {
        small::<RustCc>(false);
    }

    #[test]
    fn rc_leaks_only_cycles() {
        small::<StdRc>(true);
        let before = live();
        assert_eq!(chain::<StdRc>(1_000).live_after, before);
        assert_eq!(acyclic::<StdRc>(1_000).live_after, before);
    }

    #[test]
    fn pcg_is_deterministic() {
        let a: Vec<usize> = (0..5)
            .scan(Pcg32::new(1), |r, _| Some(r.below(100)))
            .collect();
        let b: Vec<usize> = (0..5)
            .scan(Pcg32::new(1), |r, _| Some(r.below(100)))
            .collect();
        assert_eq!(a, b);
        assert!(a.iter().all(|&x| x < 100));
    }
}
