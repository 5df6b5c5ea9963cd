//! One collection: CPython's `gc_collect_main` (`Modules/gcmodule.c`), phase by
//! phase, with the same accounting, so `collect()` returns the number CPython
//! would.
//!
//! 1. update counts; merge the younger generations into the one collected;
//! 2. `deduce_unreachable`: `update_refs` (gc_refs = refcount, COLLECTING set),
//!    `subtract_refs` (each internal reference decrements its target),
//!    `move_unreachable` (objects with gc_refs > 0 are roots; everything they
//!    reach is reachable; the rest is moved to `unreachable`). In a full
//!    collection with nothing frozen the first two share one walk of the list.
//!    Where the references are scattered in memory, both walks prefetch the
//!    objects they are about to visit and visit them a little later, in the same
//!    order ([`Prefetch`], `LagRing`, `move_unreachable_read_ahead`);
//! 3. untrack tuples (every collection) and dicts (full ones) via type hints,
//!    in `move_unreachable`'s walk (tuples) and over the dicts it noted (dicts),
//!    in the order CPython's separate passes use;
//! 4. survivors move to the next generation (`long_lived_pending`/`_total`);
//! 5. legacy finalizers and everything they reach become uncollectable;
//! 6. weak references to unreachable objects are cleared; callbacks of
//!    reachable weakrefs run (`handle_weakrefs`);
//! 7. PEP 442 finalizers run once (`finalize_garbage`);
//! 8. resurrected objects are found by a second `deduce_unreachable`;
//! 9. `delete_garbage` calls `tp_clear` on what is left (or, with
//!    DEBUG_SAVEALL, moves it to `gc.garbage`).
//!
//! Memory safety does not depend on the reachability verdict: the collector
//! never frees an object itself; it only calls `clear` hooks, and an object is
//! freed when its reference count reaches zero. While gc_refs live in the
//! `_gc_prev` words (step 2), deallocations and (un)tracking are deferred so a
//! misbehaving traverse hook cannot corrupt the lists.

use std::time::Instant;

use core::cell::Cell;
use core::ptr::NonNull;

use crate::gc::list;
use crate::gc::state::{NUM_GENERATIONS, Prefetch};
use crate::header::{GcHead, NEXT_MASK_UNREACHABLE, ObjHeader, PREV_MASK_STICKY};
use crate::object::{Obj, ObjRef, decref, from_gc, gc_head, header, incref, type_of};
use crate::runtime::{CollectionInfo, Phase, Runtime, guarded};
use crate::typeinfo::TypeFlags;
use crate::visit::{EdgeQueue, LagRing, VisitKind, Visitor};

/// `gc.DEBUG_STATS`.
pub const DEBUG_STATS: u32 = 1;
/// `gc.DEBUG_COLLECTABLE`.
pub const DEBUG_COLLECTABLE: u32 = 2;
/// `gc.DEBUG_UNCOLLECTABLE`.
pub const DEBUG_UNCOLLECTABLE: u32 = 4;
/// `gc.DEBUG_SAVEALL`.
pub const DEBUG_SAVEALL: u32 = 32;
/// `gc.DEBUG_LEAK`.
pub const DEBUG_LEAK: u32 = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL;

#[inline]
fn h<'a>(p: *const GcHead) -> &'a GcHead {
    // SAFETY: the collector only follows links of live lists (module invariant).
    unsafe { &*p }
}

fn obj<'a>(g: *const GcHead) -> Obj<'a> {
    Obj::new(from_gc(g))
}

/// `update_refs`.
fn update_refs(containers: &GcHead) {
    for g in list::iter(containers) {
        let g = h(g);
        g.reset_refs(header(from_gc(g)).refcnt.get());
    }
}

/// How many objects `move_unreachable` traverses ahead of the one it decides on.
const REACHABLE_AHEAD: usize = 8;

/// Calls `o`'s traverse hook, queueing its referents at the back of `edges`; returns
/// how many it queued, or `None` (and none queued) for a container with more than
/// [`EdgeQueue::PER_OBJECT`].
#[inline]
fn record(rt: &Runtime, o: Obj<'_>, edges: &mut EdgeQueue) -> Option<usize> {
    let mark = edges.begin_object();
    call_traverse(
        rt,
        o,
        &mut Visitor {
            kind: VisitKind::Record(edges),
        },
    );
    edges.end_object(mark)
}

/// Hints that the next object of a list walk will be read soon.
#[inline(always)]
fn prefetch_next(g: *const GcHead) {
    crate::visit::prefetch_object(from_gc(h(g).next_ptr()));
}

/// `visit_decref`. In a collection of every tracked object (`everything`), a tracked
/// referent the walk has not reached yet gets its gc_refs set here: its reference
/// count, less this reference.
#[inline(always)]
pub(crate) fn visit_decref(p: NonNull<ObjHeader>, everything: bool) {
    let o = Obj::new(p);
    if o.is_gc() {
        let g = gc_head(p);
        if g.is_collecting() {
            g.decref();
        } else if everything && g.is_tracked() {
            g.reset_refs(o.refcnt() - 1);
        }
    }
}

/// `subtract_refs`, with `update_refs` in the same walk when `everything` (only when
/// every tracked object is in `containers`: an object not yet COLLECTING when the
/// walk or a reference reaches it is one whose gc_refs were not set yet; its
/// `_gc_prev` still holds a list pointer, which `move_unreachable` rebuilds anyway).
///
/// Each decrement is made `lag` referents after its visit, across objects (at most
/// [`LagRing::MAX_LAG`]); decrements commute, so the outcome is CPython's. Returns
/// whether most references point far away in memory (see [`LagRing`]), and the number of
/// objects in `containers`.
fn subtract_refs(rt: &Runtime, containers: &GcHead, everything: bool, lag: usize) -> (bool, usize) {
    let prefetch = lag > 0;
    let mut ring = LagRing::new(lag);
    let mut through_ring = Visitor {
        kind: VisitKind::Decref {
            lag: &mut ring,
            everything,
        },
    };
    // Without prefetching, the objects not sampled take the plain visit.
    let mut at_once = Visitor {
        kind: VisitKind::DecrefNow { everything },
    };
    let mut n = 0;
    for (i, g) in list::iter(containers).enumerate() {
        n = i + 1;
        let gh = h(g);
        if everything && !gh.is_collecting() {
            gh.reset_refs(header(from_gc(g)).refcnt.get());
        }
        let sampled = i % LagRing::SAMPLE == 0;
        if prefetch {
            prefetch_next(g);
        } else if !sampled {
            call_traverse(rt, obj(g), &mut at_once);
            continue;
        }
        if let VisitKind::Decref { lag, .. } = &mut through_ring.kind {
            lag.measuring = sampled;
            lag.origin = g as usize;
        }
        call_traverse(rt, obj(g), &mut through_ring);
    }
    ring.drain(|p| visit_decref(p, everything));
    (ring.near * 2 < ring.seen, n)
}

/// Calls a traverse hook; a panic is stashed (and resumed after the collection) so it
/// cannot unwind through half-updated lists.
#[inline]
fn call_traverse(rt: &Runtime, o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(t) = o.type_info().traverse {
        guarded(rt, || t(o, v));
    }
}

/// `visit_reachable`.
#[inline]
pub(crate) fn visit_reachable(p: NonNull<ObjHeader>, young: *const GcHead) {
    if !Obj::new(p).is_gc() {
        return;
    }
    let g = gc_head(p);
    if !g.is_collecting() {
        return;
    }
    if g.is_unreachable() {
        // Tentatively unreachable: move it back to the tail of young, to be scanned again.
        let prev = g.prev_ptr();
        let next = g.next_ptr();
        h(prev).next.set(g.next.get());
        h(next).set_prev(prev);
        list::append(g, young);
        g.set_refs(1);
    } else if g.refs() == 0 {
        g.set_refs(1);
    }
}

/// What the first `move_unreachable` of a collection also does to each survivor, in
/// the same walk (CPython does these in passes of their own, over the same list in
/// the same order, so the outcome is identical).
enum Survivors<'a> {
    /// Nothing (the second `deduce_unreachable`, over the unreachable objects).
    Keep,
    /// `untrack_tuples`: untrack survivors whose type hint says they hold nothing to
    /// track (the types without `UNTRACK_ON_FULL_ONLY`). In a full collection, also
    /// note the survivors whose type has a full-only hint (dicts), in list order, for
    /// `untrack_dicts` to check once every tuple has been seen.
    UntrackHinted(Option<&'a mut Vec<*const GcHead>>),
}

/// `move_unreachable`'s list surgery: the survivors are relinked behind `prev` as
/// the cursor passes them; the rest go to `unreachable`.
struct Walk<'a> {
    young: *const GcHead,
    unreachable: &'a GcHead,
    prev: *const GcHead,
    kept: usize,
    /// Survivors untracked by their type's hint.
    untracked: usize,
    /// What the objects set aside need from the passes after `deduce_unreachable`.
    needs: GarbageNeeds,
    survivors: Survivors<'a>,
}

/// Whether any object `move_unreachable` set aside (even one found reachable later: the
/// answer may only err towards `true`) needs one of the walks that follow
/// `deduce_unreachable`. When none does, those walks would change nothing but the
/// NEXT_MASK_UNREACHABLE bits, which every list operation ignores, and which
/// `delete_garbage` overwrites or frees with the objects.
#[derive(Default, Clone, Copy)]
struct GarbageNeeds {
    /// A legacy finalizer (`move_legacy_finalizers`).
    legacy: bool,
    /// A weak reference, or weak references to it (`handle_weakrefs`).
    weak: bool,
    /// A finalizer that has not run (`finalize_garbage`).
    finalizer: bool,
}

impl GarbageNeeds {
    fn any(self) -> bool {
        self.legacy || self.weak || self.finalizer
    }
}

impl<'a> Walk<'a> {
    fn new(young: &GcHead, unreachable: &'a GcHead, survivors: Survivors<'a>) -> Walk<'a> {
        Walk {
            young,
            unreachable,
            prev: young,
            kept: 0,
            untracked: 0,
            needs: GarbageNeeds::default(),
            survivors,
        }
    }

    /// The object at the cursor.
    #[inline(always)]
    fn cursor(&self) -> *const GcHead {
        h(self.prev).next_ptr()
    }

    /// The cursor's object is reachable and has been traversed: it stays in young,
    /// unless its type's hint untracks it.
    #[inline(always)]
    fn keep(&mut self, g: *const GcHead) {
        let gh = h(g);
        let o = obj(g);
        let mut untrack = false;
        if let Survivors::UntrackHinted(full_only) = &mut self.survivors {
            let ty = o.type_info();
            if let Some(hint) = ty.untrack_hint {
                if !ty.flags.contains(TypeFlags::UNTRACK_ON_FULL_ONLY) {
                    untrack = hint(o);
                } else if let Some(later) = full_only {
                    later.push(g);
                }
            }
        }
        if untrack {
            // Untracked in place: unlinked from the list rebuilt behind `prev`.
            h(self.prev).next.set(gh.next.get());
            gh.next.set(0);
            gh.prev.set(gh.prev.get() & PREV_MASK_STICKY);
            self.untracked += 1;
        } else {
            gh.set_prev(self.prev);
            gh.clear_collecting();
            self.prev = g;
            self.kept += 1;
        }
    }

    /// The cursor's object has gc_refs 0: moved to `unreachable`, marked (prev pointers
    /// there are valid).
    #[inline(always)]
    fn set_aside(&mut self, g: *const GcHead) {
        let gh = h(g);
        if !self.needs.any() {
            let o = obj(g);
            let ty = o.type_info();
            self.needs.legacy = ty.legacy_del.is_some();
            self.needs.finalizer = ty.finalize.is_some() && !gh.is_finalized();
            // (The weak-list accessor is a type hook: `deduce_unreachable` keeps
            // deallocations out of the walk.)
            self.needs.weak = ty.flags.contains(TypeFlags::WEAKREF)
                || crate::weakref::list_head(o).is_some_and(|l| !l.is_empty());
        }
        h(self.prev).next.set(gh.next.get());
        let last = self.unreachable.prev_ptr();
        h(last).next.set(NEXT_MASK_UNREACHABLE | g as usize);
        gh.set_prev(last);
        gh.next
            .set(NEXT_MASK_UNREACHABLE | self.unreachable as *const GcHead as usize);
        self.unreachable.prev.set(g as usize);
    }

    /// Closes both lists.
    fn finish(self) -> Deduced {
        h(self.young).prev.set(self.prev as usize);
        self.unreachable
            .next
            .set(self.unreachable.next.get() & !NEXT_MASK_UNREACHABLE);
        Deduced {
            kept: self.kept,
            untracked: self.untracked,
            unreachable: 0,
            needs: self.needs,
        }
    }
}

/// What `deduce_unreachable` found.
struct Deduced {
    /// Survivors left in the base list.
    kept: usize,
    /// Survivors untracked by their type's hint.
    untracked: usize,
    /// Objects moved to the unreachable list.
    unreachable: usize,
    needs: GarbageNeeds,
}

/// `move_unreachable`; returns what it found ([`Deduced`], without the unreachable count,
/// which [`deduce_unreachable`] fills in). With
/// `read_ahead` (a heap whose references mostly point far away in memory), see
/// [`move_unreachable_read_ahead`]; otherwise CPython's walk exactly.
fn move_unreachable(
    rt: &Runtime,
    young: &GcHead,
    unreachable: &GcHead,
    survivors: Survivors<'_>,
    read_ahead: bool,
) -> Deduced {
    let mut walk = Walk::new(young, unreachable, survivors);
    if read_ahead {
        move_unreachable_read_ahead(rt, &mut walk);
    } else {
        let mut v = Visitor {
            kind: VisitKind::ReachableNow(walk.young),
        };
        let mut g = walk.cursor();
        while g != walk.young {
            if h(g).refs() != 0 {
                call_traverse(rt, obj(g), &mut v);
                walk.keep(g);
            } else {
                walk.set_aside(g);
            }
            g = walk.cursor();
        }
    }
    walk.finish()
}

/// Objects `move_unreachable_read_ahead` has read ahead of its cursor: each with the
/// number of referents [`record`] queued for it, or `None` when its gc_refs were 0
/// then or it is a large container (it is traversed when the cursor reaches it, if
/// it is reachable by then).
struct Ahead {
    items: [(*const GcHead, Option<usize>); REACHABLE_AHEAD],
    first: usize,
    len: usize,
}

impl Ahead {
    fn push(&mut self, item: (*const GcHead, Option<usize>)) {
        self.items[(self.first + self.len) % REACHABLE_AHEAD] = item;
        self.len += 1;
    }
    fn pop(&mut self) -> (*const GcHead, Option<usize>) {
        let item = self.items[self.first];
        self.first = (self.first + 1) % REACHABLE_AHEAD;
        self.len -= 1;
        item
    }
    fn last(&self) -> *const GcHead {
        self.items[(self.first + self.len - 1) % REACHABLE_AHEAD].0
    }
}

/// CPython's walk, in CPython's order, with one difference in timing: the objects
/// [`REACHABLE_AHEAD`] places ahead of the cursor are already traversed, their
/// referents queued and prefetched, so the `visit_reachable` calls the cursor makes
/// find their lines loaded. Nothing the walk does moves an object ahead of the cursor
/// (only tentatively unreachable objects, behind it, are moved, to the tail), and an
/// object's gc_refs only grow here, so the queued referents are the ones CPython's
/// traversal at the cursor would visit. An object not queued ahead is traversed at
/// the cursor, through a [`LagRing`] drained before the cursor moves on.
fn move_unreachable_read_ahead(rt: &Runtime, walk: &mut Walk<'_>) {
    let young = walk.young;
    let mut ahead = Ahead {
        items: [(young, None); REACHABLE_AHEAD],
        first: 0,
        len: 0,
    };
    let mut edges = EdgeQueue::default();
    let mut lag = LagRing::new(LagRing::MAX_LAG);
    loop {
        while ahead.len < REACHABLE_AHEAD {
            let n = if ahead.len == 0 {
                walk.cursor()
            } else {
                h(ahead.last()).next_ptr()
            };
            if n == young {
                break;
            }
            prefetch_next(n);
            let queued = if h(n).refs() != 0 {
                record(rt, obj(n), &mut edges)
            } else {
                None
            };
            ahead.push((n, queued));
        }
        if ahead.len == 0 {
            break;
        }
        let (g, queued) = ahead.pop();
        debug_assert!(g == walk.cursor());
        if h(g).refs() == 0 {
            // gc_refs never drop back to 0, so nothing was queued for it.
            debug_assert!(queued.is_none_or(|n| n == 0));
            walk.set_aside(g);
            continue;
        }
        if let Some(n) = queued {
            for _ in 0..n {
                if let Some(p) = edges.pop() {
                    visit_reachable(p, young);
                }
            }
            edges.compact();
        } else {
            let mut v = Visitor {
                kind: VisitKind::Reachable {
                    lag: &mut lag,
                    young,
                },
            };
            call_traverse(rt, obj(g), &mut v);
            lag.drain(|p| visit_reachable(p, young));
        }
        walk.keep(g);
    }
}

/// `deduce_unreachable`: afterwards `base` holds the reachable objects (COLLECTING
/// cleared) and `unreachable` the rest (COLLECTING and NEXT_MASK_UNREACHABLE set).
/// `everything`: `base` holds every tracked object (a full collection with nothing
/// frozen), which lets `update_refs` and `subtract_refs` share one walk.
/// `scattered_before`: where the generation keeps whether its references were found
/// scattered (see [`LagRing`]). Returns the number of survivors.
fn deduce_unreachable(
    rt: &Runtime,
    base: &GcHead,
    unreachable: &GcHead,
    everything: bool,
    survivors: Survivors<'_>,
    scattered_before: Option<&Cell<bool>>,
) -> Deduced {
    rt.gc.lists_unstable.set(true);
    if !everything {
        update_refs(base);
    }
    // With `Prefetch::Auto`, `subtract_refs` prefetches if the last collection of the
    // generation found prefetching worth it; `move_unreachable` goes by what
    // `subtract_refs` finds.
    let mode = rt.gc.prefetch.get();
    let lag = match mode {
        Prefetch::Always => LagRing::MAX_LAG,
        Prefetch::Auto if scattered_before.is_some_and(Cell::get) => LagRing::MAX_LAG,
        _ => 0,
    };
    let (scattered, total) = subtract_refs(rt, base, everything, lag);
    if let Some(c) = scattered_before {
        c.set(scattered);
    }
    let read_ahead = match mode {
        Prefetch::Auto => scattered,
        Prefetch::Always => true,
        Prefetch::Never => false,
    };
    list::init(unreachable);
    let mut deduced = move_unreachable(rt, base, unreachable, survivors, read_ahead);
    rt.gc.lists_unstable.set(false);
    deduced.unreachable = total - deduced.kept - deduced.untracked;
    deduced
}

/// `untrack_dicts`: checks the survivors `move_unreachable` noted (types whose hint
/// applies to full collections only), in list order; returns how many it untracked.
fn untrack_full_only(noted: &[*const GcHead]) -> usize {
    let mut n = 0;
    for &g in noted {
        let o = obj(g);
        if o.type_info().untrack_hint.is_some_and(|hint| hint(o)) {
            list::untrack(h(g));
            n += 1;
        }
    }
    n
}

/// `move_legacy_finalizers`: also clears NEXT_MASK_UNREACHABLE everywhere.
fn move_legacy_finalizers(unreachable: &GcHead, finalizers: &GcHead) {
    let mut g = unreachable.next_ptr();
    while !core::ptr::eq(g, unreachable) {
        let gh = h(g);
        gh.next.set(gh.next.get() & !NEXT_MASK_UNREACHABLE);
        let next = gh.next_ptr();
        if type_of(from_gc(g)).legacy_del.is_some() {
            gh.clear_collecting();
            list::move_to(gh, finalizers);
        }
        g = next;
    }
}

/// `move_legacy_finalizer_reachable`: the list grows while it is scanned.
fn move_legacy_finalizer_reachable(rt: &Runtime, finalizers: &GcHead) {
    let fin_p: *const GcHead = finalizers;
    let mut v = Visitor {
        kind: VisitKind::Move(fin_p),
    };
    rt.gc.lists_unstable.set(true);
    let mut g = finalizers.next_ptr();
    while g != fin_p {
        call_traverse(rt, obj(g), &mut v);
        g = h(g).next_ptr();
    }
    rt.gc.lists_unstable.set(false);
}

/// `handle_weakrefs`: returns the number of weakrefs freed by running their callbacks, and
/// whether any callback ran.
fn handle_weakrefs(rt: &Runtime, unreachable: &GcHead, old: *const GcHead) -> (usize, bool) {
    let wrcb_to_call = GcHead::new();
    list::init(&wrcb_to_call);
    // The weak-list accessors are type hooks: keep deallocations out of this walk.
    rt.gc.lists_unstable.set(true);
    let mut g = unreachable.next_ptr();
    while !core::ptr::eq(g, unreachable) {
        let next = h(g).next_ptr();
        let o = obj(g);
        let ty = o.type_info();
        if ty.flags.contains(TypeFlags::WEAKREF) {
            // A weakref that is itself trash: cleared, its callback never runs.
            crate::weakref::clear_ref(o);
        }
        if let Some(head) = crate::weakref::list_head(o) {
            while let Some(wr) = head.first() {
                crate::weakref::clear_ref(wr);
                if !crate::weakref::has_callback(wr) {
                    continue;
                }
                let wg = gc_head(wr.ptr());
                if wg.is_collecting() {
                    continue;
                }
                incref(wr.ptr());
                if wg.is_tracked() {
                    list::move_to(wg, &wrcb_to_call);
                } else {
                    list::append(wg, &wrcb_to_call);
                }
            }
        }
        g = next;
    }
    rt.gc.lists_unstable.set(false);

    let mut num_freed = 0;
    let any = !list::is_empty(&wrcb_to_call);
    while !list::is_empty(&wrcb_to_call) {
        let g = wrcb_to_call.next_ptr();
        let wr = from_gc(g);
        if let Some(cb) = crate::weakref::callback_of(Obj::new(wr)) {
            guarded(rt, || {
                crate::weakref::call_callback(rt, cb.as_obj(), Obj::new(wr))
            });
        }
        // SAFETY: releases the reference taken above.
        unsafe { decref(wr) };
        if wrcb_to_call.next_ptr() == g {
            list::move_to(h(g), old);
        } else {
            num_freed += 1;
        }
    }
    (num_freed, any)
}

/// `finalize_garbage` (PEP 442); returns whether any finalizer ran.
fn finalize_garbage(rt: &Runtime, collectable: &GcHead) -> bool {
    let mut any = false;
    let seen = GcHead::new();
    list::init(&seen);
    while !list::is_empty(collectable) {
        let g = collectable.next_ptr();
        let gh = h(g);
        list::move_to(gh, &seen);
        let p = from_gc(g);
        if !gh.is_finalized()
            && let Some(fin) = type_of(p).finalize
        {
            gh.set_finalized();
            any = true;
            incref(p);
            guarded(rt, || fin(Obj::new(p)));
            // SAFETY: releases the reference taken above.
            unsafe { decref(p) };
        }
    }
    list::merge(&seen, collectable);
    any
}

/// `handle_resurrected_objects`.
fn handle_resurrected_objects(
    rt: &Runtime,
    unreachable: &GcHead,
    still: &GcHead,
    old: *const GcHead,
) {
    for g in list::iter(unreachable) {
        h(g).clear_collecting();
    }
    deduce_unreachable(rt, unreachable, still, false, Survivors::Keep, None);
    for g in list::iter(still) {
        let gh = h(g);
        gh.next.set(gh.next.get() & !NEXT_MASK_UNREACHABLE);
    }
    list::merge(unreachable, h(old));
}

/// `delete_garbage`.
fn delete_garbage(rt: &Runtime, collectable: &GcHead, old: *const GcHead, saveall: bool) {
    while !list::is_empty(collectable) {
        let g = collectable.next_ptr();
        let p = from_gc(g);
        if saveall {
            let o = Obj::new(p).to_owned();
            guarded(rt, || crate::gc::append_garbage(rt, o));
        } else if let Some(clear) = type_of(p).clear {
            incref(p);
            guarded(rt, || clear(Obj::new(p)));
            // SAFETY: releases the reference taken above.
            unsafe { decref(p) };
        }
        if collectable.next_ptr() == g {
            // Still alive: it may die later.
            h(g).clear_collecting();
            list::move_to(h(g), old);
        }
    }
}

fn debug_write(rt: &Runtime, s: &str) {
    let hook = rt.hooks.borrow().debug_write.clone();
    match hook {
        Some(f) => guarded(rt, || f(s)),
        None => eprint!("{s}"),
    }
}

fn debug_cycle(rt: &Runtime, msg: &str, g: *const GcHead) {
    let o = obj(g);
    debug_write(
        rt,
        &format!("gc: {msg} <{} {:#x}>\n", o.type_info().name(), o.addr()),
    );
}

/// `gc_collect_main`: returns (collected, uncollectable).
fn collect_main(rt: &Runtime, generation: usize) -> (usize, usize) {
    let gc = &rt.gc;
    let debug = gc.debug.get();
    let t1 = if debug & DEBUG_STATS != 0 {
        let sizes: Vec<String> = (0..NUM_GENERATIONS)
            .map(|i| list::size(gc.gen_head(i)).to_string())
            .collect();
        debug_write(
            rt,
            &format!(
                "gc: collecting generation {generation}...\ngc: objects in each generation: {}\ngc: objects in permanent generation: {}\n",
                sizes.join(" "),
                list::size(gc.gen_head(NUM_GENERATIONS))
            ),
        );
        Some(Instant::now())
    } else {
        None
    };

    if generation + 1 < NUM_GENERATIONS {
        let c = &gc.count[generation + 1];
        c.set(c.get() + 1);
    }
    for i in 0..=generation {
        gc.count[i].set(0);
    }
    for i in 0..generation {
        list::merge(gc.gen_head(i), gc.gen_head(generation));
    }
    let young = gc.gen_head(generation);
    let old: &GcHead = if generation < NUM_GENERATIONS - 1 {
        gc.gen_head(generation + 1)
    } else {
        young
    };

    let unreachable = GcHead::new();
    // With nothing frozen, a full collection's list holds every tracked object.
    let everything = core::ptr::eq(young, old) && list::is_empty(gc.gen_head(NUM_GENERATIONS));
    let full = core::ptr::eq(young, old);
    let mut full_only = Vec::new();
    let deduced = deduce_unreachable(
        rt,
        young,
        &unreachable,
        everything,
        Survivors::UntrackHinted(full.then_some(&mut full_only)),
        Some(&gc.scattered[generation]),
    );
    let survivors = deduced.kept;
    if !full {
        if generation == NUM_GENERATIONS - 2 {
            gc.long_lived_pending
                .set(gc.long_lived_pending.get() + survivors);
        }
        list::merge(young, old);
    } else {
        let untracked = untrack_full_only(&full_only);
        drop(full_only);
        gc.long_lived_pending.set(0);
        gc.long_lived_total.set(survivors - untracked);
    }

    let finalizers = GcHead::new();
    list::init(&finalizers);
    let final_unreachable = GcHead::new();
    list::init(&final_unreachable);
    let mut m;
    // Debug output may run code, which the fast path below must not allow for.
    let debug_collectable = debug & DEBUG_COLLECTABLE != 0;
    if !deduced.needs.any() && !debug_collectable {
        // No legacy finalizer, weak reference or finalizer among the garbage: CPython's
        // walks until `delete_garbage` would only clear NEXT_MASK_UNREACHABLE (see
        // [`GarbageNeeds`]), and its second `deduce_unreachable` would find every object
        // unreachable again, in the same order, with the same flags, as no code ran.
        debug_assert_eq!(deduced.unreachable, list::size(&unreachable));
        m = deduced.unreachable;
        list::merge(&unreachable, &final_unreachable);
    } else {
        move_legacy_finalizers(&unreachable, &finalizers);
        move_legacy_finalizer_reachable(rt, &finalizers);

        if debug_collectable {
            let heads: Vec<*const GcHead> = list::iter(&unreachable).collect();
            for g in heads {
                debug_cycle(rt, "collectable", g);
            }
        }

        let ran_callbacks;
        (m, ran_callbacks) = handle_weakrefs(rt, &unreachable, old);
        let ran_finalizers = finalize_garbage(rt, &unreachable);
        if ran_callbacks || ran_finalizers || debug_collectable {
            handle_resurrected_objects(rt, &unreachable, &final_unreachable, old);
        } else {
            // As above: no code ran since `deduce_unreachable`.
            list::merge(&unreachable, &final_unreachable);
        }
        m += list::size(&final_unreachable);
    }
    delete_garbage(rt, &final_unreachable, old, debug & DEBUG_SAVEALL != 0);

    let mut n = 0;
    let mut saved: Vec<ObjRef> = Vec::new();
    for g in list::iter(&finalizers) {
        n += 1;
        if debug & DEBUG_UNCOLLECTABLE != 0 {
            debug_cycle(rt, "uncollectable", g);
        }
        let p = from_gc(g);
        if debug & DEBUG_SAVEALL != 0 || type_of(p).legacy_del.is_some() {
            saved.push(Obj::new(p).to_owned());
        }
    }
    if let Some(t1) = t1 {
        debug_write(
            rt,
            &format!(
                "gc: done, {} unreachable, {} uncollectable, {:.4}s elapsed\n",
                n + m,
                n,
                t1.elapsed().as_secs_f64()
            ),
        );
    }
    // handle_legacy_finalizers
    list::merge(&finalizers, old);
    for o in saved {
        guarded(rt, || crate::gc::append_garbage(rt, o));
    }

    if generation == NUM_GENERATIONS - 1 {
        // `clear_freelists()` at the end of a full collection.
        rt.clear_freelists();
        let hook = rt.hooks.borrow().full_collection_done.clone();
        if let Some(f) = hook {
            guarded(rt, || f());
        }
    }

    let s = &gc.stats[generation];
    let mut st = s.get();
    st.collections += 1;
    st.collected += m;
    st.uncollectable += n;
    s.set(st);
    (m, n)
}

fn invoke_callbacks(rt: &Runtime, phase: Phase, info: CollectionInfo) {
    let hook = rt.hooks.borrow().on_collection.clone();
    if let Some(f) = hook {
        guarded(rt, || f(phase, info));
    }
}

/// `gc_collect_with_callback`; the caller has set `collecting`.
pub(crate) fn collect_with_callback(rt: &Runtime, generation: usize) -> usize {
    invoke_callbacks(
        rt,
        Phase::Start,
        CollectionInfo {
            generation,
            collected: 0,
            uncollectable: 0,
        },
    );
    let (m, n) = collect_main(rt, generation);
    invoke_callbacks(
        rt,
        Phase::Stop,
        CollectionInfo {
            generation,
            collected: m,
            uncollectable: n,
        },
    );
    m + n
}

/// `gc_collect_generations`: the automatic collection, run from an allocation.
#[cold]
#[inline(never)]
pub(crate) fn collect_generations(rt: &Runtime) {
    let may = rt.hooks.borrow().may_collect.clone();
    if let Some(f) = may
        && !f()
    {
        return;
    }
    let gc = &rt.gc;
    gc.collecting.set(true);
    for i in (0..NUM_GENERATIONS).rev() {
        if gc.count[i].get() > gc.threshold[i].get() {
            if i == NUM_GENERATIONS - 1
                && gc.long_lived_pending.get() < gc.long_lived_total.get() / 4
            {
                continue;
            }
            collect_with_callback(rt, i);
            break;
        }
    }
    gc.collecting.set(false);
    rt.resume_pending_panic();
}
