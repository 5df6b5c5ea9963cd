//! The visitor handed to `traverse` hooks (CPython's `visitproc`).
//!
//! The collector's visits are variants of one concrete enum rather than function
//! pointers, so a traverse hook makes one indirect call per object and the
//! per-edge work is inlined.
//!
//! CPython's `visit_decref` and `visit_reachable` act on the referent at once, and
//! in a large heap nearly every referent's header is a cache miss. pymm's collector
//! prefetches each referent's lines and acts on it later, in the same order: a
//! [`LagRing`] delays each visit by a fixed number of referents, and `move_unreachable`
//! reads objects ahead of its cursor into an [`EdgeQueue`] (see `gc::collect`).

use core::ptr::NonNull;

use crate::header::{GcHead, ObjHeader};
use crate::object::{Obj, ObjRef, gc_head};

pub(crate) enum VisitKind<'v> {
    /// `visit_decref` (subtract_refs), through the lag ring; `everything` as in
    /// `gc::collect::visit_decref`.
    Decref {
        lag: &'v mut LagRing,
        everything: bool,
    },
    /// `visit_reachable` (move_unreachable), through the lag ring; the young list head.
    Reachable {
        lag: &'v mut LagRing,
        young: *const GcHead,
    },
    /// `visit_decref` at once.
    DecrefNow { everything: bool },
    /// `visit_reachable` at once (CPython's walk, for heaps that do not gain from the
    /// read-ahead).
    ReachableNow(*const GcHead),
    /// Queue the referent for a later `visit_reachable` (move_unreachable's look-ahead).
    Record(&'v mut EdgeQueue),
    /// `visit_move` (move_legacy_finalizer_reachable); the list to move into.
    Move(*const GcHead),
    /// Any closure.
    Fn(&'v mut dyn FnMut(Obj<'_>)),
}

/// Receives the references an object holds.
pub struct Visitor<'v> {
    pub(crate) kind: VisitKind<'v>,
}

impl core::fmt::Debug for Visitor<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Visitor")
    }
}

impl<'v> Visitor<'v> {
    /// A visitor that calls `f` on every object visited.
    pub fn from_fn(f: &'v mut dyn FnMut(Obj<'_>)) -> Visitor<'v> {
        Visitor {
            kind: VisitKind::Fn(f),
        }
    }

    /// Visits one referenced object.
    #[inline(always)]
    pub fn visit(&mut self, obj: Obj<'_>) {
        match &mut self.kind {
            VisitKind::Decref { lag, everything } => {
                lag.note_distance(obj.ptr());
                if let Some(p) = lag.push(obj.ptr()) {
                    crate::gc::collect::visit_decref(p, *everything);
                }
            }
            VisitKind::DecrefNow { everything } => {
                crate::gc::collect::visit_decref(obj.ptr(), *everything)
            }
            VisitKind::ReachableNow(young) => {
                crate::gc::collect::visit_reachable(obj.ptr(), *young)
            }
            VisitKind::Reachable { lag, young } => {
                if let Some(p) = lag.push(obj.ptr()) {
                    crate::gc::collect::visit_reachable(p, *young);
                }
            }
            VisitKind::Record(queue) => queue.push(obj.ptr()),
            VisitKind::Move(to) => {
                if obj.is_gc() {
                    let g = gc_head(obj.ptr());
                    if g.is_collecting() {
                        crate::gc::list::move_to(g, *to);
                        g.clear_collecting();
                    }
                }
            }
            VisitKind::Fn(f) => f(obj),
        }
    }

    /// Asked by a traverse hook about to visit `n` references (a container's items):
    /// whether the visitor declines an object that large, in which case the hook
    /// should return at once. Only the collector's read-ahead declines (it keeps at
    /// most 128 references per object, and traverses a larger
    /// container again when it gets to it); asking is optional, and saves that
    /// read-ahead a walk over the items.
    #[inline]
    pub fn declines(&mut self, n: usize) -> bool {
        match &mut self.kind {
            VisitKind::Record(queue) => queue.declines(n),
            _ => false,
        }
    }

    /// Whether visiting may run arbitrary code (a closure), rather than one of the
    /// collector's own visits, which only touch GC heads.
    #[inline]
    pub(crate) fn runs_code(&self) -> bool {
        matches!(self.kind, VisitKind::Fn(_))
    }

    /// Visits the object an owned reference points to.
    #[inline]
    pub fn visit_ref(&mut self, r: &ObjRef) {
        self.visit(r.as_obj())
    }

    /// Visits an optional reference.
    #[inline]
    pub fn visit_opt(&mut self, r: Option<&ObjRef>) {
        if let Some(r) = r {
            self.visit(r.as_obj())
        }
    }
}

/// A FIFO of the last `lag` referents visited (at most [`LagRing::MAX_LAG`]), each
/// prefetched as it enters: the collector acts on a referent when it leaves, by then
/// (most often) in the cache. With a lag of 0 each referent leaves at once.
///
/// It also counts, for the sampled objects, how many referents lie within
/// [`LagRing::NEAR`] bytes of the object being traversed (`origin`) or of the referent
/// visited before them: a heap whose objects mostly refer to their neighbours in
/// memory gains nothing from prefetching, and `move_unreachable` then skips its
/// read-ahead.
pub(crate) struct LagRing {
    slots: [Option<NonNull<ObjHeader>>; LagRing::MAX_LAG],
    next: usize,
    lag: usize,
    /// Whether the referents of the object being traversed are counted (one object
    /// in [`LagRing::SAMPLE`] is).
    pub(crate) measuring: bool,
    pub(crate) origin: usize,
    last: usize,
    pub(crate) near: usize,
    pub(crate) seen: usize,
}

impl LagRing {
    pub(crate) const MAX_LAG: usize = 16;
    /// A page: what the hardware's own prefetchers follow.
    const NEAR: usize = 4096;
    /// One object in this many has its referents' distances counted.
    pub(crate) const SAMPLE: usize = 8;

    pub(crate) fn new(lag: usize) -> LagRing {
        LagRing {
            slots: [None; LagRing::MAX_LAG],
            next: 0,
            lag: lag.min(Self::MAX_LAG),
            measuring: false,
            origin: 0,
            last: 0,
            near: 0,
            seen: 0,
        }
    }

    /// Queues `p`; returns the referent that leaves.
    #[inline(always)]
    pub(crate) fn push(&mut self, p: NonNull<ObjHeader>) -> Option<NonNull<ObjHeader>> {
        if self.lag == 0 {
            return Some(p);
        }
        prefetch_object(p);
        let i = self.next;
        self.next = if i + 1 == self.lag { 0 } else { i + 1 };
        self.slots.get_mut(i)?.replace(p)
    }

    /// Counts `p` as near or not: near the object being traversed (`origin`) or the
    /// referent visited before it (a container's items allocated one after another).
    #[inline(always)]
    pub(crate) fn note_distance(&mut self, p: NonNull<ObjHeader>) {
        if !self.measuring {
            return;
        }
        let a = p.as_ptr() as usize;
        let from_origin = a.wrapping_sub(self.origin).wrapping_add(Self::NEAR);
        let from_last = a.wrapping_sub(self.last).wrapping_add(Self::NEAR);
        self.near += usize::from(from_origin.min(from_last) < 2 * Self::NEAR);
        self.seen += 1;
        self.last = a;
    }

    /// Empties the ring, oldest first.
    pub(crate) fn drain(&mut self, mut f: impl FnMut(NonNull<ObjHeader>)) {
        for k in 0..self.lag {
            if let Some(p) = self.slots[(self.next + k) % self.lag].take() {
                f(p);
            }
        }
        self.next = 0;
    }
}

/// The referents `move_unreachable` reads ahead of its cursor, oldest first (a vector
/// and a read position), each prefetched as it is queued. One object may queue at
/// most [`PER_OBJECT`](EdgeQueue::PER_OBJECT) of them: the traversal of a larger
/// container is not kept (see `gc::collect::record`).
#[derive(Default)]
pub(crate) struct EdgeQueue {
    items: Vec<NonNull<ObjHeader>>,
    read: usize,
    /// The queue's length past which this object's referents are no longer queued.
    limit: usize,
    overflowed: bool,
}

impl EdgeQueue {
    pub(crate) const PER_OBJECT: usize = 128;

    /// Starts queueing an object's referents; returns the mark to give
    /// [`EdgeQueue::end_object`].
    #[inline]
    pub(crate) fn begin_object(&mut self) -> usize {
        let mark = self.items.len();
        self.limit = mark + Self::PER_OBJECT;
        self.overflowed = false;
        mark
    }

    /// How many referents the object queued since `mark`, or `None` (and nothing
    /// queued) if it had more than [`EdgeQueue::PER_OBJECT`].
    #[inline]
    pub(crate) fn end_object(&mut self, mark: usize) -> Option<usize> {
        if self.overflowed {
            self.items.truncate(mark);
            None
        } else {
            Some(self.items.len() - mark)
        }
    }

    /// Gives up on the current object if `n` more references would not fit.
    #[inline]
    fn declines(&mut self, n: usize) -> bool {
        if n > self.limit - self.items.len() {
            self.overflowed = true;
        }
        self.overflowed
    }

    #[inline(always)]
    fn push(&mut self, p: NonNull<ObjHeader>) {
        if self.items.len() < self.limit {
            prefetch_object(p);
            self.items.push(p);
        } else {
            self.overflowed = true;
        }
    }

    #[inline(always)]
    pub(crate) fn pop(&mut self) -> Option<NonNull<ObjHeader>> {
        let p = *self.items.get(self.read)?;
        self.read += 1;
        Some(p)
    }

    /// Drops the referents already read from the front once they are many (or all);
    /// called between objects.
    #[inline]
    pub(crate) fn compact(&mut self) {
        if self.read == self.items.len() {
            self.items.clear();
            self.read = 0;
        } else if self.read >= 1024 {
            self.items.drain(..self.read);
            self.read = 0;
        }
    }
}

/// Asks the CPU to start loading the lines of an object's GC head (if it has one: for
/// other objects the address is just not used) and header, which straddle a line
/// boundary for one block in four.
#[inline(always)]
pub(crate) fn prefetch_object(p: NonNull<ObjHeader>) {
    #[cfg(target_arch = "x86_64")]
    {
        use core::arch::x86_64::{_MM_HINT_T0, _mm_prefetch};
        let header = p.as_ptr().cast::<i8>();
        let head = header.wrapping_sub(core::mem::size_of::<GcHead>());
        // SAFETY: a prefetch is a hint: it reads nothing the program can observe and
        // never faults, whatever the address (the GC head address is not dereferenced).
        unsafe {
            _mm_prefetch::<_MM_HINT_T0>(head);
            _mm_prefetch::<_MM_HINT_T0>(header);
        }
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = p;
}

/// Calls the object's traverse hook with `f` (nothing happens for types without one).
pub fn traverse(obj: Obj<'_>, f: &mut dyn FnMut(Obj<'_>)) {
    if let Some(t) = obj.type_info().traverse {
        let mut v = Visitor::from_fn(f);
        t(obj, &mut v);
    }
}
