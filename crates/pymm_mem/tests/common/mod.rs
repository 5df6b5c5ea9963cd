//! A small object model for tests, used the way an interpreter uses pymm_mem:
//! `Node` objects hold a list of strong references, can be weakly referenced,
//! and record finalizer calls in a thread-local log.
#![allow(dead_code)]

use std::cell::RefCell;

use pymm_mem::weakref::WeakListHead;
use pymm_mem::{Body, BodyVTable, Obj, ObjRef, TypeInfo, Visitor};

pub struct Node {
    pub id: u32,
    pub refs: RefCell<Vec<ObjRef>>,
    pub weaklist: WeakListHead,
}
impl Body for Node {}

thread_local! {
    pub static LOG: RefCell<Vec<String>> = const { RefCell::new(Vec::new()) };
    /// Objects a finalizer stores to resurrect them.
    pub static LAZARUS: RefCell<Vec<ObjRef>> = const { RefCell::new(Vec::new()) };
}

pub fn log(s: impl Into<String>) {
    LOG.with(|l| l.borrow_mut().push(s.into()));
}
pub fn take_log() -> Vec<String> {
    LOG.with(|l| std::mem::take(&mut *l.borrow_mut()))
}

pub fn node(o: Obj<'_>) -> &Node {
    o.downcast::<Node>().expect("a Node")
}

fn traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    for r in node(o).refs.borrow().iter() {
        v.visit_ref(r);
    }
}
fn clear(o: Obj<'_>) {
    let v = std::mem::take(&mut *node(o).refs.borrow_mut());
    drop(v);
}
fn weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    Some(&node(o).weaklist)
}
fn finalize(o: Obj<'_>) {
    log(format!("del {}", node(o).id));
}
fn finalize_resurrect(o: Obj<'_>) {
    log(format!("del {}", node(o).id));
    LAZARUS.with(|l| l.borrow_mut().push(o.to_owned()));
}
fn legacy(o: Obj<'_>) {
    log(format!("tp_del {}", node(o).id));
}

pub const NODE: &TypeInfo = &TypeInfo::new("Node", BodyVTable::of::<Node>())
    .gc(traverse)
    .clear(clear)
    .weakrefable(weaklist);
pub const NODE_DEL: &TypeInfo = &TypeInfo::new("NodeDel", BodyVTable::of::<Node>())
    .gc(traverse)
    .clear(clear)
    .weakrefable(weaklist)
    .finalize(finalize);
pub const NODE_LAZARUS: &TypeInfo = &TypeInfo::new("NodeLazarus", BodyVTable::of::<Node>())
    .gc(traverse)
    .clear(clear)
    .weakrefable(weaklist)
    .finalize(finalize_resurrect);
pub const NODE_LEGACY: &TypeInfo = &TypeInfo::new("NodeLegacy", BodyVTable::of::<Node>())
    .gc(traverse)
    .clear(clear)
    .weakrefable(weaklist)
    .legacy_del(legacy);
/// Not a GC type (like int or str): never tracked.
pub const ATOM: &TypeInfo = &TypeInfo::new("Atom", BodyVTable::of::<Node>());

pub fn new_obj(ty: &'static TypeInfo, id: u32) -> ObjRef {
    let o = ObjRef::new(
        ty,
        Node {
            id,
            refs: RefCell::new(Vec::new()),
            weaklist: WeakListHead::new(),
        },
    )
    .unwrap();
    o.track();
    o
}
pub fn new_node(id: u32) -> ObjRef {
    new_obj(NODE, id)
}
pub fn link(a: &ObjRef, b: &ObjRef) {
    node(a.as_obj()).refs.borrow_mut().push(b.clone());
}
/// Starts from a clean state: automatic collection off, everything old collected.
pub fn clean() {
    pymm_mem::gc::disable();
    pymm_mem::gc::collect(2);
    take_log();
}
