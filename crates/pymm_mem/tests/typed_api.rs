//! The typed API (`Gc<T>`, `Weak<T>`, `Finalize`): layout, drop-exactly-once on both
//! death paths, weak references, resurrection and use of a value the collector dropped.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pymm_mem::{Finalize, Gc, Trace, Visitor, gc};

thread_local! {
    static DROPS: Cell<usize> = const { Cell::new(0) };
    static SAW_DROPPED_NEIGHBOUR: Cell<usize> = const { Cell::new(0) };
    static KEEP: RefCell<Vec<Gc<Fin>>> = const { RefCell::new(Vec::new()) };
}

struct Node {
    next: RefCell<Option<Gc<Node>>>,
    /// Dereference `next` (with `Deref`, which panics on a dropped value) when dropped.
    deref_next_on_drop: bool,
}

impl Node {
    fn new() -> Gc<Node> {
        Gc::new(Node {
            next: RefCell::new(None),
            deref_next_on_drop: false,
        })
    }
}

impl Drop for Node {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
        if let Some(n) = self.next.borrow().as_ref() {
            if n.try_get().is_none() {
                SAW_DROPPED_NEIGHBOUR.with(|d| d.set(d.get() + 1));
            }
            if self.deref_next_on_drop {
                let _ = n.deref_next_on_drop;
            }
        }
    }
}

// SAFETY: visits the one handle a Node owns.
unsafe impl Trace for Node {
    fn trace(&self, v: &mut Visitor<'_>) {
        self.next.trace(v)
    }
}

fn drops() -> usize {
    DROPS.with(Cell::get)
}

fn reset() {
    gc::collect(2);
    DROPS.with(|d| d.set(0));
    SAW_DROPPED_NEIGHBOUR.with(|d| d.set(0));
}

#[test]
fn layout_is_gc_head_header_weaklist_value() {
    reset();
    let a = Gc::new(7u64);
    // 16 (GC head) + 16 (refcount, type) + 8 (weak list) + 8 (value): no flag word.
    assert_eq!(a.as_obj().allocated_size(), 48);
    let n = Node::new();
    assert_eq!(
        n.as_obj().allocated_size(),
        40 + core::mem::size_of::<Node>()
    );
    assert!(Gc::is_tracked(&a));
}

#[test]
fn refcount_death_drops_once() {
    reset();
    let a = Node::new();
    let b = Node::new();
    *a.next.borrow_mut() = Some(b.clone());
    drop(b);
    assert_eq!(drops(), 0);
    drop(a);
    assert_eq!(drops(), 2);
    assert_eq!(gc::collect(2), 0);
    assert_eq!(drops(), 2);
    assert_eq!(pymm_mem::allocated_blocks(), 0);
}

#[test]
fn collected_cycle_drops_each_value_once() {
    reset();
    let a = Node::new();
    let b = Node::new();
    let c = Node::new();
    *a.next.borrow_mut() = Some(b.clone());
    *b.next.borrow_mut() = Some(c.clone());
    *c.next.borrow_mut() = Some(a.clone());
    drop((a, b, c));
    assert_eq!(drops(), 0);
    assert_eq!(gc::collect(2), 3);
    assert_eq!(drops(), 3);
    // Exactly one value saw its neighbour already dropped: the cycle is broken by
    // clearing the first object, whose neighbour is then freed by reference counting
    // and sees the first one's value gone.
    assert_eq!(SAW_DROPPED_NEIGHBOUR.with(Cell::get), 1);
    assert_eq!(pymm_mem::allocated_blocks(), 0);
}

#[test]
fn deref_of_a_dropped_value_panics_and_the_heap_stays_consistent() {
    reset();
    let a = Gc::new(Node {
        next: RefCell::new(None),
        deref_next_on_drop: true,
    });
    let b = Gc::new(Node {
        next: RefCell::new(None),
        deref_next_on_drop: true,
    });
    *a.next.borrow_mut() = Some(b.clone());
    *b.next.borrow_mut() = Some(a.clone());
    drop((a, b));
    let r = std::panic::catch_unwind(|| gc::collect(2));
    let msg = r.expect_err("the drop dereferenced a dropped value");
    let msg = msg.downcast_ref::<String>().cloned().unwrap_or_default();
    assert!(
        msg.contains("dereferenced after the cycle collector dropped its value"),
        "{msg}"
    );
    assert_eq!(drops(), 2);
    assert_eq!(gc::collect(2), 0);
    assert_eq!(pymm_mem::allocated_blocks(), 0);
}

#[test]
fn weak_handles_die_with_the_cycle_and_callbacks_run() {
    reset();
    let a = Node::new();
    *a.next.borrow_mut() = Some(a.clone());
    let fired = Rc::new(Cell::new(0));
    let f = fired.clone();
    let w = Gc::downgrade_with_callback(&a, move |w| {
        assert!(w.is_dead());
        f.set(f.get() + 1);
    });
    let plain = Gc::downgrade(&a);
    assert!(Gc::ptr_eq(&plain.upgrade().unwrap(), &a));
    drop(a);
    assert!(!w.is_dead());
    assert_eq!(gc::collect(2), 1);
    assert!(w.is_dead() && plain.is_dead());
    assert!(w.upgrade().is_none() && plain.upgrade().is_none());
    assert_eq!(fired.get(), 1);
    drop((w, plain));
    assert_eq!(pymm_mem::allocated_blocks(), 0);
}

/// On a reference-count death the weak handles are cleared first, then their callbacks run,
/// before the value is dropped (`subtype_dealloc` clears weak references before the
/// instance's contents); as in CPython, a newer callback reference sits nearer the front of
/// the list than an older one, so its callback runs first.
#[test]
fn weak_handles_die_on_the_refcount_path_and_callbacks_run_in_order() {
    reset();
    let a = Node::new();
    let order = Rc::new(RefCell::new(Vec::new()));
    let (o1, o2) = (order.clone(), order.clone());
    let w1 = Gc::downgrade_with_callback(&a, move |w| {
        assert!(w.is_dead());
        o1.borrow_mut().push((1, drops()));
    });
    let w2 = Gc::downgrade_with_callback(&a, move |_| o2.borrow_mut().push((2, drops())));
    let plain = Gc::downgrade(&a);
    drop(a);
    assert!(w1.is_dead() && w2.is_dead() && plain.is_dead());
    assert_eq!(*order.borrow(), vec![(2, 0), (1, 0)]);
    assert_eq!(drops(), 1);
    drop((w1, w2, plain));
    assert_eq!(pymm_mem::allocated_blocks(), 0);
}

/// A 50,000-long chain of handles freed by reference counting: the trashcan keeps the
/// native stack flat (a recursive drop of 50,000 nodes overflows a test thread's 2 MiB
/// stack) and every value is dropped once.
#[test]
fn a_deep_chain_dies_without_deep_recursion() {
    reset();
    let mut head = Node::new();
    for _ in 1..50_000 {
        let n = Node::new();
        *n.next.borrow_mut() = Some(head);
        head = n;
    }
    drop(head);
    assert_eq!(drops(), 50_000);
    assert_eq!(gc::collect(2), 0);
    assert_eq!(pymm_mem::allocated_blocks(), 0);
}

struct Fin {
    me: RefCell<Option<Gc<Fin>>>,
    finalized: Cell<usize>,
}

// SAFETY: visits the one handle a Fin owns.
unsafe impl Trace for Fin {
    fn trace(&self, v: &mut Visitor<'_>) {
        self.me.trace(v)
    }
}

impl Finalize for Fin {
    fn finalize(&self) {
        self.finalized.set(self.finalized.get() + 1);
        // Resurrect the cycle by storing a handle somewhere reachable.
        let me = self.me.borrow().clone();
        if let Some(me) = me {
            KEEP.with(|k| k.borrow_mut().push(me));
        }
    }
}

#[test]
fn finalizer_runs_once_and_may_resurrect() {
    reset();
    let a = Gc::new_finalized(Fin {
        me: RefCell::new(None),
        finalized: Cell::new(0),
    });
    *a.me.borrow_mut() = Some(a.clone());
    let w = Gc::downgrade(&a);
    drop(a);
    // Resurrected: nothing is collected, the value is intact.
    assert_eq!(gc::collect(2), 0);
    let back = KEEP.with(|k| k.borrow_mut().pop()).expect("resurrected");
    assert_eq!(back.finalized.get(), 1);
    assert!(Gc::is_finalized(&back));
    // A weak reference to an object found in cyclic garbage is cleared even when the
    // object is resurrected (CPython's handle_weakrefs runs before the finalizers).
    assert!(w.upgrade().is_none());
    drop((back, w));
    // Second time: the finalizer does not run again, the cycle is collected.
    assert_eq!(gc::collect(2), 1);
    assert_eq!(pymm_mem::allocated_blocks(), 0);
}

/// A panic in a value's `Drop` during a reference-count death is held until the object
/// is freed, then reaches the code that dropped the last handle; the heap stays
/// consistent and usable.
#[test]
fn a_panic_in_drop_reaches_the_dropper_after_the_object_is_freed() {
    struct Boom;
    impl Drop for Boom {
        fn drop(&mut self) {
            panic!("boom");
        }
    }
    // SAFETY: Boom holds no handles.
    unsafe impl Trace for Boom {
        fn trace(&self, _v: &mut Visitor<'_>) {}
    }
    gc::collect(2);
    let before = pymm_mem::allocated_blocks();
    for _ in 0..2 {
        let g = Gc::new(Boom);
        let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| drop(g)));
        let msg = r.expect_err("the panic reaches the dropper");
        assert_eq!(msg.downcast_ref::<&str>(), Some(&"boom"));
        assert_eq!(pymm_mem::allocated_blocks(), before, "the block is freed");
    }
    // Nothing is left pending: an ordinary death afterwards does not panic.
    drop(Node::new());
}
