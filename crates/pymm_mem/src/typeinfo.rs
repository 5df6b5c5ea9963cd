//! Type descriptors: the small table of hooks through which pymm_mem sees a type,
//! as CPython's collector sees `tp_traverse`, `tp_clear`, `tp_dealloc`,
//! `tp_finalize`, `tp_del` and `tp_weaklistoffset` (`Include/cpython/object.h`).
//!
//! A [`TypeInfo`] is immutable and can be built in a `const` context, so a Rust
//! type gets a `&'static TypeInfo` with no registry and no lookup. It names the
//! Rust type of the object's body ([`BodyVTable`]); all access to a body goes
//! through a checked downcast, which is what makes the hooks safe to write.

use core::any::TypeId;
use core::mem::{align_of, size_of};
use core::ptr::NonNull;

use crate::header::ObjHeader;
use crate::object::{Obj, ObjRef};
use crate::visit::Visitor;
use crate::weakref::WeakListHead;

/// `tp_traverse`: call `visitor.visit` on every object the body holds a strong reference to.
pub type TraverseFn = for<'a> fn(Obj<'a>, &mut Visitor<'_>);
/// `tp_clear`: drop the references the body holds, to break cycles.
pub type ClearFn = for<'a> fn(Obj<'a>);
/// `tp_finalize` (PEP 442) or legacy `tp_del`.
pub type FinalizeFn = for<'a> fn(Obj<'a>);
/// Where the object's weak-reference list lives (`tp_weaklistoffset`); `None` if it has none.
pub type WeakListFn = for<'a> fn(Obj<'a>) -> Option<&'a WeakListHead>;
/// Whether a tracked object may be untracked now (CPython's `_PyTuple_MaybeUntrack` and
/// `_PyDict_MaybeUntrack`).
pub type UntrackHintFn = for<'a> fn(Obj<'a>) -> bool;

/// Type flags (a subset of CPython's `tp_flags`, plus pymm's own).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TypeFlags(u32);

impl TypeFlags {
    /// No flags.
    pub const NONE: TypeFlags = TypeFlags(0);
    /// `Py_TPFLAGS_HAVE_GC`: objects carry a [`GcHead`](crate::header::GcHead).
    pub const GC: TypeFlags = TypeFlags(1 << 0);
    /// `Py_TPFLAGS_MANAGED_DICT`: 16 bytes of pre-header in front of the GC head.
    pub const PREHEADER: TypeFlags = TypeFlags(1 << 1);
    /// Objects are weak references (their body is a [`WeakRefBody`](crate::weakref::WeakRefBody)).
    pub const WEAKREF: TypeFlags = TypeFlags(1 << 2);
    /// The untrack hint is only consulted by full collections (dicts), not by every one (tuples).
    pub const UNTRACK_ON_FULL_ONLY: TypeFlags = TypeFlags(1 << 3);
    /// Objects of this type may be the type objects of run-time types
    /// ([`TypeInfo::leak_with_type_object`]); their deallocation retires those descriptors.
    pub const TYPE_OBJECTS: TypeFlags = TypeFlags(1 << 4);
    /// Derived: objects need more than "untrack, clear weak references, drop the body,
    /// keep or free the block" when they die, or more than "take a block (from the free
    /// list, if any)" when they are born (a finalizer, `tp_del`, a pre-header, a type
    /// object, weak-reference or type-object bodies). Without it both take the short paths.
    pub(crate) const SLOW_LIFECYCLE: TypeFlags = TypeFlags(1 << 5);
    /// The weak-list head is the first field of the body (CPython's `tp_weaklistoffset`
    /// of 16): found without calling the `weaklist` hook.
    pub(crate) const WEAKLIST_FIRST: TypeFlags = TypeFlags(1 << 6);
    /// A weak-list head (and 8 bytes of padding) in front of the pre-header: the weak
    /// references of subclass instances of built-in types whose body has no place
    /// for them (CPython appends `__weakref__` to the object; pymm's bodies are Rust
    /// types of fixed layout).
    pub(crate) const PREHEADER_WEAKLIST: TypeFlags = TypeFlags(1 << 8);
    /// The pre-header's first word is an [`crate::InlineValues`] block
    /// ([`TypeInfo::preheader_inline`]).
    pub(crate) const PREHEADER_INLINE: TypeFlags = TypeFlags(1 << 9);
    /// Derived: objects die by giving their block back and nothing else: a short-path type
    /// without GC head, weak references or a body that needs dropping (floats, ints,
    /// strings). No code can run while one dies.
    pub(crate) const TRIVIAL_DEATH: TypeFlags = TypeFlags(1 << 7);

    /// Union.
    pub const fn union(self, other: TypeFlags) -> TypeFlags {
        TypeFlags(self.0 | other.0)
    }
    /// Whether all bits of `other` are set.
    pub const fn contains(self, other: TypeFlags) -> bool {
        self.0 & other.0 == other.0
    }
    /// The bits set in both.
    pub(crate) const fn intersection(self, other: TypeFlags) -> TypeFlags {
        TypeFlags(self.0 & other.0)
    }
    /// Whether any bit of `other` is set.
    pub(crate) const fn intersects(self, other: TypeFlags) -> bool {
        self.0 & other.0 != 0
    }
}

/// A Rust type that may be the body of an object.
///
/// Fixed-size bodies implement only this trait. Variable-size bodies (a tuple's
/// items, an int's digits, a str's characters) also implement [`VarBody`].
pub trait Body: 'static + Sized {}

/// A body followed in the same block by `len()` items, as CPython's `PyVarObject`s.
pub trait VarBody: Body {
    /// The trailing item type.
    type Item: 'static;
    /// The number of trailing items (it must not change after construction).
    fn len(&self) -> usize;
    /// Whether there are no trailing items.
    fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// How to handle the Rust value stored in an object's body.
#[derive(Debug, Clone, Copy)]
pub struct BodyVTable {
    pub(crate) type_id: TypeId,
    pub(crate) type_name: fn() -> &'static str,
    pub(crate) size: usize,
    /// Offset of the first trailing item from the body start, for var bodies.
    pub(crate) items_offset: usize,
    pub(crate) item_size: usize,
    /// Number of trailing items, read from the body (var bodies only).
    pub(crate) var_len: Option<unsafe fn(NonNull<u8>) -> usize>,
    pub(crate) drop: unsafe fn(NonNull<u8>),
    /// Whether dropping the body (and its items) runs any code at all.
    pub(crate) needs_drop: bool,
}

/// # Safety
/// `body` points to a live, initialised `T` that is not used afterwards.
unsafe fn drop_fixed<T>(body: NonNull<u8>) {
    // SAFETY: guaranteed by the caller.
    unsafe { core::ptr::drop_in_place(body.cast::<T>().as_ptr()) }
}

/// # Safety
/// `body` points to a live, initialised `T` followed by its `len()` items.
unsafe fn var_len<T: VarBody>(body: NonNull<u8>) -> usize {
    // SAFETY: guaranteed by the caller.
    unsafe { body.cast::<T>().as_ref() }.len()
}

const fn items_offset<T: VarBody>() -> usize {
    let a = align_of::<T::Item>();
    size_of::<T>().div_ceil(a) * a
}

/// # Safety
/// `body` points to a live `T` followed by `len()` initialised items; none is used afterwards.
unsafe fn drop_var<T: VarBody>(body: NonNull<u8>) {
    // SAFETY: guaranteed by the caller.
    let n = unsafe { var_len::<T>(body) };
    // SAFETY: the items start at items_offset within the same block.
    let items = unsafe { body.as_ptr().add(items_offset::<T>()) }.cast::<T::Item>();
    // Last item first, as CPython's `tupledealloc` releases them (observable through
    // finalizers). A panicking item drop leaks the items before it, which is safe.
    for i in (0..n).rev() {
        // SAFETY: item i is initialised, owned by the body and dropped exactly once.
        unsafe { core::ptr::drop_in_place(items.add(i)) };
    }
    // SAFETY: the fixed part is initialised.
    unsafe { core::ptr::drop_in_place(body.cast::<T>().as_ptr()) };
}

impl BodyVTable {
    /// The vtable of a fixed-size body.
    pub const fn of<T: Body>() -> BodyVTable {
        assert!(
            align_of::<T>() <= 16,
            "object bodies are at most 16-aligned"
        );
        BodyVTable {
            type_id: TypeId::of::<T>(),
            type_name: core::any::type_name::<T>,
            size: size_of::<T>(),
            items_offset: 0,
            item_size: 0,
            var_len: None,
            drop: drop_fixed::<T>,
            needs_drop: core::mem::needs_drop::<T>(),
        }
    }

    /// The vtable of a variable-size body.
    pub const fn of_var<T: VarBody>() -> BodyVTable {
        assert!(align_of::<T>() <= 16 && align_of::<T::Item>() <= 16);
        BodyVTable {
            type_id: TypeId::of::<T>(),
            type_name: core::any::type_name::<T>,
            size: size_of::<T>(),
            items_offset: items_offset::<T>(),
            item_size: size_of::<T::Item>(),
            var_len: Some(var_len::<T>),
            drop: drop_var::<T>,
            needs_drop: core::mem::needs_drop::<T>() || core::mem::needs_drop::<T::Item>(),
        }
    }

    /// Whether the body is a `T`.
    pub fn is<T: 'static>(&self) -> bool {
        self.type_id == TypeId::of::<T>()
    }

    /// This vtable with another drop function (for bodies whose drop needs the object, not
    /// just the body: `needs_drop` says whether it has anything to do).
    pub(crate) const fn with_drop(
        mut self,
        drop: unsafe fn(NonNull<u8>),
        needs_drop: bool,
    ) -> Self {
        self.drop = drop;
        self.needs_drop = needs_drop;
        self
    }

    /// Body bytes for `n` trailing items.
    pub(crate) const fn body_size(&self, n: usize) -> usize {
        if self.var_len.is_some() {
            self.items_offset + n * self.item_size
        } else {
            self.size
        }
    }
}

/// The shape of a type's free list (see [`TypeInfo::freelist`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FreeListSpec {
    /// Number of size slots (1 for fixed-size bodies).
    pub slots: usize,
    /// Blocks kept per slot at most.
    pub max: usize,
    /// Slots below this index give their blocks back to new objects.
    pub reuse: usize,
}

/// The [`TypeObjectSlot`] value of a descriptor whose type object has been deallocated.
const TYPE_OBJECT_DEAD: usize = usize::MAX;

impl TypeObjectSlot {
    /// Retires the slot: its type object is being deallocated.
    pub(crate) fn retire(&self) {
        self.0
            .store(TYPE_OBJECT_DEAD, core::sync::atomic::Ordering::Relaxed);
    }
}

/// Where a run-time type's descriptor finds its type object: the object's address, or
/// [`TYPE_OBJECT_DEAD`] once it has been deallocated. Leaked with the descriptor, outside
/// it, so that descriptors stay plain `Copy` data usable in constants.
#[derive(Debug)]
pub(crate) struct TypeObjectSlot(core::sync::atomic::AtomicUsize);

/// Everything pymm_mem needs to know about a type.
#[derive(Debug, Clone, Copy)]
pub struct TypeInfo {
    pub(crate) name: &'static str,
    pub(crate) flags: TypeFlags,
    pub(crate) body: BodyVTable,
    pub(crate) traverse: Option<TraverseFn>,
    pub(crate) clear: Option<ClearFn>,
    pub(crate) finalize: Option<FinalizeFn>,
    pub(crate) legacy_del: Option<FinalizeFn>,
    pub(crate) weaklist: Option<WeakListFn>,
    pub(crate) untrack_hint: Option<UntrackHintFn>,
    /// The type object's address (an address, not a pointer, so that static descriptors
    /// stay `Sync`; only the owning thread's objects ever reach it); `None` for static
    /// types.
    pub(crate) type_object: Option<&'static TypeObjectSlot>,
    pub(crate) freelist: Option<FreeListSpec>,
    pub(crate) user_data: usize,
    /// A deallocation specialised for this type's body (`tp_dealloc`), which
    /// [`crate::object::dealloc`] calls instead of the generic one while the type is
    /// [`TypeInfo::is_plain`] (set by the typed API, whose body is known at compile time).
    pub(crate) plain_dealloc: Option<PlainDeallocFn>,
}

/// See [`TypeInfo::plain_dealloc`].
///
/// # Safety
/// Called with an object of the type whose count is zero, referred to by nothing.
pub(crate) type PlainDeallocFn = unsafe fn(core::ptr::NonNull<crate::header::ObjHeader>);

impl TypeInfo {
    /// Recomputes [`TypeFlags::SLOW_LIFECYCLE`]; every builder that changes an input ends
    /// with it.
    const fn derive_flags(mut self) -> TypeInfo {
        let slow = self.finalize.is_some()
            || self.legacy_del.is_some()
            || self.type_object.is_some()
            || self.flags.intersects(
                TypeFlags::PREHEADER
                    .union(TypeFlags::WEAKREF)
                    .union(TypeFlags::TYPE_OBJECTS),
            );
        self.flags = if slow {
            self.flags.union(TypeFlags::SLOW_LIFECYCLE)
        } else {
            TypeFlags(self.flags.0 & !TypeFlags::SLOW_LIFECYCLE.0)
        };
        let trivial = !slow
            && !self.flags.contains(TypeFlags::GC)
            && self.weaklist.is_none()
            && !self.body.needs_drop;
        self.flags = if trivial {
            self.flags.union(TypeFlags::TRIVIAL_DEATH)
        } else {
            TypeFlags(self.flags.0 & !TypeFlags::TRIVIAL_DEATH.0)
        };
        self
    }
    /// Whether objects take the short birth and death paths (see
    /// [`TypeFlags::SLOW_LIFECYCLE`]).
    #[inline]
    pub(crate) fn is_plain(&self) -> bool {
        !self.flags.contains(TypeFlags::SLOW_LIFECYCLE)
    }
    /// A type named `name` (CPython's `tp_name`, printed by the collector's debug output)
    /// whose objects have the body described by `body`. No GC head, no hooks.
    pub const fn new(name: &'static str, body: BodyVTable) -> TypeInfo {
        TypeInfo {
            name,
            flags: TypeFlags::NONE,
            body,
            traverse: None,
            clear: None,
            finalize: None,
            legacy_del: None,
            weaklist: None,
            untrack_hint: None,
            type_object: None,
            freelist: None,
            user_data: 0,
            plain_dealloc: None,
        }
        .derive_flags()
    }
    /// Objects carry a GC head and may be tracked; `traverse` visits their references.
    pub const fn gc(mut self, traverse: TraverseFn) -> TypeInfo {
        self.flags = self.flags.union(TypeFlags::GC);
        self.traverse = Some(traverse);
        self.derive_flags()
    }
    /// See [`TypeInfo::plain_dealloc`]: `f` must do what the generic deallocation does for a
    /// plain object of this type.
    pub(crate) const fn plain_dealloc(mut self, f: PlainDeallocFn) -> TypeInfo {
        self.plain_dealloc = Some(f);
        self
    }
    /// `tp_clear`.
    pub const fn clear(mut self, clear: ClearFn) -> TypeInfo {
        self.clear = Some(clear);
        self
    }
    /// `tp_finalize`: called at most once per object, before it is freed or while its cycle
    /// is being collected; it may resurrect the object.
    pub const fn finalize(mut self, finalize: FinalizeFn) -> TypeInfo {
        self.finalize = Some(finalize);
        self.derive_flags()
    }
    /// Legacy `tp_del`: objects of such a type found in cyclic garbage are uncollectable
    /// and go to the garbage list, with everything they reach.
    pub const fn legacy_del(mut self, del: FinalizeFn) -> TypeInfo {
        self.legacy_del = Some(del);
        self.derive_flags()
    }
    /// Objects can be weakly referenced; `weaklist` finds the list head in the body.
    pub const fn weakrefable(mut self, weaklist: WeakListFn) -> TypeInfo {
        self.weaklist = Some(weaklist);
        self.derive_flags()
    }
    /// [`TypeInfo::weakrefable`] for bodies whose first field is the list head.
    pub(crate) const fn weaklist_first(mut self) -> TypeInfo {
        self.flags = self.flags.union(TypeFlags::WEAKLIST_FIRST);
        self
    }
    /// 16 bytes of pre-header (two optional object slots) in front of the GC head, as
    /// CPython 3.11's `Py_TPFLAGS_MANAGED_DICT` types have.
    pub const fn preheader(mut self) -> TypeInfo {
        self.flags = self.flags.union(TypeFlags::PREHEADER);
        self.derive_flags()
    }
    /// [`TypeInfo::preheader`] whose first word is an [`crate::InlineValues`] block, as
    /// CPython 3.11 keeps an instance's attribute values array there
    /// ([`Obj::inline_values`](crate::Obj::inline_values)).
    pub const fn preheader_inline(mut self) -> TypeInfo {
        self.flags = self
            .flags
            .union(TypeFlags::PREHEADER)
            .union(TypeFlags::PREHEADER_INLINE);
        self.derive_flags()
    }
    /// [`TypeInfo::preheader`], with a weak-list head in front of it: the objects can be
    /// weakly referenced although their body has no list head.
    pub const fn preheader_with_weaklist(mut self) -> TypeInfo {
        self.flags = self
            .flags
            .union(TypeFlags::PREHEADER)
            .union(TypeFlags::PREHEADER_WEAKLIST);
        self.weaklist = Some(crate::preheader::preheader_weaklist);
        self.derive_flags()
    }
    /// Collections may untrack objects for which `hint` returns true. With `full_only`,
    /// only full (generation 2) collections ask.
    pub const fn untrack_hint(mut self, hint: UntrackHintFn, full_only: bool) -> TypeInfo {
        self.untrack_hint = Some(hint);
        if full_only {
            self.flags = self.flags.union(TypeFlags::UNTRACK_ON_FULL_ONLY);
        }
        self
    }
    /// Keeps the blocks of dead objects for reuse, as CPython's per-type free lists do
    /// (tuples, lists, dicts, floats): up to `max` blocks per slot. A fixed-size type has
    /// one slot; a variable-size type has `slots` of them, for 1..=`slots` items (empty
    /// bodies are not kept). Reusing a block moves neither `gc.get_count()` nor the
    /// allocation hook; full collections empty the lists. Run-time types never use them.
    pub const fn freelist(mut self, slots: usize, max: usize) -> TypeInfo {
        self.freelist = Some(FreeListSpec {
            slots,
            max,
            reuse: slots,
        });
        self.derive_flags()
    }
    /// Only the first `reuse` slots hand blocks back; blocks of the others are kept (and
    /// stay counted) until a full collection. CPython 3.11's tuple free list behaves so for
    /// 20-item tuples: pushed, never popped. Call after [`TypeInfo::freelist`].
    pub const fn freelist_reuse_below(mut self, reuse: usize) -> TypeInfo {
        if let Some(spec) = self.freelist {
            self.freelist = Some(FreeListSpec { reuse, ..spec });
        }
        self.derive_flags()
    }
    /// The free-list slot for a body of `n_items` items, if objects of this size are kept.
    #[inline]
    pub(crate) fn freelist_slot(&self, n_items: usize) -> Option<usize> {
        let spec = self.freelist?;
        if self.type_object.is_some() {
            return None;
        }
        if self.body.var_len.is_some() {
            n_items.checked_sub(1).filter(|&s| s < spec.slots)
        } else {
            Some(0)
        }
    }
    /// An arbitrary word for the embedding runtime (for example a pointer to its type object).
    pub const fn user_data(mut self, data: usize) -> TypeInfo {
        self.user_data = data;
        self
    }
    /// Marks objects of this type as possible type objects of run-time types (CPython's
    /// metatypes: `type` and its subclasses), which [`TypeInfo::leak_with_type_object`]
    /// requires.
    pub const fn type_objects(mut self) -> TypeInfo {
        self.flags = self.flags.union(TypeFlags::TYPE_OBJECTS);
        self.derive_flags()
    }
    /// Makes this the descriptor of a type defined at run time (a Python class) whose type
    /// object is `type_object`, as CPython's heap types: every instance owns a reference
    /// to the type object (taken when it is allocated, released when it is freed), the
    /// collector reports that reference as one of the instance's referents, and
    /// [`Obj::type_object`] returns it. The descriptor itself owns no reference, so a
    /// class whose instances are gone is freed by reference counting or collected with
    /// its cycles, as in CPython; the descriptor (about 170 bytes) is leaked, kept reachable
    /// by the runtime, and, once its type object is deallocated, retired: allocating from
    /// it fails with [`AllocError`].
    ///
    /// # Panics
    /// If `type_object`'s own type is not marked with [`TypeInfo::type_objects`].
    ///
    /// [`AllocError`]: crate::AllocError
    pub fn leak_with_type_object(mut self, type_object: &ObjRef) -> &'static TypeInfo {
        let meta = type_object.as_obj().type_info();
        assert!(
            meta.flags.contains(TypeFlags::TYPE_OBJECTS),
            "{} objects are not marked as type objects (TypeInfo::type_objects)",
            meta.name
        );
        let addr = type_object.as_obj().addr();
        let slot: &'static TypeObjectSlot = Box::leak(Box::new(TypeObjectSlot(
            core::sync::atomic::AtomicUsize::new(addr),
        )));
        self.type_object = Some(slot);
        let info: &'static TypeInfo = Box::leak(Box::new(self.derive_flags()));
        crate::runtime::rt().register_type_object(addr, slot, info);
        info
    }
    /// The type object of run-time types (`None` for static types and retired ones).
    #[inline]
    pub(crate) fn type_object_ptr(&self) -> Option<NonNull<ObjHeader>> {
        match self
            .type_object?
            .0
            .load(core::sync::atomic::Ordering::Relaxed)
        {
            TYPE_OBJECT_DEAD => None,
            a => NonNull::new(a as *mut ObjHeader),
        }
    }
    /// Whether this descriptor's type object has been deallocated.
    #[inline]
    pub(crate) fn is_retired(&self) -> bool {
        self.type_object
            .is_some_and(|s| s.0.load(core::sync::atomic::Ordering::Relaxed) == TYPE_OBJECT_DEAD)
    }
    pub(crate) const fn weakref_type(mut self) -> TypeInfo {
        self.flags = self.flags.union(TypeFlags::WEAKREF);
        self.derive_flags()
    }

    /// `tp_name`.
    pub fn name(&self) -> &'static str {
        self.name
    }
    /// The flags.
    pub fn flags(&self) -> TypeFlags {
        self.flags
    }
    /// `_PyType_IS_GC`.
    #[inline]
    pub fn is_gc(&self) -> bool {
        self.flags.contains(TypeFlags::GC)
    }
    /// Whether a finalizer is set.
    pub fn has_finalizer(&self) -> bool {
        self.finalize.is_some()
    }
    /// Whether objects of this type can be weakly referenced.
    pub fn is_weakrefable(&self) -> bool {
        self.weaklist.is_some()
    }
    /// The user data word.
    pub fn data(&self) -> usize {
        self.user_data
    }
    /// Bytes in front of the object header: pre-header plus GC head
    /// (CPython's `_PyType_PreHeaderSize`).
    #[inline]
    pub fn pre_size(&self) -> usize {
        let mut n = 0;
        if self.flags.contains(TypeFlags::GC) {
            n += 16;
        }
        if self.flags.contains(TypeFlags::PREHEADER) {
            n += 16;
        }
        if self.flags.contains(TypeFlags::PREHEADER_WEAKLIST) {
            n += 16;
        }
        n
    }
    /// The size of the body in bytes (of its fixed part, for variable-size bodies):
    /// CPython's `tp_basicsize` is 16 more.
    pub fn body_size(&self) -> usize {
        self.body.size
    }
    /// Whether the body is the Rust type `T`.
    #[inline]
    pub fn body_is<T: 'static>(&self) -> bool {
        self.body.type_id == TypeId::of::<T>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Obj, Visitor};

    struct Plain(#[allow(dead_code)] f64);
    impl Body for Plain {}
    struct Owning(#[allow(dead_code)] String);
    impl Body for Owning {}
    fn no_refs(_o: Obj<'_>, _v: &mut Visitor<'_>) {}
    fn no_weaklist(_o: Obj<'_>) -> Option<&WeakListHead> {
        None
    }

    #[test]
    fn only_hookless_plain_bodies_die_trivially() {
        let trivial = |t: TypeInfo| t.flags.contains(TypeFlags::TRIVIAL_DEATH);
        let plain = || TypeInfo::new("plain", BodyVTable::of::<Plain>());
        assert!(trivial(plain()));
        assert!(
            trivial(plain().freelist(1, 100)),
            "a free list keeps it trivial"
        );
        assert!(
            !trivial(plain().gc(no_refs)),
            "GC objects must be untracked"
        );
        assert!(!trivial(plain().preheader()));
        assert!(!trivial(plain().finalize(|_| {})));
        assert!(!trivial(plain().weakrefable(no_weaklist)));
        assert!(!trivial(TypeInfo::new(
            "owning",
            BodyVTable::of::<Owning>()
        )));
    }
}
