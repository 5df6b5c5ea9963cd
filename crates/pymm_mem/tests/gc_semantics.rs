//! The collector's observable behaviour, checked against what CPython 3.11 does
//! (spec §4; the expected numbers were measured on CPython 3.11.7).

mod common;
use common::*;
use pymm_mem::weakref::{WEAKREF_TYPE, WeakKind, new_weakref, weakref_body, weakrefs};
use pymm_mem::{ObjRef, TypeInfo, gc};
use std::cell::RefCell;

#[test]
fn empty_collect_returns_zero() {
    clean();
    assert_eq!(gc::collect(2), 0);
}

#[test]
fn self_cycle_and_two_cycle() {
    clean();
    let a = new_node(1);
    link(&a, &a);
    drop(a);
    assert_eq!(gc::collect(2), 1);
    let a = new_node(1);
    let b = new_node(2);
    link(&a, &b);
    link(&b, &a);
    drop((a, b));
    assert_eq!(gc::collect(2), 2);
    assert_eq!(gc::collect(2), 0);
}

#[test]
fn reachable_cycle_survives_and_moves_to_older_generation() {
    clean();
    let a = new_node(1);
    link(&a, &a);
    assert_eq!(gc::generation_len(0), 1);
    assert_eq!(gc::collect(0), 0);
    assert_eq!(gc::generation_len(0), 0);
    assert_eq!(gc::generation_len(1), 1);
    assert_eq!(gc::collect(1), 0);
    assert_eq!(gc::generation_len(2), 1);
    drop(a);
    assert_eq!(gc::collect(0), 0, "a young collection does not see gen 2");
    assert_eq!(gc::collect(2), 1);
}

#[test]
fn counts_follow_cpython() {
    clean();
    assert_eq!(gc::get_count(), (0, 0, 0));
    let v: Vec<_> = (0..11).map(new_node).collect();
    assert_eq!(gc::get_count().0, 11);
    drop(v);
    assert_eq!(gc::get_count().0, 0);
    gc::collect(0);
    assert_eq!(gc::get_count(), (0, 1, 0));
    gc::collect(1);
    assert_eq!(gc::get_count(), (0, 0, 1));
    gc::collect(0);
    gc::collect(0);
    assert_eq!(gc::get_count(), (0, 2, 1));
    gc::collect(2);
    assert_eq!(gc::get_count(), (0, 0, 0));
    // Non-GC objects do not count.
    let _atoms: Vec<_> = (0..5).map(|i| new_obj(ATOM, i)).collect();
    assert_eq!(gc::get_count().0, 0);
}

#[test]
fn automatic_collection_every_701_allocations() {
    clean();
    gc::enable();
    let mut keep = Vec::new();
    let mut starts = Vec::new();
    let hooks = pymm_mem::HostHooks {
        on_collection: Some(std::rc::Rc::new(|phase, info: pymm_mem::CollectionInfo| {
            if phase == pymm_mem::Phase::Start {
                log(format!("gen{}", info.generation));
            }
        })),
        ..Default::default()
    };
    pymm_mem::set_host_hooks(hooks);
    for i in 0..(701 * 12) {
        keep.push(new_node(i));
        let l = take_log();
        if !l.is_empty() {
            starts.push((i, l));
        }
    }
    pymm_mem::set_host_hooks(Default::default());
    // The 701st allocation (index 700) triggers the first collection; then every 701.
    assert_eq!(starts[0].0, 700);
    assert_eq!(starts[1].0, 1401);
    // CPython's pattern: 11 gen0 collections (count1 must exceed 10), then one gen1.
    let gens: Vec<String> = starts.iter().map(|s| s.1.join(",")).collect();
    let mut expected = vec!["gen0".to_string(); 11];
    expected.push("gen1".into());
    assert_eq!(&gens[..12], &expected[..]);
    gc::disable();
}

#[test]
fn threshold_api() {
    clean();
    assert_eq!(gc::get_threshold(), (700, 10, 10));
    gc::set_threshold(7777, Some(11), None);
    assert_eq!(gc::get_threshold(), (7777, 11, 10));
    gc::set_threshold(700, Some(10), Some(10));
}

#[test]
fn finalizer_runs_once_on_both_paths() {
    clean();
    // Refcount path.
    let a = new_obj(NODE_DEL, 1);
    drop(a);
    assert_eq!(take_log(), ["del 1"]);
    // GC path: cycle with finalizers — all run, all collected, garbage empty.
    let a = new_obj(NODE_DEL, 2);
    let b = new_obj(NODE_DEL, 3);
    link(&a, &b);
    link(&b, &a);
    drop((a, b));
    assert_eq!(gc::collect(2), 2);
    assert_eq!(take_log(), ["del 2", "del 3"]);
    assert!(gc::garbage().is_empty());
}

#[test]
fn resurrection_is_not_counted_and_finalizer_not_rerun() {
    clean();
    let a = new_obj(NODE_LAZARUS, 1);
    link(&a, &a);
    drop(a);
    assert_eq!(gc::collect(2), 0, "resurrected objects are not counted");
    assert_eq!(take_log(), ["del 1"]);
    let back = LAZARUS.with(|l| l.borrow_mut().pop()).unwrap();
    assert!(back.as_obj().is_finalized());
    drop(back);
    assert_eq!(gc::collect(2), 1);
    assert!(take_log().is_empty(), "__del__ runs at most once");
}

#[test]
fn refcount_path_lazarus() {
    clean();
    let a = new_obj(NODE_LAZARUS, 7);
    drop(a);
    assert_eq!(take_log(), ["del 7"]);
    let back = LAZARUS.with(|l| l.borrow_mut().pop()).unwrap();
    assert!(back.as_obj().is_finalized());
    assert!(
        back.as_obj().is_tracked(),
        "resurrected during __del__: stays tracked"
    );
    drop(back);
    assert!(take_log().is_empty());
}

#[test]
fn weakref_callbacks_refcount_path_order() {
    clean();
    let a = new_obj(NODE_DEL, 1);
    let alive_in_del = {
        // __del__ runs first and still sees the weakref alive.
        let w = new_weakref(WEAKREF_TYPE, WeakKind::Ref, a.as_obj(), None).unwrap();
        let cb3 = pymm_mem::weakref::new_weakref_with_fn(a.as_obj(), |_| log("cb3")).unwrap();
        let cb4 = pymm_mem::weakref::new_weakref_with_fn(a.as_obj(), |_| log("cb4")).unwrap();
        let list = weakrefs(a.as_obj());
        assert_eq!(list.len(), 3);
        assert!(list[0].is(&w));
        assert!(list[1].is(&cb4), "callback refs newest first");
        assert!(list[2].is(&cb3));
        drop(a);
        assert!(weakref_body(w.as_obj()).unwrap().is_dead());
        (cb3, cb4)
    };
    assert_eq!(take_log(), ["del 1", "cb4", "cb3"]);
    // Afterwards the callbacks are gone.
    assert!(
        weakref_body(alive_in_del.0.as_obj())
            .unwrap()
            .callback()
            .is_none()
    );
}

#[test]
fn basic_ref_is_shared() {
    clean();
    let a = new_node(1);
    let r1 = new_weakref(WEAKREF_TYPE, WeakKind::Ref, a.as_obj(), None).unwrap();
    let r2 = new_weakref(WEAKREF_TYPE, WeakKind::Ref, a.as_obj(), None).unwrap();
    assert!(r1.is(&r2));
    let r3 = pymm_mem::weakref::new_weakref_with_fn(a.as_obj(), |_| {}).unwrap();
    assert!(!r1.is(&r3));
    assert_eq!(pymm_mem::weakref::weakref_count(a.as_obj()), 2);
    // Non-weakrefable types are refused.
    let atom = new_obj(common::ATOM, 0);
    assert!(new_weakref(WEAKREF_TYPE, WeakKind::Ref, atom.as_obj(), None).is_err());
    assert_eq!(
        r1.as_obj().allocated_size(),
        80,
        "CPython's getsizeof(weakref.ref(x)) == 80"
    );
}

#[test]
fn gc_path_callbacks_before_finalizers() {
    clean();
    let a = new_obj(NODE_DEL, 1);
    link(&a, &a);
    let w = pymm_mem::weakref::new_weakref_with_fn(a.as_obj(), |_| log("wr-callback")).unwrap();
    drop(a);
    assert_eq!(gc::collect(2), 1);
    assert_eq!(take_log(), ["wr-callback", "del 1"]);
    assert!(weakref_body(w.as_obj()).unwrap().is_dead());
}

#[test]
fn weakref_inside_the_cycle_does_not_call_back() {
    clean();
    // Self-cycle holding its own ref-with-callback: CPython counts 3 (instance, ref, lambda);
    // a Rust closure callback is not a GC object, so here it is 2. The callback is not called.
    let a = new_node(1);
    link(&a, &a);
    let w = pymm_mem::weakref::new_weakref_with_fn(a.as_obj(), |_| log("called")).unwrap();
    link(&a, &w);
    drop((a, w));
    assert_eq!(gc::collect(2), 2);
    assert!(take_log().is_empty());
}

#[test]
fn weakref_freed_by_its_callback_counts() {
    clean();
    // Self-cycle + external ref-with-cb whose only owner is deleted by the cb -> 2.
    let a = new_node(1);
    link(&a, &a);
    let holder = std::rc::Rc::new(std::cell::RefCell::new(None::<pymm_mem::ObjRef>));
    let h2 = holder.clone();
    let w = pymm_mem::weakref::new_weakref_with_fn(a.as_obj(), move |_| {
        h2.borrow_mut().take();
    })
    .unwrap();
    *holder.borrow_mut() = Some(w);
    drop(a);
    assert_eq!(gc::collect(2), 2);
}

#[test]
fn saveall_keeps_garbage() {
    clean();
    gc::set_debug(gc::DEBUG_SAVEALL);
    let a = new_node(1);
    link(&a, &a);
    let addr = a.as_obj().addr();
    drop(a);
    assert_eq!(gc::collect(2), 1);
    gc::set_debug(0);
    let g = gc::garbage();
    assert_eq!(g.len(), 1);
    assert_eq!(g[0].as_obj().addr(), addr);
    drop(g);
    gc::clear_garbage();
    assert_eq!(gc::collect(2), 1);
}

#[test]
fn legacy_finalizer_is_uncollectable() {
    clean();
    // A (tp_del) in a cycle reaching the self-cycle B: collected 0, uncollectable 2; garbage=[A].
    let a = new_obj(NODE_LEGACY, 1);
    let b = new_node(2);
    link(&a, &a);
    link(&a, &b);
    link(&b, &b);
    drop((a, b));
    let stats_before = gc::get_stats()[2];
    assert_eq!(gc::collect(2), 2);
    let s = gc::get_stats()[2];
    assert_eq!(s.collected - stats_before.collected, 0);
    assert_eq!(s.uncollectable - stats_before.uncollectable, 2);
    let g = gc::garbage();
    assert_eq!(g.len(), 1);
    assert_eq!(common::node(g[0].as_obj()).id, 1);
    drop(g);
    gc::clear_garbage();
}

#[test]
fn collect_during_collection_returns_zero() {
    clean();
    fn fin(o: pymm_mem::Obj<'_>) {
        log(format!("inner {}", gc::collect(2)));
        let _ = o;
    }
    const T: &pymm_mem::TypeInfo =
        &pymm_mem::TypeInfo::new("T", pymm_mem::BodyVTable::of::<Node>())
            .gc(|o, v| {
                for r in common::node(o).refs.borrow().iter() {
                    v.visit_ref(r)
                }
            })
            .clear(|o| {
                common::node(o).refs.borrow_mut().clear();
            })
            .finalize(fin);
    let a = new_obj(T, 1);
    link(&a, &a);
    drop(a);
    assert_eq!(gc::collect(2), 1);
    assert_eq!(take_log(), ["inner 0"]);
}

#[test]
fn callbacks_see_start_and_stop() {
    clean();
    let hooks = pymm_mem::HostHooks {
        on_collection: Some(std::rc::Rc::new(|phase, info: pymm_mem::CollectionInfo| {
            log(format!(
                "{phase:?} {} {} {}",
                info.generation, info.collected, info.uncollectable
            ));
        })),
        ..Default::default()
    };
    pymm_mem::set_host_hooks(hooks);
    let a = new_node(1);
    link(&a, &a);
    drop(a);
    gc::collect(1);
    pymm_mem::set_host_hooks(Default::default());
    assert_eq!(take_log(), ["Start 1 0 0", "Stop 1 1 0"]);
}

#[test]
fn debug_stats_lines() {
    clean();
    let out = std::rc::Rc::new(std::cell::RefCell::new(String::new()));
    let o2 = out.clone();
    pymm_mem::set_host_hooks(pymm_mem::HostHooks {
        debug_write: Some(std::rc::Rc::new(move |s: &str| o2.borrow_mut().push_str(s))),
        ..Default::default()
    });
    gc::set_debug(gc::DEBUG_STATS | gc::DEBUG_COLLECTABLE);
    let a = new_node(1);
    link(&a, &a);
    let addr = a.as_obj().addr();
    drop(a);
    gc::collect(2);
    gc::set_debug(0);
    pymm_mem::set_host_hooks(Default::default());
    let s = out.borrow().clone();
    let lines: Vec<&str> = s.lines().collect();
    assert_eq!(lines[0], "gc: collecting generation 2...");
    assert_eq!(lines[1], "gc: objects in each generation: 1 0 0");
    assert_eq!(lines[2], "gc: objects in permanent generation: 0");
    assert_eq!(lines[3], format!("gc: collectable <Node {addr:#x}>"));
    assert!(
        lines[4].starts_with("gc: done, 1 unreachable, 0 uncollectable, "),
        "{}",
        lines[4]
    );
    assert!(lines[4].ends_with("s elapsed"));
}

#[test]
fn freeze_and_unfreeze() {
    clean();
    let keep: Vec<_> = (0..5).map(new_node).collect();
    gc::freeze();
    assert_eq!(gc::get_freeze_count(), 5);
    assert_eq!(gc::get_count(), (0, 0, 0));
    assert!(gc::get_objects(None).is_empty());
    gc::unfreeze();
    assert_eq!(gc::get_freeze_count(), 0);
    assert_eq!(gc::get_objects(Some(2)).len(), 5);
    drop(keep);
}

#[test]
fn full_collection_with_frozen_objects() {
    // A frozen object is outside every collection: what it references survives even
    // though no reference from a collected object explains its count, while garbage
    // next to it is still found. (With nothing frozen, full collections count
    // references in one walk; with frozen objects they take CPython's two.)
    clean();
    let holder = new_node(1);
    gc::freeze();
    let kept = new_node(2);
    link(&kept, &kept);
    link(&holder, &kept);
    drop(kept);
    let a = new_node(3);
    let b = new_node(4);
    link(&a, &b);
    link(&b, &a);
    drop((a, b));
    assert_eq!(gc::collect(2), 2);
    assert_eq!(
        gc::generation_len(2),
        1,
        "the cycle the frozen object holds"
    );
    gc::unfreeze();
    assert_eq!(gc::collect(2), 0);
    // The holder dies by reference counting; the self-cycle it held is garbage now.
    drop(holder);
    assert_eq!(gc::collect(2), 1);
    assert_eq!(gc::collect(2), 0);
}

#[test]
fn referents_and_referrers() {
    clean();
    let a = new_node(1);
    let b = new_node(2);
    let c = new_node(3);
    link(&a, &b);
    link(&a, &c);
    link(&c, &b);
    let r = gc::get_referents(&[a.as_obj()]);
    assert_eq!(r.len(), 2);
    assert!(r[0].is(&b) && r[1].is(&c));
    let who = gc::get_referrers(&[b.as_obj()], &[]);
    assert_eq!(who.len(), 2);
    let atom = new_obj(ATOM, 9);
    assert!(gc::get_referents(&[atom.as_obj()]).is_empty());
    assert!(!atom.as_obj().is_tracked());
}

#[test]
fn untrack_hints() {
    clean();
    fn always(_: pymm_mem::Obj<'_>) -> bool {
        true
    }
    fn tr(_: pymm_mem::Obj<'_>, _: &mut pymm_mem::Visitor<'_>) {}
    const TUPLE_LIKE: &pymm_mem::TypeInfo =
        &pymm_mem::TypeInfo::new("tuple", pymm_mem::BodyVTable::of::<Node>())
            .gc(tr)
            .untrack_hint(always, false);
    const DICT_LIKE: &pymm_mem::TypeInfo =
        &pymm_mem::TypeInfo::new("dict", pymm_mem::BodyVTable::of::<Node>())
            .gc(tr)
            .untrack_hint(always, true);
    let t = new_obj(TUPLE_LIKE, 1);
    let d = new_obj(DICT_LIKE, 2);
    gc::collect(1);
    assert!(
        !t.as_obj().is_tracked(),
        "tuples are untracked by any collection"
    );
    assert!(d.as_obj().is_tracked(), "dicts only by full collections");
    gc::collect(2);
    assert!(!d.as_obj().is_tracked());
}

#[test]
fn deep_chain_does_not_overflow_the_stack() {
    clean();
    // 1,000,000 nested containers freed by refcounting (CPython's trashcan).
    let mut head = new_node(0);
    for i in 1..1_000_000 {
        let n = new_node(i);
        link(&n, &head);
        head = n;
    }
    drop(head);
    assert_eq!(gc::generation_len(0), 0);
    assert_eq!(pymm_mem::allocated_blocks(), 0);
}

#[test]
fn deep_chain_collected_as_garbage() {
    clean();
    let first = new_node(0);
    let mut head = first.clone();
    for i in 1..300_000 {
        let n = new_node(i);
        link(&n, &head);
        head = n;
    }
    link(&first, &head);
    drop((first, head));
    assert_eq!(gc::collect(2), 300_000);
}

#[test]
fn objects_are_freed_immediately() {
    clean();
    let before = pymm_mem::allocated_blocks();
    let a = new_node(1);
    assert_eq!(pymm_mem::allocated_blocks(), before + 1);
    drop(a);
    assert_eq!(pymm_mem::allocated_blocks(), before);
}

/// A body without a weak-list head (like `list`), with the pre-header and the weak
/// list in front of the GC head (`TypeInfo::preheader_with_weaklist`): weak references
/// work on both deaths, the pre-header slots are released, and every block is freed.
#[derive(Debug)]
struct Plain {
    refs: RefCell<Vec<ObjRef>>,
}
impl pymm_mem::Body for Plain {}

fn plain_traverse(o: pymm_mem::Obj<'_>, v: &mut pymm_mem::Visitor<'_>) {
    if let Some(p) = o.preheader()
        && let Some(d) = p.dict.take()
    {
        v.visit_ref(&d);
        p.dict.set(Some(d));
    }
    for r in o.downcast::<Plain>().unwrap().refs.borrow().iter() {
        v.visit_ref(r);
    }
}
fn plain_clear(o: pymm_mem::Obj<'_>) {
    drop(o.preheader().and_then(|p| p.dict.take()));
    let refs = std::mem::take(&mut *o.downcast::<Plain>().unwrap().refs.borrow_mut());
    drop(refs);
}
const PLAIN_WEAK: &TypeInfo = &TypeInfo::new("PlainWeak", pymm_mem::BodyVTable::of::<Plain>())
    .gc(plain_traverse)
    .clear(plain_clear)
    .preheader_with_weaklist();

#[test]
fn weaklist_in_front_of_the_preheader() {
    clean();
    let new_plain = || {
        let o = ObjRef::new(
            PLAIN_WEAK,
            Plain {
                refs: RefCell::new(Vec::new()),
            },
        )
        .unwrap();
        o.track();
        o
    };
    // 32 bytes in front of the GC head: list head, padding, two pre-header slots.
    let a = new_plain();
    assert_eq!(a.as_obj().allocated_size(), 16 + 16 + 16 + 16 + 32);
    assert_eq!(a.as_obj().basic_size(), 16 + 32);
    // Refcount death: the weakref dies and its callback runs.
    let w = new_weakref(WEAKREF_TYPE, WeakKind::Ref, a.as_obj(), None).unwrap();
    let cb = pymm_mem::weakref::new_weakref_with_fn(a.as_obj(), |_| log("cb a")).unwrap();
    assert_eq!(pymm_mem::weakref::weakref_count(a.as_obj()), 2);
    a.as_obj().preheader().unwrap().dict.set(Some(new_node(7)));
    drop(a);
    assert!(weakref_body(w.as_obj()).unwrap().is_dead());
    assert_eq!(take_log(), ["cb a"]);
    drop((w, cb));
    // A cycle through a pre-header slot, found by a collection.
    let b = new_plain();
    let c = new_plain();
    b.as_obj().preheader().unwrap().dict.set(Some(c.clone()));
    c.as_obj()
        .downcast::<Plain>()
        .unwrap()
        .refs
        .borrow_mut()
        .push(b.clone());
    let wb = pymm_mem::weakref::new_weakref_with_fn(b.as_obj(), |_| log("cb b")).unwrap();
    drop((b, c));
    assert_eq!(gc::collect(2), 2);
    assert!(weakref_body(wb.as_obj()).unwrap().is_dead());
    assert_eq!(take_log(), ["cb b"]);
    drop(wb);
    gc::collect(2);
    assert_eq!(pymm_mem::allocated_blocks(), 0, "everything freed");
}

/// `TypeInfo::preheader_inline`: the pre-header's first word is an `InlineValues`
/// block (an instance's values array, as CPython 3.11's managed-dict objects keep it),
/// visited by the type's traverse, released with the object, and a cycle through it
/// is collected.
fn inline_traverse(o: pymm_mem::Obj<'_>, v: &mut pymm_mem::Visitor<'_>) {
    if let Some(values) = o.inline_values() {
        values.visit(v);
    }
}
fn inline_clear(o: pymm_mem::Obj<'_>) {
    if let Some(values) = o.inline_values() {
        values.clear();
    }
}
const INLINE: &TypeInfo = &TypeInfo::new("Inline", pymm_mem::BodyVTable::of::<Plain>())
    .gc(inline_traverse)
    .clear(inline_clear)
    .preheader_inline();

#[test]
fn inline_values_in_the_preheader() {
    clean();
    let new_inline = |cap: usize| {
        let o = ObjRef::new(
            INLINE,
            Plain {
                refs: RefCell::new(Vec::new()),
            },
        )
        .unwrap();
        let values = o.as_obj().inline_values().expect("an inline type");
        assert!(values.is_empty() && values.capacity() == 0);
        values.install(pymm_mem::InlineValues::with_capacity(cap, 1).unwrap());
        o.track();
        o
    };
    let a = new_inline(3);
    // The values block is a word of the pre-header, which has no other first word.
    assert_eq!(
        a.as_obj().allocated_size(),
        16 + 16 + 16 + std::mem::size_of::<Plain>()
    );
    assert!(a.as_obj().preheader_values().is_none());
    assert!(!a.as_obj().preheader().unwrap().is_empty());
    let values = a.as_obj().inline_values().unwrap();
    assert!(values.set(1, new_node(5)).unwrap().is_none());
    assert!(values.set_slot(0, Some(new_node(6))).unwrap().is_none());
    assert_eq!(values.order(), [1]);
    drop(a);
    // A cycle through the values block.
    let b = new_inline(2);
    let c = new_inline(2);
    assert!(
        b.as_obj()
            .inline_values()
            .unwrap()
            .set(0, c.clone())
            .is_ok()
    );
    assert!(
        c.as_obj()
            .inline_values()
            .unwrap()
            .set(1, b.clone())
            .is_ok()
    );
    drop((b, c));
    assert_eq!(gc::collect(2), 2);
    assert_eq!(pymm_mem::allocated_blocks(), 0, "everything freed");
}
