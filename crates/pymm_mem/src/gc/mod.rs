//! The generational cycle collector (CPython's `Modules/gcmodule.c`) and the
//! functions behind Python's `gc` module.
//!
//! Tracked objects live in one of four intrusive lists: generations 0, 1, 2
//! and the permanent generation (`gc.freeze`). New objects are appended to
//! generation 0; every GC allocation raises `count0` and every GC free lowers
//! it; when `count0` passes threshold 0 (700) an automatic collection runs
//! inside the allocation, choosing the oldest generation whose count passed its
//! threshold (10, 10), with the 25% long-lived rule before a full collection.

pub(crate) mod collect;
pub(crate) mod list;
pub(crate) mod state;

pub use collect::{DEBUG_COLLECTABLE, DEBUG_LEAK, DEBUG_SAVEALL, DEBUG_STATS, DEBUG_UNCOLLECTABLE};
pub use state::{GenStats, NUM_GENERATIONS, Prefetch};

use crate::object::{Obj, ObjRef, from_gc};
use crate::runtime::{Runtime, rt};
use crate::visit::traverse;

/// Chooses when the collector prefetches (see [`Prefetch`]); returns the previous
/// choice. The outcome of a collection, including the order of every list, is the
/// same whatever the choice: only its speed changes.
pub fn set_prefetch(p: Prefetch) -> Prefetch {
    rt().gc.prefetch.replace(p)
}

/// `gc.collect(generation)`: runs a collection and returns the number of unreachable
/// objects found (collected plus uncollectable). Returns 0 at once if a collection is
/// already running (for example when called from a finalizer).
///
/// # Panics
/// If `generation > 2` (the Python layer reports `ValueError('invalid generation')`).
pub fn collect(generation: usize) -> usize {
    assert!(generation < NUM_GENERATIONS, "invalid generation");
    let rt = rt();
    if rt.gc.collecting.get() {
        return 0;
    }
    rt.gc.collecting.set(true);
    let n = collect::collect_with_callback(rt, generation);
    rt.gc.collecting.set(false);
    rt.resume_pending_panic();
    n
}

/// `gc.enable()`.
pub fn enable() {
    rt().gc.enabled.set(true);
}
/// `gc.disable()`.
pub fn disable() {
    rt().gc.enabled.set(false);
}
/// `gc.isenabled()`.
pub fn is_enabled() -> bool {
    rt().gc.enabled.get()
}
/// Whether a collection is running.
pub fn is_collecting() -> bool {
    rt().gc.collecting.get()
}

/// `gc.get_count()`.
pub fn get_count() -> (usize, usize, usize) {
    let c = &rt().gc.count;
    (c[0].get(), c[1].get(), c[2].get())
}

/// `gc.get_threshold()`.
pub fn get_threshold() -> (usize, usize, usize) {
    let t = &rt().gc.threshold;
    (t[0].get(), t[1].get(), t[2].get())
}

/// `gc.set_threshold(t0[, t1[, t2]])`: omitted ones stay; `t0 == 0` disables automatic
/// collection.
pub fn set_threshold(t0: usize, t1: Option<usize>, t2: Option<usize>) {
    let t = &rt().gc.threshold;
    t[0].set(t0);
    if let Some(v) = t1 {
        t[1].set(v);
    }
    if let Some(v) = t2 {
        t[2].set(v);
    }
}

/// `gc.get_debug()`.
pub fn get_debug() -> u32 {
    rt().gc.debug.get()
}
/// `gc.set_debug(flags)`.
pub fn set_debug(flags: u32) {
    rt().gc.debug.set(flags);
}

/// `gc.get_stats()`.
pub fn get_stats() -> [GenStats; NUM_GENERATIONS] {
    let s = &rt().gc.stats;
    [s[0].get(), s[1].get(), s[2].get()]
}

/// Tracked objects of one generation (`Some(0..=2)`) or of generations 0..2 (`None`), in
/// list order (`gc.get_objects`).
pub fn get_objects(generation: Option<usize>) -> Vec<ObjRef> {
    let rt = rt();
    let gens: Vec<usize> = match generation {
        Some(g) => {
            assert!(g < NUM_GENERATIONS, "generation out of range");
            vec![g]
        }
        None => (0..NUM_GENERATIONS).collect(),
    };
    let mut out = Vec::new();
    for g in gens {
        for h in list::iter(rt.gc.gen_head(g)) {
            out.push(Obj::new(from_gc(h)).to_owned());
        }
    }
    out
}

/// The number of tracked objects in generation `g` (3 = permanent).
pub fn generation_len(g: usize) -> usize {
    list::size(rt().gc.gen_head(g))
}

/// `gc.get_referents(*objs)`: what each object's traverse hook visits, duplicates kept.
pub fn get_referents(objs: &[Obj<'_>]) -> Vec<ObjRef> {
    let mut out = Vec::new();
    for &o in objs {
        if o.is_gc() {
            traverse(o, &mut |r| out.push(r.to_owned()));
        }
    }
    out
}

/// `gc.get_referrers(*objs)`: the tracked objects of generations 0..2 whose traverse hook
/// visits one of `objs`. Objects in `exclude` are skipped (the Python layer passes its
/// argument tuple).
pub fn get_referrers(objs: &[Obj<'_>], exclude: &[Obj<'_>]) -> Vec<ObjRef> {
    let rt = rt();
    let mut candidates = Vec::new();
    for g in 0..NUM_GENERATIONS {
        for h in list::iter(rt.gc.gen_head(g)) {
            candidates.push(Obj::new(from_gc(h)).to_owned());
        }
    }
    let mut out = Vec::new();
    for c in candidates {
        if exclude.contains(&c.as_obj()) {
            continue;
        }
        let mut hit = false;
        traverse(c.as_obj(), &mut |r| hit |= objs.contains(&r));
        if hit {
            out.push(c);
        }
    }
    out
}

/// `gc.freeze()`: move everything tracked into the permanent generation and zero the counts.
pub fn freeze() {
    let gc = &rt().gc;
    for g in 0..NUM_GENERATIONS {
        list::merge(gc.gen_head(g), gc.gen_head(NUM_GENERATIONS));
        gc.count[g].set(0);
    }
}

/// `gc.unfreeze()`: the permanent generation goes back into generation 2.
pub fn unfreeze() {
    let gc = &rt().gc;
    list::merge(
        gc.gen_head(NUM_GENERATIONS),
        gc.gen_head(NUM_GENERATIONS - 1),
    );
}

/// `gc.get_freeze_count()`.
pub fn get_freeze_count() -> usize {
    generation_len(NUM_GENERATIONS)
}

/// The internal garbage list (used when no [`HostHooks::garbage`](crate::HostHooks) is set).
pub fn garbage() -> Vec<ObjRef> {
    rt().gc.garbage.borrow().clone()
}

/// Empties the internal garbage list.
pub fn clear_garbage() {
    let v = core::mem::take(&mut *rt().gc.garbage.borrow_mut());
    drop(v);
}

pub(crate) fn append_garbage(rt: &Runtime, o: ObjRef) {
    let hook = rt.hooks.borrow().garbage.clone();
    match hook {
        Some(f) => f(o),
        None => rt.gc.garbage.borrow_mut().push(o),
    }
}
