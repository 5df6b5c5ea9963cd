//! Model-based property test of the collector: random sequences of
//! allocate / link / unlink / incref / decref / weakref / collect, with
//! automatic collections at a small threshold, checked against a plain
//! reachability model:
//! - after a full collection exactly the objects unreachable from the roots are gone;
//! - no reachable object is ever touched (its references stay intact);
//! - every finalizer runs at most once, and exactly once for a dead object;
//! - weak references to dead objects are dead, and their callbacks ran once;
//! - with prefetching forced on or off (`gc::set_prefetch`), every list the
//!   collector leaves behind has the same order, and finalizers and callbacks run in
//!   the same order.

mod common;
use common::*;
use proptest::prelude::*;
use pymm_mem::weakref::{WEAKREF_TYPE, WeakKind, new_weakref, weakref_body};
use pymm_mem::{ObjRef, gc};
use std::collections::{BTreeMap, BTreeSet};

#[derive(Debug, Clone)]
enum Op {
    Alloc { finalizer: bool },
    Link(usize, usize),
    Unlink(usize, usize),
    CloneRoot(usize),
    DropRoot(usize),
    WeakCallback(usize),
    Collect(usize),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => any::<bool>().prop_map(|finalizer| Op::Alloc { finalizer }),
        4 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::Link(a, b)),
        1 => (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Op::Unlink(a, b)),
        1 => any::<usize>().prop_map(Op::CloneRoot),
        3 => any::<usize>().prop_map(Op::DropRoot),
        1 => any::<usize>().prop_map(Op::WeakCallback),
        1 => (0usize..3).prop_map(Op::Collect),
    ]
}

struct World {
    /// Strong handles the test holds: (object id, handle).
    roots: Vec<(u32, ObjRef)>,
    /// Model: id -> out-edges (ids), for objects the model considers possibly alive.
    edges: BTreeMap<u32, Vec<u32>>,
    /// id -> basic weakref (no callback), kept for every object ever made.
    weak: BTreeMap<u32, ObjRef>,
    /// Weakrefs with callbacks: (referent id, weakref, callback tag).
    weak_cb: Vec<(u32, ObjRef, String)>,
    has_finalizer: BTreeSet<u32>,
    next_id: u32,
}

impl World {
    fn reachable(&self) -> BTreeSet<u32> {
        let mut seen = BTreeSet::new();
        let mut stack: Vec<u32> = self.roots.iter().map(|r| r.0).collect();
        while let Some(id) = stack.pop() {
            if seen.insert(id) {
                stack.extend(self.edges[&id].iter().copied());
            }
        }
        seen
    }

    fn live_handle(&self, id: u32) -> Option<ObjRef> {
        weakref_body(self.weak[&id].as_obj()).unwrap().upgrade()
    }

    /// Reachable objects are alive and untouched.
    fn check_reachable_intact(&self) -> Result<(), TestCaseError> {
        for id in self.reachable() {
            let h = self.live_handle(id);
            prop_assert!(h.is_some(), "reachable object {id} is dead");
            let h = h.unwrap();
            let got: Vec<u32> = node(h.as_obj())
                .refs
                .borrow()
                .iter()
                .map(|r| node(r.as_obj()).id)
                .collect();
            prop_assert_eq!(&got, &self.edges[&id], "edges of reachable {} changed", id);
        }
        Ok(())
    }
}

/// The ids of the tracked nodes, generation by generation, in list order.
fn generations() -> String {
    (0..3)
        .map(|g| {
            gc::get_objects(Some(g))
                .iter()
                .map(|o| match o.as_obj().downcast::<Node>() {
                    Some(n) => n.id.to_string(),
                    None => "w".to_string(),
                })
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Runs `ops` under the prefetch mode `mode`; returns what a user could observe in
/// order: the finalizer and callback log, and the generations after each collection.
fn run(ops: Vec<Op>, mode: gc::Prefetch) -> Result<Vec<String>, TestCaseError> {
    clean();
    let before = gc::set_prefetch(mode);
    let result = run_ops(ops);
    gc::set_prefetch(before);
    result
}

fn run_ops(ops: Vec<Op>) -> Result<Vec<String>, TestCaseError> {
    let mut trace = Vec::new();
    gc::enable();
    gc::set_threshold(5, Some(2), Some(2));
    let mut w = World {
        roots: Vec::new(),
        edges: BTreeMap::new(),
        weak: BTreeMap::new(),
        weak_cb: Vec::new(),
        has_finalizer: BTreeSet::new(),
        next_id: 0,
    };
    for op in ops {
        match op {
            Op::Alloc { finalizer } => {
                let id = w.next_id;
                w.next_id += 1;
                let o = new_obj(if finalizer { NODE_DEL } else { NODE }, id);
                if finalizer {
                    w.has_finalizer.insert(id);
                }
                let wr = new_weakref(WEAKREF_TYPE, WeakKind::Ref, o.as_obj(), None).unwrap();
                w.weak.insert(id, wr);
                w.edges.insert(id, Vec::new());
                w.roots.push((id, o));
            }
            Op::Link(a, b) if !w.roots.is_empty() => {
                let reach: Vec<u32> = w.reachable().into_iter().collect();
                let (ia, ib) = (reach[a % reach.len()], reach[b % reach.len()]);
                let (ha, hb) = (w.live_handle(ia).unwrap(), w.live_handle(ib).unwrap());
                link(&ha, &hb);
                w.edges.get_mut(&ia).unwrap().push(ib);
            }
            Op::Unlink(a, k) if !w.roots.is_empty() => {
                let reach: Vec<u32> = w.reachable().into_iter().collect();
                let ia = reach[a % reach.len()];
                let n = w.edges[&ia].len();
                if n > 0 {
                    let k = k % n;
                    w.edges.get_mut(&ia).unwrap().remove(k);
                    let ha = w.live_handle(ia).unwrap();
                    let removed = node(ha.as_obj()).refs.borrow_mut().remove(k);
                    drop(removed);
                }
            }
            Op::CloneRoot(i) if !w.roots.is_empty() => {
                let r = w.roots[i % w.roots.len()].clone();
                w.roots.push(r);
            }
            Op::DropRoot(i) if !w.roots.is_empty() => {
                let r = w.roots.swap_remove(i % w.roots.len());
                drop(r);
            }
            Op::WeakCallback(i) if !w.roots.is_empty() => {
                let (id, h) = w.roots[i % w.roots.len()].clone();
                let tag = format!("cb {id} {}", w.weak_cb.len());
                let t2 = tag.clone();
                let wr =
                    pymm_mem::weakref::new_weakref_with_fn(h.as_obj(), move |_| log(t2.clone()))
                        .unwrap();
                w.weak_cb.push((id, wr, tag));
            }
            Op::Collect(g) => {
                let n = gc::collect(g);
                trace.push(format!("collect({g}) = {n}: {}", generations()));
            }
            _ => {}
        }
        w.check_reachable_intact()?;
        // Finalizers never run twice.
        let log_now = LOG.with(|l| l.borrow().clone());
        let mut dels = BTreeMap::<&str, usize>::new();
        for e in &log_now {
            if e.starts_with("del ") {
                *dels.entry(e.as_str()).or_default() += 1;
            }
        }
        prop_assert!(
            dels.values().all(|&n| n == 1),
            "a finalizer ran twice: {:?}",
            dels
        );
    }
    // A full collection: exactly the unreachable objects are gone.
    let n = gc::collect(2);
    trace.push(format!("final collect = {n}: {}", generations()));
    let reach = w.reachable();
    let log_now = take_log();
    trace.extend(log_now.iter().cloned());
    for (&id, wr) in &w.weak {
        let dead = weakref_body(wr.as_obj()).unwrap().is_dead();
        prop_assert_eq!(
            dead,
            !reach.contains(&id),
            "object {} dead={} reachable={}",
            id,
            dead,
            reach.contains(&id)
        );
        if w.has_finalizer.contains(&id) {
            let ran = log_now
                .iter()
                .filter(|e| **e == format!("del {id}"))
                .count();
            prop_assert_eq!(
                ran,
                usize::from(dead),
                "finalizer of {} ran {} times",
                id,
                ran
            );
        }
    }
    for (id, wr, tag) in &w.weak_cb {
        let dead = weakref_body(wr.as_obj()).unwrap().is_dead();
        prop_assert_eq!(dead, !reach.contains(id));
        let ran = log_now.iter().filter(|e| *e == tag).count();
        prop_assert_eq!(ran, usize::from(dead), "callback {} ran {} times", tag, ran);
    }
    w.check_reachable_intact()?;
    // Tracked objects: the reachable nodes plus every weakref still held.
    let tracked = gc::get_objects(None).len();
    prop_assert_eq!(tracked, reach.len() + w.weak.len() + w.weak_cb.len());
    drop(w);
    gc::collect(2);
    prop_assert_eq!(
        pymm_mem::allocated_blocks(),
        0,
        "everything freed at the end"
    );
    gc::set_threshold(700, Some(10), Some(10));
    Ok(trace)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]
    #[test]
    fn collector_matches_reachability_model(
        ops in proptest::collection::vec(op(), 1..120),
        mode in prop_oneof![
            Just(gc::Prefetch::Auto),
            Just(gc::Prefetch::Always),
            Just(gc::Prefetch::Never),
        ],
    ) {
        run(ops, mode)?;
    }

    #[test]
    fn prefetching_changes_no_order(ops in proptest::collection::vec(op(), 1..120)) {
        let with = run(ops.clone(), gc::Prefetch::Always)?;
        let without = run(ops, gc::Prefetch::Never)?;
        prop_assert_eq!(with, without);
    }
}

/// A heap with a container larger than the collector's read-ahead takes
/// (`EdgeQueue::PER_OBJECT`), chains whose members become reachable only after the
/// read-ahead passed them, and garbage cycles: the same lists and counts with and
/// without prefetching.
#[test]
fn prefetching_with_large_containers_changes_no_order() {
    fn build_and_collect(mode: gc::Prefetch) -> Vec<String> {
        clean();
        let before = gc::set_prefetch(mode);
        gc::disable();
        let hub = new_node(0);
        let mut trace = Vec::new();
        let nodes: Vec<ObjRef> = (1..=1000).map(new_node).collect();
        // Each node refers to a node far away, and every third one to the hub.
        for (i, n) in nodes.iter().enumerate() {
            link(n, &nodes[(i * 7919) % nodes.len()]);
            if i % 3 == 0 {
                link(n, &hub);
            }
        }
        for n in nodes.iter().take(600) {
            link(&hub, n);
        }
        // Garbage: rings of three, unreachable once `rings` is dropped.
        let rings: Vec<ObjRef> = (2000..2300).map(new_node).collect();
        for c in rings.chunks(3) {
            for i in 0..c.len() {
                link(&c[i], &c[(i + 1) % c.len()]);
            }
        }
        drop(rings);
        // The nodes not held by the hub are kept only by references from other nodes.
        let kept: Vec<ObjRef> = nodes.iter().take(10).cloned().collect();
        drop(nodes);
        for g in [0, 1, 2, 2] {
            let n = gc::collect(g);
            trace.push(format!("collect({g}) = {n}: {}", generations()));
        }
        drop(kept);
        drop(hub);
        trace.push(format!("last = {}", gc::collect(2)));
        gc::enable();
        gc::set_prefetch(before);
        assert_eq!(
            pymm_mem::allocated_blocks(),
            0,
            "everything freed at the end"
        );
        trace
    }
    let without = build_and_collect(gc::Prefetch::Never);
    assert!(
        without[0].starts_with("collect(0) = 300:"),
        "{}",
        without[0]
    );
    assert_eq!(build_and_collect(gc::Prefetch::Always), without);
    assert_eq!(build_and_collect(gc::Prefetch::Auto), without);
}
