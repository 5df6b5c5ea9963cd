use pymm_mem::{Gc, Trace, Visitor, gc};
use std::cell::RefCell;

struct Node {
    next: RefCell<Option<Gc<Node>>>,
}
// SAFETY: visits every handle the value owns.
unsafe impl Trace for Node {
    fn trace(&self, v: &mut Visitor<'_>) {
        self.next.trace(v)
    }
}

#[test]
fn self_cycle_is_collected() {
    gc::collect(2);
    let a = Gc::new(Node {
        next: RefCell::new(None),
    });
    *a.next.borrow_mut() = Some(a.clone());
    drop(a);
    assert_eq!(gc::collect(2), 1);
    assert_eq!(gc::collect(2), 0);
}

#[test]
fn ring_collected() {
    gc::collect(2);
    let first = Gc::new(Node {
        next: RefCell::new(None),
    });
    let mut cur = first.clone();
    for _ in 0..99 {
        let n = Gc::new(Node {
            next: RefCell::new(None),
        });
        *cur.next.borrow_mut() = Some(n.clone());
        cur = n;
    }
    *cur.next.borrow_mut() = Some(first.clone());
    drop(cur);
    assert_eq!(gc::collect(2), 0);
    drop(first);
    assert_eq!(gc::collect(2), 100);
    assert_eq!(pymm_mem::allocated_blocks(), 0);
}
