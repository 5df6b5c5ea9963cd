//! One collection: CPython's `gc_collect_main` (`Modules/gcmodule.c`), phase by
//! phase, with the same accounting, so `collect()` returns the number CPython
//! would.
//!
//! 1. update counts; merge the younger generations into the one collected;
//! 2. `deduce_unreachable`: `update_refs` (gc_refs = refcount, COLLECTING set),
//!    `subtract_refs` (each internal reference decrements its target),
//!    `move_unreachable` (objects with gc_refs > 0 are roots; everything they
//!    reach is reachable; the rest is moved to `unreachable`). In a full
//!    collection with nothing frozen the first two share one walk of the list;
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

use crate::gc::list;
use crate::gc::state::NUM_GENERATIONS;
use crate::header::{GcHead, NEXT_MASK_UNREACHABLE, PREV_MASK_STICKY};
use crate::object::{Obj, ObjRef, decref, from_gc, gc_head, header, incref, type_of};
use crate::runtime::{CollectionInfo, Phase, Runtime, guarded};
use crate::typeinfo::TypeFlags;
use crate::visit::{VisitKind, Visitor};

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

/// `update_refs` followed by `subtract_refs`, in one walk: only when every tracked
/// object is in `containers`. An object not yet COLLECTING when the walk or a
/// reference reaches it is one whose gc_refs were not set yet (its `_gc_prev` still
/// holds a list pointer, which `move_unreachable` rebuilds anyway).
fn update_and_subtract_refs(rt: &Runtime, containers: &GcHead) {
    let mut v = Visitor {
        kind: VisitKind::DecrefAll,
    };
    for g in list::iter(containers) {
        let gh = h(g);
        if !gh.is_collecting() {
            gh.reset_refs(header(from_gc(g)).refcnt.get());
        }
        call_traverse(rt, obj(g), &mut v);
    }
}

/// `subtract_refs`.
fn subtract_refs(rt: &Runtime, containers: &GcHead) {
    let mut v = Visitor {
        kind: VisitKind::Decref,
    };
    for g in list::iter(containers) {
        call_traverse(rt, obj(g), &mut v);
    }
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
pub(crate) fn visit_reachable(g: &GcHead, young: *const GcHead) {
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

/// `move_unreachable`; returns the number of survivors left in `young`.
fn move_unreachable(
    rt: &Runtime,
    young: &GcHead,
    unreachable: &GcHead,
    mut survivors: Survivors<'_>,
) -> usize {
    let young_p: *const GcHead = young;
    let unreachable_p: *const GcHead = unreachable;
    let mut prev: *const GcHead = young_p;
    let mut g = young.next_ptr();
    let mut v = Visitor {
        kind: VisitKind::Reachable(young_p),
    };
    let mut kept = 0;
    while g != young_p {
        let gh = h(g);
        if gh.refs() != 0 {
            let o = obj(g);
            call_traverse(rt, o, &mut v);
            let mut untrack = false;
            if let Survivors::UntrackHinted(full_only) = &mut survivors {
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
                h(prev).next.set(gh.next.get());
                gh.next.set(0);
                gh.prev.set(gh.prev.get() & PREV_MASK_STICKY);
            } else {
                gh.set_prev(prev);
                gh.clear_collecting();
                prev = g;
                kept += 1;
            }
        } else {
            // Move to unreachable, marking it; prev pointers there are valid.
            h(prev).next.set(gh.next.get());
            let last = unreachable.prev_ptr();
            h(last).next.set(NEXT_MASK_UNREACHABLE | g as usize);
            gh.set_prev(last);
            gh.next.set(NEXT_MASK_UNREACHABLE | unreachable_p as usize);
            unreachable.prev.set(g as usize);
        }
        g = h(prev).next_ptr();
    }
    young.prev.set(prev as usize);
    unreachable
        .next
        .set(unreachable.next.get() & !NEXT_MASK_UNREACHABLE);
    kept
}

/// `deduce_unreachable`: afterwards `base` holds the reachable objects (COLLECTING
/// cleared) and `unreachable` the rest (COLLECTING and NEXT_MASK_UNREACHABLE set).
/// `everything`: `base` holds every tracked object (a full collection with nothing
/// frozen), which lets `update_refs` and `subtract_refs` share one walk. Returns the
/// number of survivors.
fn deduce_unreachable(
    rt: &Runtime,
    base: &GcHead,
    unreachable: &GcHead,
    everything: bool,
    survivors: Survivors<'_>,
) -> usize {
    rt.gc.lists_unstable.set(true);
    if everything {
        update_and_subtract_refs(rt, base);
    } else {
        update_refs(base);
        subtract_refs(rt, base);
    }
    list::init(unreachable);
    let kept = move_unreachable(rt, base, unreachable, survivors);
    rt.gc.lists_unstable.set(false);
    kept
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
    deduce_unreachable(rt, unreachable, still, false, Survivors::Keep);
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
    let survivors = deduce_unreachable(
        rt,
        young,
        &unreachable,
        everything,
        Survivors::UntrackHinted(full.then_some(&mut full_only)),
    );
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
    move_legacy_finalizers(&unreachable, &finalizers);
    move_legacy_finalizer_reachable(rt, &finalizers);

    if debug & DEBUG_COLLECTABLE != 0 {
        let heads: Vec<*const GcHead> = list::iter(&unreachable).collect();
        for g in heads {
            debug_cycle(rt, "collectable", g);
        }
    }

    let (mut m, ran_callbacks) = handle_weakrefs(rt, &unreachable, old);
    let ran_finalizers = finalize_garbage(rt, &unreachable);
    let final_unreachable = GcHead::new();
    if ran_callbacks || ran_finalizers || debug & DEBUG_COLLECTABLE != 0 {
        handle_resurrected_objects(rt, &unreachable, &final_unreachable, old);
    } else {
        // No code ran since `deduce_unreachable` (no weakref callback, no finalizer, no
        // debug output), so nothing can have been resurrected: CPython's second pass would
        // find every object unreachable again, in the same order, with the same flags.
        list::init(&final_unreachable);
        list::merge(&unreachable, &final_unreachable);
    }
    m += list::size(&final_unreachable);
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
