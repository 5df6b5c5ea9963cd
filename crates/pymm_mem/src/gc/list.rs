//! Intrusive circular doubly-linked lists of GC heads (`gc_list_*` in
//! `Modules/gcmodule.c`). A list is a sentinel head; an object is in at most
//! one list; `_gc_next == 0` means "in no list" (untracked).
//!
//! These functions take raw heads: every pointer handed to them is a live GC
//! head (an object's or a sentinel's), which is the collector's invariant.

use crate::header::GcHead;
use crate::runtime::Runtime;

#[inline]
fn h<'a>(p: *const GcHead) -> &'a GcHead {
    // SAFETY: list functions are only called with live heads (module invariant).
    unsafe { &*p }
}

pub(crate) fn init(head: &GcHead) {
    head.next.set(head as *const GcHead as usize);
    head.prev.set(head as *const GcHead as usize);
}

pub(crate) fn is_empty(head: &GcHead) -> bool {
    core::ptr::eq(head.next_ptr(), head)
}

/// Appends `node` at the tail of `list`.
#[inline]
pub(crate) fn append(node: &GcHead, list: *const GcHead) {
    let list = h(list);
    let last = list.prev_ptr();
    node.set_prev(last);
    h(last).set_next(node);
    node.set_next(list);
    list.prev.set(node as *const GcHead as usize);
}

/// Unlinks `node` (which must be in a list with valid prev pointers) and marks it untracked.
#[inline]
pub(crate) fn remove(node: &GcHead) {
    let prev = node.prev_ptr();
    let next = node.next_ptr();
    h(prev).set_next(next);
    h(next).set_prev(prev);
    node.next.set(0);
}

/// Moves `node` from its list to the tail of `list`.
#[inline]
pub(crate) fn move_to(node: &GcHead, list: *const GcHead) {
    let prev = node.prev_ptr();
    let next = node.next_ptr();
    h(prev).set_next(next);
    h(next).set_prev(prev);
    let list = h(list);
    let last = list.prev_ptr();
    node.set_prev(last);
    h(last).set_next(node);
    node.set_next(list);
    list.prev.set(node as *const GcHead as usize);
}

/// Appends all of `from` to `to` and empties `from`.
pub(crate) fn merge(from: &GcHead, to: &GcHead) {
    if !is_empty(from) {
        let to_tail = to.prev_ptr();
        let from_head = from.next_ptr();
        let from_tail = from.prev_ptr();
        h(to_tail).set_next(from_head);
        h(from_head).set_prev(to_tail);
        h(from_tail).set_next(to);
        to.set_prev(from_tail);
    }
    init(from);
}

pub(crate) fn size(head: &GcHead) -> usize {
    let mut n = 0;
    let mut g = head.next_ptr();
    while !core::ptr::eq(g, head) {
        n += 1;
        g = h(g).next_ptr();
    }
    n
}

/// Iterates over the heads of a list whose links are intact.
pub(crate) fn iter(head: &GcHead) -> impl Iterator<Item = *const GcHead> + '_ {
    let end = head as *const GcHead;
    let mut g = head.next_ptr();
    core::iter::from_fn(move || {
        if g == end {
            None
        } else {
            let cur = g;
            g = h(g).next_ptr();
            Some(cur)
        }
    })
}

/// `_PyObject_GC_TRACK`: append to generation 0.
#[inline]
pub(crate) fn track(rt: &Runtime, g: &GcHead) {
    append(g, rt.gc.gen_head(0));
}

/// `_PyObject_GC_UNTRACK`: unlink and keep only the sticky bits (FINALIZED).
#[inline]
pub(crate) fn untrack(g: &GcHead) {
    remove(g);
    g.prev.set(g.prev.get() & crate::header::PREV_MASK_STICKY);
}
