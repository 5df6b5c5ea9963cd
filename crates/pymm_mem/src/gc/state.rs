//! The collector's state (CPython's `struct _gc_runtime_state`,
//! `Include/internal/pycore_gc.h`) and the allocation-side accounting
//! (`_PyObject_GC_Link`, `PyObject_GC_Del`).

use core::cell::{Cell, RefCell};

use crate::header::GcHead;
use crate::object::ObjRef;
use crate::runtime::Runtime;

/// Number of generations (the permanent generation comes on top).
pub const NUM_GENERATIONS: usize = 3;

/// Cumulative per-generation statistics (`gc.get_stats()`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct GenStats {
    /// Collections of this generation.
    pub collections: usize,
    /// Objects collected by them.
    pub collected: usize,
    /// Objects found uncollectable by them.
    pub uncollectable: usize,
}

/// When the collector prefetches the objects it is about to visit
/// ([`set_prefetch`](crate::gc::set_prefetch)).
///
/// CPython's collector visits each reference at once; in a large heap whose objects
/// refer to objects far away in memory, nearly every visit waits for a cache miss.
/// pymm's collector can instead queue each reference, prefetch its target, and visit
/// it a little later, in the same order. Where references mostly point near their
/// referrer (objects allocated together), the hardware already has those lines and
/// the queueing only costs instructions.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Prefetch {
    /// Decide per collection, from the distances in memory between objects and their
    /// referents, sampled in the first pass over the generation (the default).
    #[default]
    Auto,
    /// Always prefetch.
    Always,
    /// Never: CPython's walks exactly.
    Never,
}

pub(crate) struct GcState {
    /// Generations 0..2 and, at index 3, the permanent generation.
    heads: [GcHead; NUM_GENERATIONS + 1],
    pub(crate) threshold: [Cell<usize>; NUM_GENERATIONS],
    pub(crate) count: [Cell<usize>; NUM_GENERATIONS],
    pub(crate) enabled: Cell<bool>,
    pub(crate) collecting: Cell<bool>,
    /// Set while gc_refs live in `_gc_prev` (or type hooks are walked mid-list): deallocations
    /// are deferred (the object is left for a later collection) and (un)tracking is ignored.
    pub(crate) lists_unstable: Cell<bool>,
    pub(crate) debug: Cell<u32>,
    pub(crate) long_lived_total: Cell<usize>,
    pub(crate) long_lived_pending: Cell<usize>,
    pub(crate) stats: [Cell<GenStats>; NUM_GENERATIONS],
    pub(crate) garbage: RefCell<Vec<ObjRef>>,
    /// Per generation: whether its last collection found most references pointing far
    /// away in memory, where the collector's prefetching pays (`gc::collect`).
    pub(crate) scattered: [Cell<bool>; NUM_GENERATIONS],
    pub(crate) prefetch: Cell<Prefetch>,
}

impl GcState {
    pub(crate) fn new() -> GcState {
        GcState {
            heads: [GcHead::new(), GcHead::new(), GcHead::new(), GcHead::new()],
            threshold: [Cell::new(700), Cell::new(10), Cell::new(10)],
            count: [Cell::new(0), Cell::new(0), Cell::new(0)],
            enabled: Cell::new(true),
            collecting: Cell::new(false),
            lists_unstable: Cell::new(false),
            debug: Cell::new(0),
            long_lived_total: Cell::new(0),
            long_lived_pending: Cell::new(0),
            stats: Default::default(),
            garbage: RefCell::new(Vec::new()),
            scattered: Default::default(),
            prefetch: Cell::new(Prefetch::Auto),
        }
    }

    /// Makes the sentinels point to themselves; called once the state has its final address.
    pub(crate) fn init_heads(&self) {
        for h in &self.heads {
            crate::gc::list::init(h);
        }
    }

    /// The list head of generation `g` (3 = permanent).
    #[inline]
    pub(crate) fn gen_head(&self, g: usize) -> &GcHead {
        &self.heads[g]
    }

    pub(crate) fn is_collecting(&self) -> bool {
        self.collecting.get()
    }

    /// Tracked objects in generations 0..2 and the permanent one.
    pub(crate) fn tracked_count(&self) -> usize {
        self.heads.iter().map(crate::gc::list::size).sum()
    }

    /// `_PyObject_GC_Link`: count the allocation and maybe run an automatic collection.
    #[inline]
    pub(crate) fn on_gc_link(&self, rt: &Runtime) {
        let c = self.count[0].get() + 1;
        self.count[0].set(c);
        let t = self.threshold[0].get();
        if c > t && t != 0 && self.enabled.get() && !self.collecting.get() {
            crate::gc::collect::collect_generations(rt);
        }
    }

    /// `PyObject_GC_Del`'s accounting.
    #[inline]
    pub(crate) fn on_gc_del(&self) {
        let c = self.count[0].get();
        if c > 0 {
            self.count[0].set(c - 1);
        }
    }
}
