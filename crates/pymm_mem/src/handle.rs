//! The typed, safe API for plain-Rust users: [`Gc<T>`] (clone = incref, drop =
//! decref, one pointer wide), [`Weak<T>`], and the [`Trace`] trait.
//!
//! A `Gc<T>` is a CPython-style object: refcounted, freed the moment its count
//! reaches zero, and tracked by the generational cycle collector, which finds
//! unreachable cycles and breaks them by dropping the values in place
//! (`tp_clear`). A handle to a value the collector has dropped can only be held
//! by other garbage; dereferencing it panics with a clear message instead of
//! reading freed memory.
//!
//! Memory is never freed while a handle exists: the collector only drops
//! values, and blocks are released by reference counting.

use core::cell::{Cell, UnsafeCell};
use core::fmt;
use core::marker::PhantomData;
use core::mem::ManuallyDrop;
use core::ptr::NonNull;

use crate::header::ObjHeader;
use crate::object::{Obj, ObjRef};
use crate::obmalloc::AllocError;
use crate::typeinfo::{Body, BodyVTable, TypeInfo};
use crate::visit::Visitor;
use crate::weakref::{WEAKREF_TYPE, WeakKind, WeakListHead, new_weakref, weakref_body};

/// Types whose values can live in a [`Gc`].
///
/// # Safety
/// `trace` must visit every `Gc` (and `ObjRef`) the value owns, each once, and nothing
/// else, without creating or dropping handles. The collector trusts it: a value whose
/// `trace` reports an edge it does not own may be dropped while still referenced from
/// outside. Prefer `#[derive(Trace)]`-style implementations that just forward to fields.
pub unsafe trait Trace: 'static {
    /// Visits the handles this value owns.
    fn trace(&self, visitor: &mut Visitor<'_>);
    /// The type name shown by the collector's debug output.
    const NAME: &'static str = "gc object";
}

/// A finalizer (PEP 442 `__del__`): runs at most once per object, before the value is
/// dropped — on the refcount path, or while its cycle is being collected. It may resurrect
/// the object (by storing a clone of a handle that reaches it somewhere reachable).
pub trait Finalize: Trace {
    /// Called once.
    fn finalize(&self);
}

/// The body of a `Gc<T>` object. Whether the value has been dropped by the collector is
/// the GC head's `PREV_MASK_VALUE_DROPPED` bit, so the block is header + weak list + value,
/// as a CPython object with `tp_weaklistoffset` (no flag word, no padding).
#[repr(C)]
struct GcBox<T: Trace> {
    weaklist: WeakListHead,
    value: UnsafeCell<ManuallyDrop<T>>,
}

impl<T: Trace> Body for GcBox<T> {}

// The descriptor is marked `weaklist_first`: the weak list must stay the first field.
const _: () = assert!(core::mem::offset_of!(GcBox<u64>, weaklist) == 0);

/// The object holding a `GcBox<T>`, borrowed.
struct BoxRef<'a, T: Trace> {
    obj: Obj<'a>,
    b: &'a GcBox<T>,
}

/// The `GcBox<T>` of `o`, without checking its type: every caller has `o` from a `Gc<T>` or
/// `Weak<T>` (which only `Gc::alloc` creates, with `InfoOf::<T>`'s descriptor), or is one of
/// `InfoOf::<T>`'s own hooks, which only run on objects of that descriptor.
#[inline]
fn box_of<T: Trace>(o: Obj<'_>) -> BoxRef<'_, T> {
    debug_assert!(o.type_info().body_is::<GcBox<T>>(), "GcBox type mismatch");
    // SAFETY: see above: the body of `o` is an initialised GcBox<T> that lives as long as
    // the borrow of `o`.
    let b = unsafe { crate::object::body_ptr(o.ptr()).cast::<GcBox<T>>().as_ref() };
    BoxRef { obj: o, b }
}

impl<'a, T: Trace> BoxRef<'a, T> {
    #[inline]
    fn get(&self) -> Option<&'a T> {
        if crate::object::gc_head(self.obj.ptr()).is_value_dropped() {
            None
        } else {
            // SAFETY: the value is initialised; it is only dropped by `drop_value`, which the
            // collector calls on unreachable objects (no reference from live code exists)
            // and deallocation calls on dead ones.
            Some(unsafe { &*self.b.value.get() })
        }
    }

    /// Drops the value unless it already was.
    fn drop_value(&self) {
        if !crate::object::gc_head(self.obj.ptr()).replace_value_dropped() {
            // SAFETY: the value is initialised and no reference into it exists (see `get`);
            // the bit is set first, so re-entrant access sees it dropped instead of reading
            // the value being dropped.
            unsafe { ManuallyDrop::drop(&mut *self.b.value.get()) }
        }
    }
}

fn trace_box<T: Trace>(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(x) = box_of::<T>(o).get() {
        x.trace(v);
    }
}

/// `tp_clear`: drops the value, and with it the handles it holds.
fn clear_box<T: Trace>(o: Obj<'_>) {
    box_of::<T>(o).drop_value();
}

fn finalize_box<T: Finalize>(o: Obj<'_>) {
    if let Some(x) = box_of::<T>(o).get() {
        x.finalize();
    }
}

/// The body drop of deallocation.
///
/// # Safety
/// `body` is the body of a dead `GcBox<T>` object, dropped once (`BodyVTable::drop`).
unsafe fn drop_box<T: Trace>(body: NonNull<u8>) {
    // SAFETY: the object's header is the 16 bytes before its body.
    let o = Obj::new(unsafe { body.sub(16) }.cast::<ObjHeader>());
    box_of::<T>(o).drop_value();
}

fn weaklist_box<T: Trace>(o: Obj<'_>) -> Option<&WeakListHead> {
    Some(&box_of::<T>(o).b.weaklist)
}

struct InfoOf<T>(PhantomData<T>);

impl<T: Trace> InfoOf<T> {
    const BASE: TypeInfo = TypeInfo::new(
        T::NAME,
        BodyVTable::of::<GcBox<T>>().with_drop(drop_box::<T>, core::mem::needs_drop::<T>()),
    )
    .gc(trace_box::<T>)
    .clear(clear_box::<T>)
    .weakrefable(weaklist_box::<T>)
    .weaklist_first()
    .plain_dealloc(dealloc_plain_box::<T>);
    const PLAIN: &'static TypeInfo = &Self::BASE;
}

impl<T: Finalize> InfoOf<T> {
    const FINALIZING: &'static TypeInfo = &Self::BASE.finalize(finalize_box::<T>);
}

/// A strong, cycle-collected reference to a `T`.
pub struct Gc<T: Trace> {
    ptr: NonNull<ObjHeader>,
    _marker: PhantomData<(T, *mut ())>,
}

const _: () = assert!(core::mem::size_of::<Gc<()>>() == core::mem::size_of::<usize>());

// SAFETY: owns no handles.
unsafe impl Trace for () {
    fn trace(&self, _: &mut Visitor<'_>) {}
}

impl<T: Trace> Gc<T> {
    #[inline]
    fn alloc(ty: &'static TypeInfo, value: T) -> Result<Gc<T>, AllocError> {
        let b = GcBox {
            weaklist: WeakListHead::new(),
            value: UnsafeCell::new(ManuallyDrop::new(value)),
        };
        let o = ObjRef::new_tracked(ty, b)?;
        Ok(Gc {
            ptr: o.into_raw(),
            _marker: PhantomData,
        })
    }

    /// Allocates `value` in this thread's heap and tracks it.
    ///
    /// # Panics
    /// If the heap limit is reached (see [`Gc::try_new`]).
    pub fn new(value: T) -> Gc<T> {
        Self::try_new(value).expect("pymm_mem heap limit reached")
    }

    /// Like [`Gc::new`], returning the allocation error instead of panicking.
    pub fn try_new(value: T) -> Result<Gc<T>, AllocError> {
        Self::alloc(InfoOf::<T>::PLAIN, value)
    }

    /// Allocates a value whose [`Finalize::finalize`] runs once before it is dropped.
    pub fn new_finalized(value: T) -> Gc<T>
    where
        T: Finalize,
    {
        Self::alloc(InfoOf::<T>::FINALIZING, value).expect("pymm_mem heap limit reached")
    }

    /// The value, or `None` if the collector has already dropped it (only possible from
    /// inside the destruction of a garbage cycle).
    #[inline]
    pub fn try_get(&self) -> Option<&T> {
        box_of::<T>(self.as_obj()).get()
    }

    /// A borrowed untyped view.
    pub fn as_obj(&self) -> Obj<'_> {
        Obj::new(self.ptr)
    }

    /// An untyped strong reference.
    pub fn to_objref(&self) -> ObjRef {
        self.as_obj().to_owned()
    }

    /// The strong count.
    pub fn strong_count(this: &Gc<T>) -> isize {
        this.as_obj().refcnt()
    }

    /// Whether both handles point to the same object.
    pub fn ptr_eq(a: &Gc<T>, b: &Gc<T>) -> bool {
        a.ptr == b.ptr
    }

    /// A weak reference (the object's shared basic weakref, as `weakref.ref(o)`).
    pub fn downgrade(this: &Gc<T>) -> Weak<T> {
        let wr = new_weakref(WEAKREF_TYPE, WeakKind::Ref, this.as_obj(), None)
            .expect("pymm_mem heap limit reached");
        Weak {
            wr,
            _marker: PhantomData,
        }
    }

    /// A weak reference whose callback runs when the object dies (with the weak reference,
    /// which is dead by then).
    pub fn downgrade_with_callback(this: &Gc<T>, callback: impl Fn(&Weak<T>) + 'static) -> Weak<T> {
        let cb = crate::weakref::RustCallback::new_object(move |wr: Obj<'_>| {
            let w = Weak {
                wr: wr.to_owned(),
                _marker: PhantomData,
            };
            callback(&w);
        })
        .expect("pymm_mem heap limit reached");
        let wr = new_weakref(WEAKREF_TYPE, WeakKind::Ref, this.as_obj(), Some(cb))
            .expect("pymm_mem heap limit reached");
        Weak {
            wr,
            _marker: PhantomData,
        }
    }

    /// Whether the collector tracks the object (`gc.is_tracked`).
    pub fn is_tracked(this: &Gc<T>) -> bool {
        this.as_obj().is_tracked()
    }

    /// Whether its finalizer has run (`gc.is_finalized`).
    pub fn is_finalized(this: &Gc<T>) -> bool {
        this.as_obj().is_finalized()
    }
}

impl<T: Trace> core::ops::Deref for Gc<T> {
    type Target = T;
    #[inline]
    fn deref(&self) -> &T {
        match self.try_get() {
            Some(v) => v,
            None => panic!(
                "Gc<{}> dereferenced after the cycle collector dropped its value",
                core::any::type_name::<T>()
            ),
        }
    }
}

impl<T: Trace> Clone for Gc<T> {
    #[inline]
    fn clone(&self) -> Self {
        crate::object::incref(self.ptr);
        Gc {
            ptr: self.ptr,
            _marker: PhantomData,
        }
    }
}

impl<T: Trace> Drop for Gc<T> {
    #[inline]
    fn drop(&mut self) {
        let h = crate::object::header(self.ptr);
        let n = h.refcnt.get() - 1;
        h.refcnt.set(n);
        if n == 0 {
            // SAFETY: the count reached zero: nobody else holds a strong reference.
            unsafe { dealloc_gc::<T>(self.ptr) }
        }
    }
}

/// The deallocation of a `GcBox<T>` object whose count reached zero: the generic path for
/// the finalizing descriptor, otherwise the one specialised for `T`'s body (without the
/// indirect call [`crate::object::dealloc`] makes to it, for the collector's references).
///
/// # Safety
/// `p` is a `GcBox<T>` object whose count is zero, referred to by nothing.
#[inline(never)]
unsafe fn dealloc_gc<T: Trace>(p: NonNull<ObjHeader>) {
    let ty = crate::object::type_of(p);
    if ty.is_plain() {
        // SAFETY: forwarded from the caller; `ty` is plain.
        unsafe { dealloc_plain_box::<T>(p) }
    } else {
        // SAFETY: forwarded from the caller.
        unsafe { crate::object::dealloc(p) }
    }
}

/// `InfoOf::<T>::PLAIN`'s specialised deallocation ([`TypeInfo::plain_dealloc`]).
///
/// # Safety
/// `p` is a `GcBox<T>` object of the plain descriptor whose count is zero, referred to by
/// nothing.
#[inline(always)]
unsafe fn dealloc_plain_box<T: Trace>(p: NonNull<ObjHeader>) {
    let ty = crate::object::type_of(p);
    let body_size = core::mem::size_of::<GcBox<T>>();
    // SAFETY: `ty` is InfoOf::<T>::PLAIN (the only plain descriptor of GcBox<T>): GC, no
    // free list, a fixed body of that size; the closure clears the weak references, then
    // drops the value, once.
    unsafe {
        crate::object::dealloc_known_plain_gc(p, ty, body_size, |rt| {
            let b = box_of::<T>(Obj::new(p));
            crate::weakref::clear_weakrefs_in(rt, &b.b.weaklist);
            // After a collection's tp_clear the value is already gone: no unwinding frame.
            if core::mem::needs_drop::<T>() && b.get().is_some() {
                crate::runtime::guarded(rt, || b.drop_value());
            }
        })
    }
}

impl<T: Trace + fmt::Debug> fmt::Debug for Gc<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.try_get() {
            Some(v) => v.fmt(f),
            None => f.write_str("<dropped by the cycle collector>"),
        }
    }
}

// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<T: Trace> Trace for Gc<T> {
    #[inline]
    fn trace(&self, visitor: &mut Visitor<'_>) {
        visitor.visit(self.as_obj());
    }
}

/// A weak reference to a `Gc<T>`.
pub struct Weak<T: Trace> {
    wr: ObjRef,
    _marker: PhantomData<T>,
}

impl<T: Trace> Weak<T> {
    /// A strong handle, if the object is alive.
    pub fn upgrade(&self) -> Option<Gc<T>> {
        let o = weakref_body(self.wr.as_obj())?.upgrade()?;
        // A value the collector dropped cannot be handed out again.
        box_of::<T>(o.as_obj()).get()?;
        Some(Gc {
            ptr: o.into_raw(),
            _marker: PhantomData,
        })
    }
    /// Whether the object is gone.
    pub fn is_dead(&self) -> bool {
        weakref_body(self.wr.as_obj()).is_none_or(|b| b.is_dead())
    }
    /// The weak reference object.
    pub fn as_obj(&self) -> Obj<'_> {
        self.wr.as_obj()
    }
}

impl<T: Trace> Clone for Weak<T> {
    fn clone(&self) -> Self {
        Weak {
            wr: self.wr.clone(),
            _marker: PhantomData,
        }
    }
}

impl<T: Trace> fmt::Debug for Weak<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Weak({})", if self.is_dead() { "dead" } else { "alive" })
    }
}

// Weak references are not traced: they do not keep their referent alive.
// SAFETY: a weak handle owns no strong reference, so it visits nothing.
unsafe impl<T: Trace> Trace for Weak<T> {
    fn trace(&self, _: &mut Visitor<'_>) {}
}

// SAFETY: visits exactly the strong handles the value owns.
unsafe impl Trace for ObjRef {
    fn trace(&self, visitor: &mut Visitor<'_>) {
        visitor.visit(self.as_obj());
    }
}

macro_rules! trace_leaf {
    ($($t:ty),*) => { $(
        // SAFETY: owns no handles.
        unsafe impl Trace for $t { fn trace(&self, _: &mut Visitor<'_>) {} }
    )* };
}
trace_leaf!(
    bool,
    char,
    u8,
    u16,
    u32,
    u64,
    u128,
    usize,
    i8,
    i16,
    i32,
    i64,
    i128,
    isize,
    f32,
    f64,
    String,
    &'static str
);

// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<T: Trace> Trace for Option<T> {
    fn trace(&self, v: &mut Visitor<'_>) {
        if let Some(x) = self {
            x.trace(v)
        }
    }
}
// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<T: Trace> Trace for Box<T> {
    fn trace(&self, v: &mut Visitor<'_>) {
        (**self).trace(v)
    }
}
// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<T: Trace> Trace for Vec<T> {
    fn trace(&self, v: &mut Visitor<'_>) {
        for x in self {
            x.trace(v)
        }
    }
}
// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<T: Trace, const N: usize> Trace for [T; N] {
    fn trace(&self, v: &mut Visitor<'_>) {
        for x in self {
            x.trace(v)
        }
    }
}
// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<T: Trace> Trace for std::collections::VecDeque<T> {
    fn trace(&self, v: &mut Visitor<'_>) {
        for x in self {
            x.trace(v)
        }
    }
}
// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<K: 'static, T: Trace, S: 'static> Trace for std::collections::HashMap<K, T, S> {
    fn trace(&self, v: &mut Visitor<'_>) {
        for x in self.values() {
            x.trace(v)
        }
    }
}
// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<K: 'static, T: Trace> Trace for std::collections::BTreeMap<K, T> {
    fn trace(&self, v: &mut Visitor<'_>) {
        for x in self.values() {
            x.trace(v)
        }
    }
}
/// A cell that is mutably borrowed while the collector looks is skipped: its edges then
/// count as external references, which only keeps their targets alive longer.
// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<T: Trace> Trace for core::cell::RefCell<T> {
    fn trace(&self, v: &mut Visitor<'_>) {
        if let Ok(x) = self.try_borrow() {
            x.trace(v)
        }
    }
}
// SAFETY: visits exactly the strong handles the value owns.
unsafe impl<T: Trace + Default> Trace for Cell<T> {
    fn trace(&self, v: &mut Visitor<'_>) {
        let x = self.take();
        x.trace(v);
        self.set(x);
    }
}
macro_rules! trace_tuple {
    ($($n:ident),+) => {
        // SAFETY: visits exactly the strong handles the value owns.
        unsafe impl<$($n: Trace),+> Trace for ($($n,)+) {
            #[allow(non_snake_case)]
            fn trace(&self, v: &mut Visitor<'_>) {
                let ($($n,)+) = self;
                $($n.trace(v);)+
            }
        }
    };
}
trace_tuple!(A);
trace_tuple!(A, B);
trace_tuple!(A, B, C);
trace_tuple!(A, B, C, D);
