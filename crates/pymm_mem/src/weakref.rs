//! Weak references (CPython's `Objects/weakrefobject.c`).
//!
//! A weak reference is a GC object whose body is a [`WeakRefBody`]: the
//! referent (not counted), an optional callback, the cached hash and the links
//! of the referent's doubly-linked list of weak references. The list head
//! lives in the referent's body ([`WeakListHead`], CPython's
//! `tp_weaklistoffset`); its order is CPython's: the shared basic ref, the
//! shared basic proxy, then the others newest first.
//!
//! When the referent dies on the refcount path every weakref is cleared first,
//! then the callbacks run in list order with the weakref as argument
//! (`PyObject_ClearWeakRefs`). During a collection the collector clears them
//! and decides which callbacks run (`handle_weakrefs`).

use core::cell::Cell;
use core::ptr::NonNull;

use crate::header::ObjHeader;
use crate::object::{Obj, ObjRef, header};
use crate::obmalloc::AllocError;
use crate::runtime::{Runtime, guarded};
use crate::typeinfo::{Body, BodyVTable, TypeInfo};
use crate::visit::Visitor;

/// The head of an object's weak-reference list (one pointer, `NULL` when empty).
#[derive(Debug, Default)]
pub struct WeakListHead {
    first: Cell<Option<NonNull<ObjHeader>>>,
}

impl WeakListHead {
    /// An empty list.
    pub const fn new() -> Self {
        WeakListHead {
            first: Cell::new(None),
        }
    }
    /// The first weak reference.
    pub fn first(&self) -> Option<Obj<'_>> {
        self.first.get().map(Obj::new)
    }
    /// Whether no weak reference points to the object.
    pub fn is_empty(&self) -> bool {
        self.first.get().is_none()
    }
}

/// What a weak reference was made as; decides sharing and list position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub enum WeakKind {
    /// An exact `weakref.ref`: shared when it has no callback.
    Ref = 0,
    /// An exact proxy: shared when it has no callback.
    Proxy = 1,
    /// A subclass instance: never shared.
    Subclass = 2,
}

/// The body of a weak reference (with header and GC head: 80 bytes, as CPython's).
#[repr(C)]
pub struct WeakRefBody {
    object: Cell<Option<NonNull<ObjHeader>>>,
    callback: Cell<Option<ObjRef>>,
    hash: Cell<isize>,
    prev: Cell<Option<NonNull<ObjHeader>>>,
    next: Cell<Option<NonNull<ObjHeader>>>,
    kind: Cell<usize>,
}

const _: () = assert!(core::mem::size_of::<WeakRefBody>() == 48);

impl Body for WeakRefBody {}

impl core::fmt::Debug for WeakRefBody {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("WeakRefBody")
            .field("object", &self.object.get())
            .field("has_callback", &self.callback().is_some())
            .field("hash", &self.hash.get())
            .field("kind", &self.kind())
            .finish()
    }
}

impl WeakRefBody {
    /// The cached hash (`-1` if not computed).
    pub fn hash(&self) -> isize {
        self.hash.get()
    }
    /// Caches the hash.
    pub fn set_hash(&self, h: isize) {
        self.hash.set(h);
    }
    /// The kind it was created as.
    pub fn kind(&self) -> WeakKind {
        match self.kind.get() {
            0 => WeakKind::Ref,
            1 => WeakKind::Proxy,
            _ => WeakKind::Subclass,
        }
    }
    /// Whether the referent is gone.
    pub fn is_dead(&self) -> bool {
        self.object.get().is_none()
    }
    /// A strong reference to the referent, if alive (`PyWeakref_GetObject` + incref).
    pub fn upgrade(&self) -> Option<ObjRef> {
        self.object.get().map(|p| Obj::new(p).to_owned())
    }
    /// The callback (`__callback__`).
    pub fn callback(&self) -> Option<ObjRef> {
        let cb = self.callback.take();
        let r = cb.clone();
        self.callback.set(cb);
        r
    }
}

fn body<'a>(wr: Obj<'a>) -> &'a WeakRefBody {
    wr.downcast::<WeakRefBody>()
        .expect("a weakref type whose body is not a WeakRefBody")
}

/// The traverse hook of weak-reference types: visits the callback. A subtype's own
/// hook calls it before visiting what it adds.
pub fn weakref_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    let b = body(o);
    let cb = b.callback.take();
    v.visit_opt(cb.as_ref());
    b.callback.set(cb);
}

/// The clear hook of weak-reference types: the reference dies (it is unlinked from its
/// referent's list). A subtype's own hook calls it before clearing what it adds.
pub fn weakref_clear(o: Obj<'_>) {
    clear_weakref(o);
}

/// A weak-reference type named `name` (the embedding runtime makes its proxy and subclass
/// types with this, adding hooks as it needs).
pub const fn weakref_type_info(name: &'static str) -> TypeInfo {
    TypeInfo::new(name, BodyVTable::of::<WeakRefBody>())
        .gc(weakref_traverse)
        .clear(weakref_clear)
        .weakref_type()
}

/// The type of instances of a subclass of a weak-reference type (`class R(weakref.ref)`):
/// a [`weakref_type_info`] with a pre-header for the instance's attributes, whose
/// traverse and clear also cover the pre-header slots.
pub const fn weakref_subtype_info(name: &'static str) -> TypeInfo {
    TypeInfo::new(name, BodyVTable::of::<WeakRefBody>())
        .gc(weakref_subtype_traverse)
        .clear(weakref_subtype_clear)
        .weakref_type()
        .preheader()
}

fn weakref_subtype_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    weakref_traverse(o, v);
    if let (Some(p), Some(values)) = (o.preheader(), o.preheader_values())
        && !p.is_empty()
    {
        for slot in [values, &p.dict] {
            let x = slot.take();
            v.visit_opt(x.as_ref());
            slot.set(x);
        }
    }
}

fn weakref_subtype_clear(o: Obj<'_>) {
    weakref_clear(o);
    if let (Some(p), Some(values)) = (o.preheader(), o.preheader_values()) {
        drop(values.take());
        drop(p.dict.take());
    }
}

/// `weakref.ReferenceType`, used by the typed handles.
pub const WEAKREF_TYPE: &TypeInfo = &weakref_type_info("weakref.ReferenceType");

/// The referent's weak-reference list (`GET_WEAKREFS_LISTPTR`), if its type has one.
#[inline]
pub(crate) fn list_head<'a>(referent: Obj<'a>) -> Option<&'a WeakListHead> {
    let ty = referent.type_info();
    if ty
        .flags
        .contains(crate::typeinfo::TypeFlags::WEAKLIST_FIRST)
    {
        // SAFETY: the descriptor says the body starts with an initialised list head,
        // which lives as long as the object.
        return Some(unsafe {
            crate::object::body_ptr(referent.ptr())
                .cast::<WeakListHead>()
                .as_ref()
        });
    }
    ty.weaklist.and_then(|f| f(referent))
}

/// Unlinks `wr` from its referent's list and marks it dead; the callback is kept
/// (`_PyWeakref_ClearRef`).
pub(crate) fn clear_ref(wr: Obj<'_>) {
    let b = body(wr);
    let Some(obj) = b.object.get() else { return };
    if let Some(head) = list_head(Obj::new(obj))
        && head.first.get() == Some(wr.ptr())
    {
        head.first.set(b.next.get());
    }
    b.object.set(None);
    let (prev, next) = (b.prev.take(), b.next.take());
    if let Some(p) = prev {
        body(Obj::new(p)).next.set(next);
    }
    if let Some(n) = next {
        body(Obj::new(n)).prev.set(prev);
    }
}

/// `clear_weakref`: unlink and drop the callback.
fn clear_weakref(wr: Obj<'_>) {
    clear_ref(wr);
    drop(body(wr).callback.take());
}

pub(crate) fn has_callback(wr: Obj<'_>) -> bool {
    let b = body(wr);
    let cb = b.callback.take();
    let r = cb.is_some();
    b.callback.set(cb);
    r
}

pub(crate) fn callback_of(wr: Obj<'_>) -> Option<ObjRef> {
    body(wr).callback()
}

/// A weak-reference callback implemented in Rust.
pub struct RustCallback {
    f: Box<dyn Fn(Obj<'_>)>,
}

impl core::fmt::Debug for RustCallback {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("RustCallback")
    }
}

impl Body for RustCallback {}

const RUST_CALLBACK_TYPE: &TypeInfo =
    &TypeInfo::new("rust_callback", BodyVTable::of::<RustCallback>());

impl RustCallback {
    /// Wraps a closure (called with the weak reference) as a callback object.
    pub fn new_object(f: impl Fn(Obj<'_>) + 'static) -> Result<ObjRef, AllocError> {
        ObjRef::new(RUST_CALLBACK_TYPE, RustCallback { f: Box::new(f) })
    }
}

/// Calls a weakref callback: Rust closures directly, anything else through the host hook.
pub(crate) fn call_callback(rt: &Runtime, cb: Obj<'_>, wr: Obj<'_>) {
    if let Some(rc) = cb.downcast::<RustCallback>() {
        (rc.f)(wr);
        return;
    }
    let hook = rt.hooks.borrow().call_weakref_callback.clone();
    if let Some(f) = hook {
        f(cb, wr);
    }
}

/// `PyObject_ClearWeakRefs`, on the refcount path: clear all, then call callbacks in order.
#[inline]
pub(crate) fn clear_weakrefs_on_dealloc(rt: &Runtime, p: NonNull<ObjHeader>) {
    if let Some(head) = list_head(Obj::new(p)) {
        clear_weakrefs_in(rt, head);
    }
}

/// [`clear_weakrefs_on_dealloc`] for a caller that holds the list head.
#[inline]
pub(crate) fn clear_weakrefs_in(rt: &Runtime, head: &WeakListHead) {
    if !head.is_empty() {
        clear_weakref_list(rt, head);
    }
}

#[cold]
#[inline(never)]
fn clear_weakref_list(rt: &Runtime, head: &WeakListHead) {
    let mut pending: Vec<(ObjRef, ObjRef)> = Vec::new();
    while let Some(wr) = head.first() {
        let b = body(wr);
        let cb = b.callback.take();
        let alive = header(wr.ptr()).refcnt.get() > 0;
        clear_ref(wr);
        if let Some(cb) = cb {
            if alive {
                pending.push((wr.to_owned(), cb));
            } else {
                drop(cb);
            }
        }
    }
    for (wr, cb) in pending {
        guarded(rt, || call_callback(rt, cb.as_obj(), wr.as_obj()));
    }
}

/// Why a weak reference could not be made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WeakRefError {
    /// The referent's type is not weakly referenceable
    /// (`cannot create weak reference to 'int' object`).
    NotWeakrefable,
    /// Out of memory.
    Alloc(AllocError),
}

impl From<AllocError> for WeakRefError {
    fn from(e: AllocError) -> Self {
        WeakRefError::Alloc(e)
    }
}

/// `get_basic_refs`: the shared ref and proxy at the head of the list.
fn basic_refs(head: &WeakListHead) -> (Option<NonNull<ObjHeader>>, Option<NonNull<ObjHeader>>) {
    let mut r = None;
    let mut proxy = None;
    let mut cur = head.first.get();
    if let Some(p) = cur {
        let b = body(Obj::new(p));
        if b.kind() == WeakKind::Ref && !has_callback(Obj::new(p)) {
            r = Some(p);
            cur = b.next.get();
        }
    }
    if let Some(p) = cur {
        let b = body(Obj::new(p));
        if b.kind() == WeakKind::Proxy && !has_callback(Obj::new(p)) {
            proxy = Some(p);
        }
    }
    (r, proxy)
}

fn insert_head(wr: NonNull<ObjHeader>, head: &WeakListHead) {
    let next = head.first.get();
    let b = body(Obj::new(wr));
    b.prev.set(None);
    b.next.set(next);
    if let Some(n) = next {
        body(Obj::new(n)).prev.set(Some(wr));
    }
    head.first.set(Some(wr));
}

fn insert_after(wr: NonNull<ObjHeader>, prev: NonNull<ObjHeader>) {
    let pb = body(Obj::new(prev));
    let b = body(Obj::new(wr));
    b.prev.set(Some(prev));
    b.next.set(pb.next.get());
    if let Some(n) = pb.next.get() {
        body(Obj::new(n)).prev.set(Some(wr));
    }
    pb.next.set(Some(wr));
}

/// Makes (or reuses) a weak reference of type `ty` to `referent`, as `weakref.ref(o, cb)`,
/// `weakref.proxy(o, cb)` or a subclass constructor would. Without a callback, `Ref` and
/// `Proxy` return the shared basic one if it exists.
///
/// # Panics
/// If `ty` is not a weakref type (made with [`weakref_type_info`]).
pub fn new_weakref(
    ty: &'static TypeInfo,
    kind: WeakKind,
    referent: Obj<'_>,
    callback: Option<ObjRef>,
) -> Result<ObjRef, WeakRefError> {
    assert!(
        ty.flags().contains(crate::typeinfo::TypeFlags::WEAKREF),
        "{} is not a weakref type",
        ty.name()
    );
    let Some(_) = list_head(referent) else {
        return Err(WeakRefError::NotWeakrefable);
    };
    let shared = callback.is_none() && kind != WeakKind::Subclass;
    let reuse = |head: &WeakListHead| {
        let (r, p) = basic_refs(head);
        match kind {
            WeakKind::Ref if shared => r,
            WeakKind::Proxy if shared => p,
            _ => None,
        }
    };
    if let Some(p) = reuse(list_head(referent).expect("checked")) {
        return Ok(Obj::new(p).to_owned());
    }
    let wr = ObjRef::new(
        ty,
        WeakRefBody {
            object: Cell::new(Some(referent.ptr())),
            callback: Cell::new(callback),
            hash: Cell::new(-1),
            prev: Cell::new(None),
            next: Cell::new(None),
            kind: Cell::new(kind as usize),
        },
    )?;
    // The allocation may have run a collection that made a basic ref (test_gc_during_ref_creation).
    let head = list_head(referent).expect("checked");
    if let Some(p) = reuse(head) {
        // Not linked yet: make it dead before it is dropped.
        body(wr.as_obj()).object.set(None);
        return Ok(Obj::new(p).to_owned());
    }
    let (r, p) = basic_refs(head);
    let w = wr.as_obj().ptr();
    match (kind, shared) {
        (WeakKind::Ref, true) => insert_head(w, head),
        (WeakKind::Proxy, true) => match r {
            Some(r) => insert_after(w, r),
            None => insert_head(w, head),
        },
        _ => match p.or(r) {
            Some(prev) => insert_after(w, prev),
            None => insert_head(w, head),
        },
    }
    wr.track();
    Ok(wr)
}

/// The body of a weak reference object, if `wr` is one.
pub fn weakref_body(wr: Obj<'_>) -> Option<&WeakRefBody> {
    if wr
        .type_info()
        .flags()
        .contains(crate::typeinfo::TypeFlags::WEAKREF)
    {
        wr.downcast()
    } else {
        None
    }
}

/// `weakref.getweakrefcount`.
pub fn weakref_count(o: Obj<'_>) -> usize {
    weakrefs(o).len()
}

/// `weakref.getweakrefs`: the list, in order.
pub fn weakrefs(o: Obj<'_>) -> Vec<ObjRef> {
    let mut out = Vec::new();
    let Some(head) = list_head(o) else { return out };
    let mut cur = head.first.get();
    while let Some(p) = cur {
        out.push(Obj::new(p).to_owned());
        cur = body(Obj::new(p)).next.get();
    }
    out
}

/// Makes a plain weak reference with a Rust callback.
pub fn new_weakref_with_fn(
    referent: Obj<'_>,
    f: impl Fn(Obj<'_>) + 'static,
) -> Result<ObjRef, WeakRefError> {
    let cb = RustCallback::new_object(f)?;
    new_weakref(WEAKREF_TYPE, WeakKind::Ref, referent, Some(cb))
}
