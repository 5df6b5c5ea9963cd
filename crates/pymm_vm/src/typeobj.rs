//! Type objects: the built-in types, classes made by `class` statements (C3 MRO,
//! a run-time pymm_mem descriptor per class), attribute lookup with descriptors.

use pymm_mem::{Obj, ObjRef, TypeInfo};

use crate::exc::{Exc, R, memory_error, new_exc, type_error};
use crate::object::*;
use crate::state::{builtin_type, none};

/// The Python name of a built-in kind's type.
fn kind_name(k: Kind) -> &'static str {
    match k {
        Kind::NoneType => "NoneType",
        Kind::NotImplementedType => "NotImplementedType",
        Kind::Ellipsis => "ellipsis",
        Kind::Int => "int",
        Kind::Bool => "bool",
        Kind::Float => "float",
        Kind::Complex => "complex",
        Kind::WeakRef => "ReferenceType",
        Kind::WeakProxy => "ProxyType",
        Kind::WeakCallableProxy => "CallableProxyType",
        Kind::ByteArray => "bytearray",
        Kind::Array => "array",
        Kind::MemoryView => "memoryview",
        Kind::GetSetDescr => "getset_descriptor",
        Kind::MemberDescr => "member_descriptor",
        Kind::MappingProxy => "mappingproxy",
        Kind::Str => "str",
        Kind::Bytes => "bytes",
        Kind::Tuple => "tuple",
        Kind::List => "list",
        Kind::Dict => "dict",
        Kind::Set => "set",
        Kind::FrozenSet => "frozenset",
        Kind::Range => "range",
        Kind::Slice => "slice",
        Kind::Function => "function",
        Kind::BuiltinFunction => "builtin_function_or_method",
        Kind::Method => "method",
        Kind::Code => "code",
        Kind::Cell => "cell",
        Kind::Traceback => "traceback",
        Kind::Frame => "frame",
        Kind::RandomState => "random_state",
        Kind::Generator => "generator",
        Kind::Type => "type",
        Kind::Object => "object",
        Kind::Module => "module",
        Kind::BaseException => "BaseException",
        Kind::Property => "property",
        Kind::StaticMethod => "staticmethod",
        Kind::ClassMethod => "classmethod",
        Kind::Super => "super",
        Kind::Iterator => "iterator",
        Kind::DictView => "dict_view",
    }
}

/// A static (built-in) type object: immortal and, as in CPython, not tracked by the
/// collector.
fn alloc_type(body: TypeBody) -> ObjRef {
    ObjRef::new(&TYPE_T, body).expect("out of memory allocating a type")
}

/// Creates the type objects of all built-in kinds (called once per thread).
pub fn make_builtin_types() -> Vec<ObjRef> {
    let mut v: Vec<ObjRef> = Vec::with_capacity(NKINDS);
    for i in 0..NKINDS {
        let k = Kind::from_usize(i);
        let name = kind_name(k);
        let t = alloc_type(TypeBody {
            name: name.to_string().into(),
            qualname: name.to_string().into(),
            dict: crate::dict::new_dict(),
            bases: Slot::new(crate::state::sg().empty_tuple.clone()),
            base: OptSlot::default(),
            mro: Default::default(),
            instance_info: std::cell::Cell::new(Some(static_info(k))),
            base_kind: k,
            is_heap: false,
            slots: Default::default(),
            slot_layout: Default::default(),
            weaklist: Default::default(),
            custom_getattribute: Default::default(),
            shared_keys: Default::default(),
            attr_flags: Default::default(),
            attr_epoch: Default::default(),
            // `object` starts with subclasses, as in CPython (its dict exists already).
            subclasses: OptSlot::new((k == Kind::Object).then(crate::dict::new_dict)),
        });
        v.push(t);
    }
    let object = v[Kind::Object as usize].clone();
    for (i, t) in v.iter().enumerate() {
        let k = Kind::from_usize(i);
        let b = t.as_obj().downcast::<TypeBody>().expect("type");
        let parent = match k {
            Kind::Object => None,
            Kind::Bool => Some(v[Kind::Int as usize].clone()),
            _ => Some(object.clone()),
        };
        let mut mro = vec![t.clone()];
        if let Some(p) = &parent {
            if k == Kind::Bool {
                mro.push(p.clone());
            }
            mro.push(object.clone());
            b.bases
                .set(crate::seq::new_tuple(vec![p.clone()]).expect("tuple"));
        }
        b.base.set(parent);
        b.mro
            .set(mro)
            .expect("out of memory building the built-in types");
    }
    v
}

/// A built-in class deriving from `base` whose instances have the body of kind `k`
/// (the exception hierarchy), taking weak references if `weakrefable` (a C type with a
/// weak-list slot).
pub fn new_builtin_subclass(
    name: &'static str,
    base: &ObjRef,
    k: Kind,
    weakrefable: bool,
) -> ObjRef {
    let t = alloc_type(TypeBody {
        name: name.to_string().into(),
        qualname: name.to_string().into(),
        dict: crate::dict::new_dict(),
        bases: Slot::new(crate::seq::new_tuple(vec![base.clone()]).expect("tuple")),
        base: OptSlot::new(Some(base.clone())),
        mro: Default::default(),
        instance_info: std::cell::Cell::new(None),
        base_kind: k,
        is_heap: false,
        slots: Default::default(),
        slot_layout: Default::default(),
        weaklist: Default::default(),
        custom_getattribute: Default::default(),
        shared_keys: Default::default(),
        attr_flags: Default::default(),
        attr_epoch: Default::default(),
        subclasses: Default::default(),
    });
    let b = tb(t.as_obj());
    let mut mro = vec![t.clone()];
    mro.extend(tb(base.as_obj()).mro.borrow().iter().cloned());
    b.mro
        .set(mro)
        .expect("out of memory building the built-in types");
    let info = heap_type_info_weak(static_info(k), name, weakrefable).leak_with_type_object(&t);
    b.instance_info.set(Some(info));
    add_subclass(base, &t).expect("out of memory building the built-in types");
    t
}

/// The type body of a type object.
#[inline]
pub fn tb(t: Obj<'_>) -> &TypeBody {
    t.downcast::<TypeBody>().expect("type object")
}

/// Whether `o` is a type object.
#[inline]
pub fn is_type(o: Obj<'_>) -> bool {
    kind(o) == Kind::Type
}

/// `type(o)`.
#[inline]
pub fn type_of(o: Obj<'_>) -> ObjRef {
    match o.type_object() {
        Some(t) => t.to_owned(),
        None => match kind(o) {
            // One body kind, several Python types: the views and the built-in iterators.
            Kind::DictView => named_builtin_type(Kind::DictView, view_type_name(o)),
            Kind::Iterator => named_builtin_type(Kind::Iterator, iterator_type_name(o)),
            Kind::BuiltinFunction => match o.downcast::<BuiltinBody>().map(|b| b.flavor()) {
                Some(f) if f != BuiltinFlavor::Function => {
                    named_builtin_type(Kind::BuiltinFunction, f.type_name())
                }
                _ => builtin_type(Kind::BuiltinFunction),
            },
            k => builtin_type(k),
        },
    }
}

fn view_type_name(o: Obj<'_>) -> &'static str {
    match crate::object::view_which(o) {
        0 => "dict_keys",
        1 => "dict_values",
        _ => "dict_items",
    }
}

fn iterator_type_name(o: Obj<'_>) -> &'static str {
    o.type_info().name()
}

thread_local! {
    /// The named subtypes of one body kind (`list_iterator`, `dict_keys`, ...), made on
    /// first use. `ManuallyDrop`: they belong to the thread's runtime.
    static NAMED_TYPES: std::mem::ManuallyDrop<std::cell::RefCell<Vec<(&'static str, ObjRef)>>> =
        const { std::mem::ManuallyDrop::new(std::cell::RefCell::new(Vec::new())) };
}

/// The type object named `name` whose instances have the body of kind `k` (a subclass
/// of the kind's type, so that it has its methods).
fn named_builtin_type(k: Kind, name: &'static str) -> ObjRef {
    if let Some(t) = NAMED_TYPES.with(|n| {
        n.borrow()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, t)| t.clone())
    }) {
        return t;
    }
    let t = new_builtin_subclass(name, &builtin_type(k), k, true);
    if k == Kind::Iterator && crate::iter::has_length_hint(name) {
        crate::dict::set_str(
            &tb(t.as_obj()).dict,
            "__length_hint__",
            crate::call::new_builtin("__length_hint__", crate::iter::length_hint, name),
        );
    }
    NAMED_TYPES.with(|n| n.borrow_mut().push((name, t.clone())));
    t
}

/// Whether `o`'s type was defined in Python (so special methods may be overridden).
#[inline]
pub fn is_heap_instance(o: Obj<'_>) -> bool {
    o.type_object().is_some_and(|t| tb(t).is_heap)
}

/// `tp_name`.
pub fn type_name(t: Obj<'_>) -> String {
    tb(t).name.borrow().clone()
}

/// The `__module__` of a type.
pub fn type_module(t: Obj<'_>) -> String {
    let b = tb(t);
    if !b.is_heap {
        return match b.base_kind {
            Kind::WeakRef | Kind::WeakProxy | Kind::WeakCallableProxy => "weakref".into(),
            Kind::Array => "array".into(),
            _ => "builtins".into(),
        };
    }
    crate::dict::get_str(b.dict.as_obj(), "__module__")
        .map(|m| crate::str::as_str(m.as_obj()).into_owned())
        .unwrap_or_else(|| "builtins".into())
}

/// The type name of an object, for error messages.
pub fn obj_type_name(o: &ObjRef) -> String {
    let t = type_of(o.as_obj());
    let b = tb(t.as_obj());
    // CPython's tp_name carries the module for types defined outside builtins.
    if !b.is_heap
        && matches!(
            b.base_kind,
            Kind::WeakRef | Kind::WeakProxy | Kind::WeakCallableProxy
        )
    {
        return format!("weakref.{}", b.name.borrow());
    }
    if !b.is_heap && b.base_kind == Kind::Array {
        return "array.array".into();
    }
    type_name(t.as_obj())
}

/// The descriptor instances of `t` are allocated with.
pub fn instance_info(t: Obj<'_>) -> &'static TypeInfo {
    tb(t).instance_info.get().unwrap_or(&OBJECT_T)
}

/// `issubclass(a, b)` for type objects.
pub fn is_subtype(a: Obj<'_>, b: Obj<'_>) -> bool {
    if a.addr() == b.addr() {
        return true;
    }
    tb(a)
        .mro
        .borrow()
        .iter()
        .any(|c| c.as_obj().addr() == b.addr())
}

/// One entry of the type lookup cache: which class of `ty`'s MRO defines `name`
/// (`u32::MAX`: none does) and at which entry of that class's dict. It holds the name
/// (so its address stays unique) but no attribute value, so the cache never keeps an
/// object alive; the dict entry is revalidated by key identity on every hit.
struct CacheEntry {
    ty: usize,
    name: Option<ObjRef>,
    pos: u32,
    ix: u32,
}

const CACHE_SIZE: usize = 4096;

thread_local! {
    /// CPython's method cache, direct-mapped by (type, name) address. `ManuallyDrop`: the
    /// names belong to the thread's pymm_mem runtime.
    static TYPE_CACHE: std::mem::ManuallyDrop<std::cell::RefCell<Vec<CacheEntry>>> =
        const { std::mem::ManuallyDrop::new(std::cell::RefCell::new(Vec::new())) };
}

thread_local! {
    /// Bumped with every invalidation: per-type attribute flags computed under an older
    /// epoch are stale.
    static TYPE_EPOCH: std::cell::Cell<u64> = const { std::cell::Cell::new(1) };
}

/// Some class in the MRO has a data descriptor (property, `__set__`, `__slots__`).
pub const ATTR_DATA_DESCR: u8 = 1;
/// `__setattr__` or `__delattr__` defined in Python.
pub const ATTR_CUSTOM_SET: u8 = 2;
/// `__getattribute__` defined in Python.
pub const ATTR_CUSTOM_GET: u8 = 4;
/// Instances have a `__dict__` ([`type_has_dict`]).
pub const ATTR_HAS_DICT: u8 = 8;

/// The attribute-access flags of class `t` (recomputed after class dicts change).
pub fn attr_flags(t: Obj<'_>) -> u8 {
    let b = tb(t);
    let epoch = TYPE_EPOCH.with(|e| e.get());
    if b.attr_epoch.get() == epoch {
        return b.attr_flags.get();
    }
    let mut f = 0;
    for c in b.mro.borrow().iter() {
        let cb = tb(c.as_obj());
        if cb.slots.borrow().as_ref().is_some_and(|s| !s.is_empty()) {
            f |= ATTR_DATA_DESCR;
        }
        for (k, v) in crate::dict::items(cb.dict.as_obj()) {
            let name = crate::str::as_str(k.as_obj());
            match &*name {
                "__setattr__" | "__delattr__" if kind(v.as_obj()) == Kind::Function => {
                    f |= ATTR_CUSTOM_SET
                }
                "__getattribute__" if kind(v.as_obj()) == Kind::Function => f |= ATTR_CUSTOM_GET,
                _ => {}
            }
            if kind(v.as_obj()) == Kind::Property
                || (is_heap_instance(v.as_obj())
                    && (lookup_special(&v, "__set__").is_some()
                        || lookup_special(&v, "__delete__").is_some()))
            {
                f |= ATTR_DATA_DESCR;
            }
        }
    }
    if type_has_dict(t) {
        f |= ATTR_HAS_DICT;
    }
    b.attr_flags.set(f);
    b.attr_epoch.set(epoch);
    f
}

/// The current type epoch: cached facts about classes stay valid while it is unchanged
/// (CPython's `tp_version_tag`, for all classes at once).
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.with(|e| e.get())
}

/// An attribute cache entry (CPython 3.11's `LOAD_ATTR_INSTANCE_VALUE`,
/// `STORE_ATTR_INSTANCE_VALUE` and `LOAD_METHOD_WITH_VALUES` caches): valid for instances
/// whose class is the type object at `ty`, while the type epoch is `epoch`. For
/// attributes `index` is the name's inline-value index; for methods it is the number of
/// the class's shared keys, none of which was the method's name.
#[derive(Clone, Copy, Debug, Default)]
pub struct AttrCache {
    ty: usize,
    epoch: u64,
    index: u32,
    /// The attribute is `__slots__` value `index` (`LOAD_ATTR_SLOT`), not an inline value.
    slot: bool,
    /// For methods: where the class found it, the position in its MRO of the class whose
    /// dict holds it and the number of the dict entry (checked on use).
    mro_pos: u32,
    dict_ix: u32,
}

/// The caches of one name in one code object: four entries, one per class seen (see
/// `entry_for`), so that a site that sees instances of a few classes (a base-class
/// method called on subclasses) keeps hitting.
pub type AttrCaches = [std::cell::Cell<AttrCache>; 4];

/// The entry of `caches` to fill for class `t`: its own entry if it has one (stale),
/// else an unused or stale one, else the one its address hashes to. A site that sees a
/// few classes keeps one entry each, whatever their addresses (hashing alone made two
/// of a program's classes evict each other when their addresses collided).
#[inline(never)]
fn entry_for<'c>(caches: &'c AttrCaches, t: Obj<'_>) -> &'c std::cell::Cell<AttrCache> {
    let a = t.addr();
    let epoch = type_epoch();
    caches
        .iter()
        .find(|e| e.get().ty == a)
        .or_else(|| caches.iter().find(|e| e.get().epoch != epoch))
        .unwrap_or(&caches[((a >> 4) ^ (a >> 7)) & 3])
}

/// The cache entry for `t` under the current epoch with `index`.
fn cache_for(t: Obj<'_>, index: usize) -> AttrCache {
    AttrCache {
        ty: t.addr(),
        epoch: type_epoch(),
        index: index as u32,
        slot: false,
        mro_pos: 0,
        dict_ix: 0,
    }
}

/// The cache entry for `__slots__` value `index` of `t`'s instances.
fn slot_cache_for(t: Obj<'_>, index: usize) -> AttrCache {
    AttrCache {
        slot: true,
        ..cache_for(t, index)
    }
}

/// The `__slots__` index of `name` on `o`, when `o`'s class finds `name` to be that
/// slot's member descriptor (which then decides every access, as a data descriptor).
fn slot_by_descriptor(o: Obj<'_>, name: &ObjRef) -> Option<usize> {
    let t = o.type_object()?;
    let d = lookup(t, name)?;
    let g = d.as_obj().downcast::<GetSetBody>()?;
    if !matches!(g.which, GetSetWhich::Member) || !g.name.get().is(name) {
        return None;
    }
    slot_index(o, name)
}

/// The instance body, class and entry for `obj`, if `caches` has an entry for its class
/// under the current epoch. An inline-value entry applies only while `obj` keeps its
/// values inline ([`uses_inline_values`]).
#[inline]
fn cache_hit<'a>(caches: &AttrCaches, obj: Obj<'a>) -> Option<(Obj<'a>, AttrCache)> {
    let t = obj.type_object()?;
    let (a, epoch) = (t.addr(), type_epoch());
    // The first entry holds a monomorphic site's class: one comparison inline.
    let e = caches[0].get();
    if e.ty == a && e.epoch == epoch {
        return Some((t, e));
    }
    other_cache_hit(caches, a, epoch).map(|e| (t, e))
}

/// [`cache_hit`] in the entries a polymorphic site fills after the first.
#[inline(never)]
fn other_cache_hit(caches: &AttrCaches, a: usize, epoch: u64) -> Option<AttrCache> {
    caches[1..].iter().find_map(|e| {
        let e = e.get();
        (e.ty == a && e.epoch == epoch).then_some(e)
    })
}

/// `__slots__` value `i` of `o`, wherever its layout keeps it (in the object, or in
/// the attribute block of an instance that also has a `__dict__`): `None` when `o`
/// has no slot `i` or it is unset.
#[inline]
fn slot_value(o: Obj<'_>, i: usize) -> Option<ObjRef> {
    if let Some(slots) = crate::object::inline_slots(o) {
        return slots.get(i)?.get();
    }
    match o.inline_values() {
        Some(values) => values.slot(i),
        None => {
            let d = hidden_table(o, false)?;
            let name = slot_layout(o.type_object()?).get(i)?.clone();
            crate::dict::get_str_obj(d.as_obj(), &name)
        }
    }
}

/// The hidden table of an object with a pre-header whose body has no room for some of
/// its fields: the `__slots__` values of an instance of a subclass of a built-in type
/// other than `object`, or an exception's members (`AttributeError.name`...). An
/// untracked dict in the pre-header's first slot, by name, visited and cleared with
/// the object (whose `__dict__`, if any, is the second slot). `create`: make it if it
/// is not there yet.
fn hidden_table(o: Obj<'_>, create: bool) -> Option<ObjRef> {
    if kind(o) == Kind::Object {
        return None;
    }
    let table = o.preheader_values()?;
    if let Some(d) = cell_get(table) {
        return Some(d);
    }
    if !create {
        return None;
    }
    let d = crate::dict::new_dict();
    table.set(Some(d.clone()));
    Some(d)
}

/// Sets (`Some`) or clears (`None`) `__slots__` value `i` of `o`, returning the old
/// value; `Err(v)` when `o` has no slot `i`.
#[inline]
fn set_slot_value(
    o: Obj<'_>,
    i: usize,
    v: Option<ObjRef>,
) -> Result<Option<ObjRef>, Option<ObjRef>> {
    if let Some(slots) = crate::object::inline_slots(o) {
        return match slots.get(i) {
            Some(s) => Ok(s.0.replace(v)),
            None => Err(v),
        };
    }
    if let Some(values) = o.inline_values() {
        return values.set_slot(i, v);
    }
    let name = match o.type_object().and_then(|t| slot_layout(t).get(i).cloned()) {
        Some(n) => n,
        None => return Err(v),
    };
    set_hidden(o, name, v).map_err(|_| None)
}

/// Sets (`Some`) or removes (`None`) entry `name` of `o`'s [`hidden_table`]; returns the
/// old value.
fn set_hidden(o: Obj<'_>, name: ObjRef, v: Option<ObjRef>) -> R<Option<ObjRef>> {
    let Some(d) = hidden_table(o, v.is_some()) else {
        return Ok(None);
    };
    let old = crate::dict::get_str_obj(d.as_obj(), &name);
    match v {
        Some(v) => crate::dict::set(d.as_obj(), name, v)?,
        None if old.is_some() => drop(crate::dict::del(d.as_obj(), &name)?),
        None => {}
    }
    // The object reports the values to the collector itself.
    if d.as_obj().is_tracked() {
        d.as_obj().untrack();
    }
    Ok(old)
}

/// An exception's member `name` (`AttributeError.name` and `.obj`, `NameError.name`):
/// fields of CPython's exception structs, kept out of the instance `__dict__`.
pub fn exc_member(o: Obj<'_>, name: &str) -> Option<ObjRef> {
    let d = hidden_table(o, false)?;
    crate::dict::get_str(d.as_obj(), name)
}

/// Removes an exception's member `name` (see [`exc_member`]).
pub fn clear_exc_member(o: Obj<'_>, name: &str) {
    let _ = set_hidden(o, crate::str::intern(name), None);
}

/// Sets an exception's member `name` (see [`exc_member`]).
pub fn set_exc_member(o: Obj<'_>, name: &str, v: ObjRef) -> R<()> {
    set_hidden(o, crate::str::intern(name), Some(v)).map(drop)
}

/// How many `__slots__` values `o` has.
fn slot_count(o: Obj<'_>) -> usize {
    if let Some(slots) = crate::object::inline_slots(o) {
        return slots.len();
    }
    match o.inline_values() {
        Some(values) => values.slot_count(),
        None if o.preheader().is_some()
            && !matches!(kind(o), Kind::Object | Kind::BaseException) =>
        {
            // (Exceptions keep members, not slot values, in their hidden table.)
            o.type_object().map_or(0, |t| slot_layout(t).len())
        }
        None => 0,
    }
}

/// Names whose meaning on every instance comes from a data descriptor of `object` or of
/// the class (`__class__`, `__dict__`, `__weakref__`): never cached as inline values.
fn is_reserved_attr(name: &ObjRef) -> bool {
    ["__class__", "__dict__", "__weakref__"]
        .iter()
        .any(|n| crate::str::eq(name.as_obj(), crate::str::intern_static(n).as_obj()))
}

/// `LOAD_ATTR` through the name's caches.
#[inline]
pub fn load_attr_cached(caches: &AttrCaches, o: &ObjRef, name: &ObjRef) -> R<ObjRef> {
    let obj = o.as_obj();
    if let Some((_, e)) = cache_hit(caches, obj) {
        let i = e.index as usize;
        let v = if e.slot {
            slot_value(obj, i)
        } else if uses_inline_values(obj) {
            obj.inline_values().and_then(|values| values.get(i))
        } else {
            None
        };
        if let Some(v) = v {
            return Ok(v);
        }
    }
    let v = getattr(o, name)?;
    if let Some(t) = obj.type_object()
        && attr_flags(t) & ATTR_CUSTOM_GET == 0
        && let Some(i) = slot_by_descriptor(obj, name)
    {
        entry_for(caches, t).set(slot_cache_for(t, i));
        return Ok(v);
    }
    // Learn where the value was found: an inline value of a class without data
    // descriptors or a custom __getattribute__.
    if let Some(t) = obj.type_object()
        && attr_flags(t) & (ATTR_DATA_DESCR | ATTR_CUSTOM_GET) == 0
        && uses_inline_values(obj)
        && let Some(i) = shared_key_index(obj, name, false)
        && obj
            .inline_values()
            .and_then(|values| values.get(i as usize))
            .is_some_and(|x| x.is(&v))
    {
        entry_for(caches, t).set(cache_for(t, i as usize));
    }
    Ok(v)
}

/// `STORE_ATTR` through the name's caches.
#[inline]
pub fn store_attr_cached(caches: &AttrCaches, o: &ObjRef, name: &ObjRef, v: ObjRef) -> R<()> {
    let obj = o.as_obj();
    let mut v = v;
    if let Some((_, e)) = cache_hit(caches, obj) {
        let i = e.index as usize;
        if e.slot {
            match set_slot_value(obj, i, Some(v)) {
                Ok(old) => {
                    drop(old);
                    return Ok(());
                }
                Err(back) => v = back.expect("the value"),
            }
        }
        if !e.slot
            && uses_inline_values(obj)
            && let Some(values) = obj.inline_values()
        {
            match values.set(i, v) {
                Ok(old) => {
                    drop(old);
                    return Ok(());
                }
                // Out of room: the general path moves the values into a dict.
                Err(back) => v = back,
            }
        }
    }
    setattr(o, name, Some(v))?;
    if let Some(t) = obj.type_object()
        && attr_flags(t) & ATTR_CUSTOM_SET == 0
        && let Some(i) = slot_by_descriptor(obj, name)
    {
        entry_for(caches, t).set(slot_cache_for(t, i));
        return Ok(());
    }
    if let Some(t) = obj.type_object()
        && kind(obj) == Kind::Object
        && attr_flags(t) & (ATTR_DATA_DESCR | ATTR_CUSTOM_SET) == 0
        && uses_inline_values(obj)
        && !is_reserved_attr(name)
        && let Some(i) = shared_key_index(obj, name, false)
    {
        entry_for(caches, t).set(cache_for(t, i as usize));
    }
    Ok(())
}

/// `LOAD_METHOD`'s cached case: the plain function that `o`'s class defines for `name`,
/// when the caches say no instance of the class can shadow it.
#[inline]
pub fn load_method_cached(caches: &AttrCaches, o: &ObjRef, name: &ObjRef) -> Option<ObjRef> {
    let (t, e) = cache_hit(caches, o.as_obj())?;
    let b = tb(t);
    if e.slot
        || !uses_inline_values(o.as_obj())
        || b.shared_keys.borrow().names.len() != e.index as usize
    {
        return None;
    }
    // Straight to the entry that held the method: the epoch says no class dict changed.
    let mro = b.mro.borrow();
    mro.get(e.mro_pos as usize)
        .and_then(|c| {
            crate::dict::get_str_at(tb(c.as_obj()).dict.as_obj(), e.dict_ix as usize, name)
        })
        .or_else(|| {
            drop(mro);
            lookup(t, name)
        })
}

/// Where `name` is found along `t`'s MRO (`_PyType_Lookup`'s walk): the position of the
/// class whose dict has it, the number of its entry there, and the value.
fn lookup_location(t: Obj<'_>, name: &ObjRef) -> Option<(usize, usize, ObjRef)> {
    let mro = tb(t).mro.borrow();
    mro.iter().enumerate().find_map(|(i, c)| {
        crate::dict::get_str_entry(tb(c.as_obj()).dict.as_obj(), name).map(|(ix, v)| (i, ix, v))
    })
}

/// Records in `LOAD_METHOD`'s caches that `o`'s class provides `name` as a plain method
/// (the caller found it so) and that its instances cannot shadow it (the name is not one
/// of the class's shared keys).
pub fn fill_method_cache(caches: &AttrCaches, o: &ObjRef, name: &ObjRef) {
    let obj = o.as_obj();
    if let Some(t) = obj.type_object()
        && !tb(t).custom_getattribute.get()
        && uses_inline_values(obj)
        && shared_key_index(obj, name, false).is_none()
        && let Some((pos, ix, _)) = lookup_location(t, name)
    {
        let n = tb(t).shared_keys.borrow().names.len();
        entry_for(caches, t).set(AttrCache {
            mro_pos: pos as u32,
            dict_ix: ix as u32,
            ..cache_for(t, n)
        });
    }
}

/// Forgets every cached lookup; called whenever a class dict may have changed.
pub fn invalidate_type_cache() {
    // `try_with`: classes are also freed while the thread's locals are torn down.
    let _ = TYPE_EPOCH.try_with(|e| e.set(e.get() + 1));
    let _ = TYPE_CACHE.try_with(|c| {
        if let Ok(mut v) = c.try_borrow_mut() {
            for e in v.iter_mut() {
                e.ty = 0;
                drop(e.name.take());
            }
        }
    });
}

#[inline]
fn cache_slot(t: Obj<'_>, name: &ObjRef) -> usize {
    ((t.addr() >> 4) ^ (name.as_obj().addr() >> 3)).wrapping_mul(0x9E37_79B9) % CACHE_SIZE
}

/// Looks `name` up along the MRO of type `t` (`_PyType_Lookup`), through the cache.
#[inline]
pub fn lookup(t: Obj<'_>, name: &ObjRef) -> Option<ObjRef> {
    let slot = cache_slot(t, name);
    let cached = TYPE_CACHE.with(|c| {
        let v = c.borrow();
        v.get(slot).and_then(|e| {
            (e.ty == t.addr() && e.name.as_ref().is_some_and(|n| n.is(name)))
                .then_some((e.pos, e.ix))
        })
    });
    let b = tb(t);
    if let Some((pos, ix)) = cached {
        if pos == u32::MAX {
            return None;
        }
        let mro = b.mro.borrow();
        if let Some(c) = mro.get(pos as usize) {
            let d = tb(c.as_obj()).dict.as_obj();
            if let Some(v) = crate::dict::get_str_at(d, ix as usize, name)
                .or_else(|| crate::dict::get_str_obj(d, name))
            {
                return Some(v);
            }
        }
    }
    let (pos, ix, found) = match lookup_location(t, name) {
        Some((pos, ix, v)) => (pos as u32, ix as u32, Some(v)),
        None => (u32::MAX, 0, None),
    };
    TYPE_CACHE.with(|c| {
        if let Ok(mut v) = c.try_borrow_mut() {
            if v.is_empty() {
                v.resize_with(CACHE_SIZE, || CacheEntry {
                    ty: 0,
                    name: None,
                    pos: 0,
                    ix: 0,
                });
            }
            let e = &mut v[slot];
            e.ty = t.addr();
            let old = e.name.replace(name.clone());
            e.pos = pos;
            e.ix = ix;
            drop(v);
            drop(old);
        }
    });
    found
}

/// Looks a special method up on the type of `o`.
pub fn lookup_special(o: &ObjRef, name: &'static str) -> Option<ObjRef> {
    let t = type_of(o.as_obj());
    lookup(t.as_obj(), &crate::str::intern_static(name))
}

/// A special method defined in Python (or any callable other than a built-in method
/// descriptor) on the type of `o`: the methods the interpreter must call instead of the
/// built-in behaviour of `o`'s body.
pub fn user_special(o: &ObjRef, name: &'static str) -> Option<ObjRef> {
    lookup_special(o, name).filter(|f| {
        f.as_obj()
            .downcast::<BuiltinBody>()
            .is_none_or(|b| b.owner().is_empty() || b.bound.get().is_some())
    })
}

/// C3 linearisation.
fn c3_mro(t: &ObjRef, bases: &[ObjRef]) -> R<Vec<ObjRef>> {
    let mut seqs: Vec<Vec<ObjRef>> = bases
        .iter()
        .map(|b| tb(b.as_obj()).mro.borrow().to_vec())
        .collect();
    seqs.push(bases.to_vec());
    let mut out = vec![t.clone()];
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Ok(out);
        }
        let mut found = None;
        for s in &seqs {
            let cand = &s[0];
            if !seqs.iter().any(|s2| s2[1..].iter().any(|x| x.is(cand))) {
                found = Some(cand.clone());
                break;
            }
        }
        let Some(c) = found else {
            let names: Vec<String> = bases.iter().map(|b| type_name(b.as_obj())).collect();
            return Err(type_error(format!(
                "Cannot create a consistent method resolution\norder (MRO) for bases {}",
                names.join(", ")
            )));
        };
        for s in seqs.iter_mut() {
            if s[0].is(&c) {
                s.remove(0);
            }
        }
        out.push(c);
    }
}

/// `type(name, bases, ns)`: creates a class.
pub fn new_class(meta: &ObjRef, name: &str, bases_tuple: &ObjRef, ns: &ObjRef) -> R {
    let object = builtin_type(Kind::Object);
    // A class keeps the bases tuple it was given; without bases it gets `(object,)`.
    let given = crate::seq::tuple_items(bases_tuple.as_obj()).to_vec();
    let (bases, bases_tuple) = if given.is_empty() {
        let v = vec![object.clone()];
        let t = crate::seq::new_tuple(v.clone())?;
        (v, t)
    } else if kind(bases_tuple.as_obj()) == Kind::Tuple && !is_heap_instance(bases_tuple.as_obj()) {
        (given, bases_tuple.clone())
    } else {
        let t = crate::seq::new_tuple(given.clone())?;
        (given, t)
    };
    for b in &bases {
        if !is_type(b.as_obj()) {
            // `_PyType_CalculateMetaclass` sees the base's type (not a metaclass) first.
            return Err(type_error(
                "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
            ));
        }
        let k = tb(b.as_obj()).base_kind;
        if matches!(
            k,
            Kind::Bool
                | Kind::Function
                | Kind::Generator
                | Kind::NoneType
                | Kind::Range
                | Kind::Slice
                | Kind::RandomState
        ) {
            return Err(type_error(format!(
                "type '{}' is not an acceptable base type",
                type_name(b.as_obj())
            )));
        }
    }
    // The solid base decides the instance body.
    let base_kind = bases
        .iter()
        .map(|b| tb(b.as_obj()).base_kind)
        .find(|k| *k != Kind::Object)
        .unwrap_or(Kind::Object);
    let dict = crate::dict::try_new_dict()?;
    for (k, v) in crate::dict::items(ns.as_obj()) {
        crate::dict::set(dict.as_obj(), k, v)?;
    }
    // `type_new_staticmethod` / `type_new_classmethod`: plain functions named `__new__`,
    // `__init_subclass__` and `__class_getitem__` become static and class methods
    // (`PyStaticMethod_New`/`PyClassMethod_New`: no attributes copied).
    for (special, is_static) in [
        ("__new__", true),
        ("__init_subclass__", false),
        ("__class_getitem__", false),
    ] {
        if let Some(f) = crate::dict::get_str(dict.as_obj(), special)
            && kind(f.as_obj()) == Kind::Function
        {
            crate::dict::set_str(
                &dict,
                special,
                crate::methods::implicit_wrapper(f, is_static)?,
            );
        }
    }
    // A class that defines __eq__ but not __hash__ is unhashable (type_new sets
    // __hash__ = None).
    if crate::dict::get_str(dict.as_obj(), "__eq__").is_some()
        && crate::dict::get_str(dict.as_obj(), "__hash__").is_none()
    {
        crate::dict::set_str(&dict, "__hash__", none());
    }
    let slots = match crate::dict::get_str(dict.as_obj(), "__slots__") {
        Some(s) => {
            let names = if crate::str::is_str(s.as_obj()) {
                vec![s]
            } else {
                crate::iter::collect(&s)?
            };
            // `type_new_copy_slots`: private names are mangled, and the slots sorted.
            let mut names = names
                .iter()
                .map(|n| mangle(name, &crate::str::as_str(n.as_obj())))
                .collect::<Vec<_>>();
            names.sort();
            // Variable-size objects (CPython's `tp_itemsize`) have no room after
            // their items.
            if matches!(base_kind, Kind::Int | Kind::Tuple | Kind::Bytes)
                && names.iter().any(|n| n != "__dict__" && n != "__weakref__")
            {
                return Err(type_error(format!(
                    "nonempty __slots__ not supported for subtype of '{}'",
                    kind_name(base_kind)
                )));
            }
            for n in &names {
                if n != "__dict__"
                    && n != "__weakref__"
                    && crate::dict::get_str(dict.as_obj(), n).is_some()
                {
                    return Err(crate::exc::value_error(format!(
                        "'{n}' in __slots__ conflicts with class variable"
                    )));
                }
            }
            Some(names)
        }
        None => None,
    };
    let t = ObjRef::new(
        crate::typeobj::instance_info(meta.as_obj()),
        TypeBody {
            name: name.to_string().into(),
            qualname: crate::dict::get_str(dict.as_obj(), "__qualname__")
                .map(|q| crate::str::as_str(q.as_obj()).into_owned())
                .unwrap_or_else(|| name.to_string())
                .into(),
            dict,
            bases: Slot::new(bases_tuple),
            base: OptSlot::new(Some(bases[0].clone())),
            mro: Default::default(),
            instance_info: std::cell::Cell::new(None),
            base_kind,
            is_heap: true,
            slots: std::cell::RefCell::new(slots),
            slot_layout: Default::default(),
            weaklist: Default::default(),
            custom_getattribute: Default::default(),
            shared_keys: Default::default(),
            attr_flags: Default::default(),
            attr_epoch: Default::default(),
            subclasses: Default::default(),
        },
    )
    .map_err(|_| memory_error())?;
    t.track();
    let mro = c3_mro(&t, &bases)?;
    tb(t.as_obj()).mro.set(mro)?;
    let weakrefable = add_type_descriptors(&t)?;
    for base in &bases {
        add_subclass(base, &t)?;
    }
    let custom_ga = lookup(t.as_obj(), &crate::str::intern("__getattribute__"))
        .is_some_and(|f| kind(f.as_obj()) == Kind::Function);
    tb(t.as_obj()).custom_getattribute.set(custom_ga);
    invalidate_type_cache();
    let leaked_name: &'static str = Box::leak(name.to_string().into_boxed_str());
    // `__slots__` without `__weakref__` take weak references away from plain instances;
    // other solid bases decide for themselves.
    let weakrefable = match base_kind {
        // Variable-size objects (CPython's `tp_itemsize`) cannot take `__weakref__`.
        Kind::Int | Kind::Tuple | Kind::Bytes => false,
        // Their own instances can be weakly referenced.
        Kind::Set | Kind::FrozenSet | Kind::Type => true,
        _ => weakrefable,
    };
    // `__slots__` that leave out `__dict__` and `__weakref__` all the way up: the
    // values live in the object itself, as in CPython.
    let slotted =
        (base_kind == Kind::Object && !weakrefable && attr_flags(t.as_obj()) & ATTR_HAS_DICT == 0)
            .then(|| crate::object::slots_type_info(leaked_name, slot_layout(t.as_obj()).len()))
            .flatten();
    let mut info = match slotted {
        Some(i) => i,
        None if base_kind == Kind::WeakRef => pymm_mem::weakref::weakref_subtype_info(leaked_name)
            .gc(crate::object::weakref_sub_traverse)
            .clear(crate::object::weakref_sub_clear)
            .user_data(Kind::WeakRef as usize),
        None => heap_type_info_weak(static_info(base_kind), leaked_name, weakrefable),
    };
    if lookup(t.as_obj(), &crate::str::intern("__del__")).is_some() {
        info = info.finalize(instance_finalize);
    }
    let info = info.leak_with_type_object(&t);
    tb(t.as_obj()).instance_info.set(Some(info));
    if crate::dict::get_str(tb(t.as_obj()).dict.as_obj(), "__qualname__").is_some() {
        let _ = crate::dict::del(
            tb(t.as_obj()).dict.as_obj(),
            &crate::str::intern("__qualname__"),
        );
    }
    Ok(t)
}

/// `type_new_descriptors` and `type_dict_set_doc`: a class whose bases give its
/// instances no `__dict__` (or no weak reference list) gets a `getset_descriptor` for it,
/// unless its `__slots__` leave it out; then `__doc__` defaults to `None`.
///
/// Returns whether instances can be weakly referenced.
fn add_type_descriptors(t: &ObjRef) -> R<bool> {
    let b = tb(t.as_obj());
    let (adds_dict, adds_weakref) = adds_dict_weakref(t.as_obj());
    let members: Vec<String> = b
        .slots
        .borrow()
        .iter()
        .flatten()
        .filter(|n| *n != "__dict__" && *n != "__weakref__")
        .cloned()
        .collect();
    let mut descrs: Vec<(&'static TypeInfo, String, GetSetWhich)> = members
        .into_iter()
        .map(|n| (&MEMBER_T, n, GetSetWhich::Member))
        .collect();
    if adds_dict {
        descrs.push((&GETSET_T, "__dict__".into(), GetSetWhich::Dict));
    }
    if adds_weakref {
        descrs.push((&GETSET_T, "__weakref__".into(), GetSetWhich::Weakref));
    }
    for (info, name, which) in descrs {
        let d = ObjRef::new(
            info,
            GetSetBody {
                owner: Slot::new(t.clone()),
                name: Slot::new(crate::str::intern(&name)),
                qualname: OptSlot::default(),
                which,
            },
        )
        .map_err(|_| memory_error())?;
        d.track();
        crate::dict::set(b.dict.as_obj(), crate::str::intern(&name), d)?;
    }
    if crate::dict::get_str(b.dict.as_obj(), "__doc__").is_none() {
        crate::dict::set(b.dict.as_obj(), crate::str::intern("__doc__"), none())?;
    }
    Ok(type_layout(t.as_obj()).3 != 0)
}

/// `add_subclass`: `base.__subclasses__()` learns about `t` through a weak reference
/// (the shared basic one) in a dict keyed by `t`'s address.
pub(crate) fn add_subclass(base: &ObjRef, t: &ObjRef) -> R<()> {
    let b = tb(base.as_obj());
    let d = match b.subclasses.get() {
        Some(d) => d,
        None => {
            let d = crate::dict::try_new_dict()?;
            b.subclasses.set(Some(d.clone()));
            d
        }
    };
    let w = pymm_mem::weakref::new_weakref(
        &crate::object::WEAKREF_T,
        pymm_mem::weakref::WeakKind::Ref,
        t.as_obj(),
        None,
    )
    .map_err(|_| memory_error())?;
    let key = crate::int::from_i64(subclass_key(tb(t.as_obj())) as i64)?;
    crate::dict::set(d.as_obj(), key, w)
}

/// The key of a class in its bases' `tp_subclasses` (CPython uses the type's address;
/// pymm the address of its body, which the class's own destructor can compute too).
pub fn subclass_key(b: &TypeBody) -> usize {
    std::ptr::from_ref(b) as usize
}

/// The live subclasses of `t`, in the order they were made (`type.__subclasses__()`).
pub fn subclasses(t: Obj<'_>) -> Vec<ObjRef> {
    let Some(d) = tb(t).subclasses.get() else {
        return Vec::new();
    };
    crate::dict::items(d.as_obj())
        .into_iter()
        .filter_map(|(_, w)| crate::weakrefs::referent(&w))
        .collect()
}

/// `remove_subclass` for every base of a class being freed.
pub fn remove_subclass(bases: Obj<'_>, key: usize) {
    let Some(items) = bases.var_items::<TupleBody>() else {
        return;
    };
    for base in items {
        if kind(base.as_obj()) != Kind::Type {
            continue;
        }
        if let Some(d) = tb(base.as_obj()).subclasses.get()
            && let Ok(key) = crate::int::from_i64(key as i64)
        {
            let _ = crate::dict::del(d.as_obj(), &key);
        }
    }
}

/// Whether class `t` (defined in Python) gives its instances a `__dict__` and a weak
/// reference list that its bases do not (`type_new_slots`'s `add_dict`, `add_weak`).
fn adds_dict_weakref(t: Obj<'_>) -> (bool, bool) {
    let b = tb(t);
    if !b.is_heap {
        return (false, false);
    }
    let own = |name: &str| {
        b.slots
            .borrow()
            .as_ref()
            .is_none_or(|s| s.iter().any(|n| n == name))
    };
    let bases_give = |name: &str| {
        b.mro.borrow()[1..].iter().any(|c| {
            let cb = tb(c.as_obj());
            cb.is_heap
                && cb
                    .slots
                    .borrow()
                    .as_ref()
                    .is_none_or(|s| s.iter().any(|n| n == name))
        })
    };
    let k = b.base_kind;
    let adds_dict = own("__dict__")
        && !bases_give("__dict__")
        && !matches!(k, Kind::BaseException | Kind::Type);
    let adds_weakref = own("__weakref__")
        && !bases_give("__weakref__")
        && !matches!(
            k,
            Kind::Type | Kind::Set | Kind::FrozenSet | Kind::Int | Kind::Tuple | Kind::Bytes
        );
    (adds_dict, adds_weakref)
}

/// CPython 3.11's `tp_basicsize`, `tp_itemsize`, `tp_dictoffset` and
/// `tp_weaklistoffset` of type `t` (`__basicsize__`, ...): a table for the built-in
/// types, `type_new_descriptors`' arithmetic for classes defined in Python.
pub fn type_layout(t: Obj<'_>) -> (i64, i64, i64, i64) {
    let b = tb(t);
    if !b.is_heap {
        if b.base_kind == Kind::BaseException {
            let is_os = is_subtype(t, crate::exc::exc_type("OSError").as_obj());
            let size = match b.name.borrow().as_str() {
                _ if is_os => 112,
                "UnicodeDecodeError" | "UnicodeEncodeError" | "UnicodeTranslateError" => 112,
                "SyntaxError" | "IndentationError" | "TabError" => 136,
                "ImportError" | "ModuleNotFoundError" | "ExceptionGroup" => 96,
                "AttributeError" | "BaseExceptionGroup" => 88,
                "NameError" | "StopIteration" | "SystemExit" | "UnboundLocalError" => 80,
                _ => 72,
            };
            return (size, 0, 16, 0);
        }
        return match b.base_kind {
            Kind::Object | Kind::NoneType | Kind::NotImplementedType | Kind::Ellipsis => {
                (16, 0, 0, 0)
            }
            Kind::Int => (24, 4, 0, 0),
            Kind::Bool => (32, 4, 0, 0),
            Kind::Float => (24, 0, 0, 0),
            Kind::Complex => (32, 0, 0, 0),
            Kind::Str => (80, 0, 0, 0),
            Kind::Bytes => (33, 1, 0, 0),
            Kind::ByteArray => (56, 0, 0, 0),
            Kind::Tuple => (24, 8, 0, 0),
            Kind::List => (40, 0, 0, 0),
            Kind::Dict => (48, 0, 0, 0),
            Kind::Set | Kind::FrozenSet => (200, 0, 0, 192),
            Kind::Range => (48, 0, 0, 0),
            Kind::Slice => (40, 0, 0, 0),
            Kind::Function => (136, 0, 88, 96),
            Kind::BuiltinFunction => (56, 0, 0, 40),
            Kind::Method => (48, 0, 0, 32),
            Kind::Code => (184, 2, 0, 144),
            Kind::Cell => (24, 0, 0, 0),
            Kind::Traceback => (40, 0, 0, 0),
            Kind::Frame => (120, 8, 0, 0),
            Kind::RandomState => (16 + std::mem::size_of::<RandomStateBody>() as i64, 0, 0, 0),
            Kind::Generator => (152, 8, 0, 24),
            Kind::Type => (904, 40, 264, 368),
            Kind::Module => (56, 0, 16, 40),
            Kind::Property => (64, 0, 0, 0),
            Kind::StaticMethod | Kind::ClassMethod => (32, 0, 24, 0),
            Kind::Super => (40, 0, 0, 0),
            Kind::Iterator => (
                crate::iter::basicsize(&b.name.borrow()).unwrap_or(32),
                0,
                0,
                0,
            ),
            Kind::DictView => (24, 0, 0, 0),
            Kind::WeakRef | Kind::WeakProxy | Kind::WeakCallableProxy => (64, 0, 0, 0),
            Kind::MemoryView => (144, 8, 0, 136),
            Kind::Array => (64, 0, 0, 48),
            Kind::GetSetDescr | Kind::MemberDescr => (48, 0, 0, 0),
            Kind::MappingProxy => (24, 0, 0, 0),
            Kind::BaseException => (72, 0, 16, 0),
        };
    }
    let (basic, item, base_dict, base_weak) = match b.base.get() {
        Some(base) => type_layout(base.as_obj()),
        None => (16, 0, 0, 0),
    };
    let (adds_dict, adds_weak) = adds_dict_weakref(t);
    let nslots = b
        .slots
        .borrow()
        .iter()
        .flatten()
        .filter(|n| *n != "__dict__" && *n != "__weakref__")
        .count() as i64;
    let mut offset = basic + 8 * nslots;
    let mut dict = base_dict;
    let mut weak = base_weak;
    if adds_dict && item != 0 {
        dict = -8;
        offset += 8;
    }
    if adds_weak {
        weak = offset;
        offset += 8;
    }
    if adds_dict && item == 0 {
        dict = -offset - 24;
    }
    (offset, item, dict, weak)
}

/// `object.__sizeof__(o)`: `tp_basicsize + tp_itemsize * Py_SIZE(o)`.
pub fn object_sizeof(o: Obj<'_>) -> i64 {
    let t = type_of(o);
    let (basic, item, _, _) = type_layout(t.as_obj());
    if item == 0 {
        return basic;
    }
    let n = match kind(o) {
        Kind::Int | Kind::Bool => {
            let d = crate::int::ndigits(o) as i64;
            if crate::int::to_big(o).sign() == num_bigint::Sign::Minus {
                -d
            } else {
                d
            }
        }
        Kind::Tuple => crate::seq::tuple_items(o).len() as i64,
        Kind::Bytes => crate::builtins::bytes_data(o).len() as i64,
        _ => 0,
    };
    basic + item * n
}

/// A new read-only view of `mapping`.
pub fn new_mappingproxy(mapping: ObjRef) -> R {
    let p = ObjRef::new(
        &MAPPINGPROXY_T,
        MappingProxyBody {
            mapping: Slot::new(mapping),
        },
    )
    .map_err(|_| memory_error())?;
    p.track();
    Ok(p)
}

/// The mapping behind a `mappingproxy`.
pub fn proxied_mapping(o: Obj<'_>) -> Option<ObjRef> {
    o.downcast::<MappingProxyBody>().map(|p| p.mapping.get())
}

/// `_Py_Mangle`: `__name` inside class `class_name` becomes `_Class__name`.
pub fn mangle(class_name: &str, name: &str) -> String {
    let stripped = class_name.trim_start_matches('_');
    if !name.starts_with("__") || name.ends_with("__") || name.contains('.') || stripped.is_empty()
    {
        return name.to_string();
    }
    format!("_{stripped}{name}")
}

/// `getset_descriptor.__get__(obj)` for an instance.
pub fn getset_get(d: &ObjRef, o: &ObjRef) -> R {
    let g = d.as_obj().downcast::<GetSetBody>().expect("getset");
    let owner = g.owner.get();
    if !is_subtype(type_of(o.as_obj()).as_obj(), owner.as_obj()) {
        return Err(type_error(format!(
            "descriptor '{}' for '{}' objects doesn't apply to a '{}' object",
            crate::str::as_str(g.name.get().as_obj()),
            type_name(owner.as_obj()),
            obj_type_name(o)
        )));
    }
    match g.which {
        GetSetWhich::Dict => materialize_dict(o.as_obj()).ok_or_else(|| {
            new_exc(
                "AttributeError",
                &format!("'{}' object has no attribute '__dict__'", obj_type_name(o)),
            )
        }),
        GetSetWhich::BuiltinGetSet | GetSetWhich::BuiltinMember => {
            let n = g.name.get();
            crate::builtins::builtin_attr(o, &crate::str::as_str(n.as_obj()))?
                .ok_or_else(|| attr_error(o, &n))
        }
        GetSetWhich::Weakref => Ok(pymm_mem::weakref::weakrefs(o.as_obj())
            .into_iter()
            .next()
            .unwrap_or_else(none)),
        GetSetWhich::Member => {
            let name = g.name.get();
            let v = slot_index(o.as_obj(), &name).and_then(|i| slot_value(o.as_obj(), i));
            v.ok_or_else(|| {
                let n = crate::str::as_str(name.as_obj());
                new_exc(
                    "AttributeError",
                    &format!("'{}' object has no attribute '{n}'", obj_type_name(o)),
                )
            })
        }
    }
}

/// `descriptor.__set__(obj, value)` (`None` value: `__delete__`).
pub fn getset_set(d: &ObjRef, o: &ObjRef, value: Option<ObjRef>) -> R<()> {
    let g = d.as_obj().downcast::<GetSetBody>().expect("getset");
    let n = crate::str::as_str(g.name.get().as_obj()).into_owned();
    match g.which {
        GetSetWhich::Member => match slot_index(o.as_obj(), &g.name.get()) {
            Some(i) => {
                let deleting = value.is_none();
                let old = set_slot_value(o.as_obj(), i, value).ok().flatten();
                if deleting && old.is_none() {
                    return Err(new_exc(
                        "AttributeError",
                        &format!("'{}' object has no attribute '{n}'", obj_type_name(o)),
                    ));
                }
                drop(old);
                Ok(())
            }
            _ => Err(type_error(format!(
                "descriptor '{n}' for '{}' objects doesn't apply to a '{}' object",
                type_name(g.owner.get().as_obj()),
                obj_type_name(o)
            ))),
        },
        GetSetWhich::BuiltinMember => Err(new_exc("AttributeError", "readonly attribute")),
        _ => Err(new_exc(
            "AttributeError",
            &format!(
                "attribute '{n}' of '{}' objects is not writable",
                type_name(g.owner.get().as_obj())
            ),
        )),
    }
}

/// Puts the read-only attributes of the numeric types in their type dicts, as the
/// `getset_descriptor`s (`member_descriptor`s for complex) CPython has there.
pub fn add_builtin_attribute_descriptors() -> R<()> {
    let sets: [(Kind, &[&str], bool); 3] = [
        (
            Kind::Int,
            &["real", "imag", "numerator", "denominator"],
            false,
        ),
        (Kind::Float, &["real", "imag"], false),
        (Kind::Complex, &["real", "imag"], true),
    ];
    for (k, names, member) in sets {
        let t = builtin_type(k);
        for name in names {
            let d = ObjRef::new(
                if member { &MEMBER_T } else { &GETSET_T },
                GetSetBody {
                    owner: Slot::new(t.clone()),
                    name: Slot::new(crate::str::intern(name)),
                    qualname: OptSlot::default(),
                    which: if member {
                        GetSetWhich::BuiltinMember
                    } else {
                        GetSetWhich::BuiltinGetSet
                    },
                },
            )
            .map_err(|_| memory_error())?;
            d.track();
            crate::dict::set(tb(t.as_obj()).dict.as_obj(), crate::str::intern(name), d)?;
        }
    }
    Ok(())
}

fn descr_get_method(args: &[ObjRef], _kw: &crate::call::Kw) -> R {
    crate::call::check_args("__get__", &args[1.min(args.len())..], 1, 2)?;
    if kind(args[1].as_obj()) == Kind::NoneType {
        return Ok(args[0].clone());
    }
    getset_get(&args[0], &args[1])
}

fn descr_set_method(args: &[ObjRef], _kw: &crate::call::Kw) -> R {
    crate::call::check_args("__set__", &args[1.min(args.len())..], 2, 2)?;
    getset_set(&args[0], &args[1], Some(args[2].clone()))?;
    Ok(none())
}

fn descr_delete_method(args: &[ObjRef], _kw: &crate::call::Kw) -> R {
    crate::call::check_args("__delete__", &args[1.min(args.len())..], 1, 1)?;
    getset_set(&args[0], &args[1], None)?;
    Ok(none())
}

/// The attributes of a `getset_descriptor`.
pub fn getset_attr(d: &ObjRef, name: &str) -> R<Option<ObjRef>> {
    let g = d.as_obj().downcast::<GetSetBody>().expect("getset");
    Ok(match name {
        "__name__" => Some(g.name.get()),
        "__qualname__" => Some(match g.qualname.get() {
            Some(q) => q,
            None => {
                let q = crate::str::new_str(&format!(
                    "{}.{}",
                    tb(g.owner.get().as_obj()).qualname.borrow(),
                    crate::str::as_str(g.name.get().as_obj())
                ))?;
                g.qualname.set(Some(q.clone()));
                q
            }
        }),
        "__objclass__" => Some(g.owner.get()),
        "__doc__" => Some(none()),
        "__get__" | "__set__" | "__delete__" => {
            let (n, f): (&'static str, crate::object::NativeFn) = match name {
                "__get__" => ("__get__", descr_get_method),
                "__set__" => ("__set__", descr_set_method),
                _ => ("__delete__", descr_delete_method),
            };
            let owner = if g.which == GetSetWhich::Member {
                "member_descriptor"
            } else {
                "getset_descriptor"
            };
            Some(crate::call::bind_builtin(
                &crate::call::new_builtin(n, f, owner),
                d.clone(),
            )?)
        }
        _ => None,
    })
}

/// `repr()` of a `getset_descriptor`.
pub fn getset_repr(d: &ObjRef) -> String {
    let g = d.as_obj().downcast::<GetSetBody>().expect("getset");
    format!(
        "<{} '{}' of '{}' objects>",
        if matches!(g.which, GetSetWhich::Member | GetSetWhich::BuiltinMember) {
            "member"
        } else {
            "attribute"
        },
        crate::str::as_str(g.name.get().as_obj()),
        type_name(g.owner.get().as_obj())
    )
}

/// `object.__new__(cls)`: allocates an instance of `cls`.
pub fn alloc_instance(cls: &ObjRef) -> R {
    let b = tb(cls.as_obj());
    let info = instance_info(cls.as_obj());
    let o = match b.base_kind {
        Kind::Object => {
            // The same flattened layout that slot lookups index.
            let nslots = slot_layout(cls.as_obj()).len();
            if let Some(o) = crate::object::alloc_slots_instance(info) {
                let o = o?;
                o.track();
                return Ok(o);
            }
            let nvalues = if attr_flags(cls.as_obj()) & ATTR_HAS_DICT != 0 {
                new_values_size(cls.as_obj())
            } else {
                0
            };
            let values = pymm_mem::InlineValues::with_capacity(nvalues, nslots)
                .map_err(|_| memory_error())?;
            ObjRef::new(info, InstanceBody::default()).inspect(|o| {
                if let Some(slot) = o.as_obj().inline_values() {
                    slot.install(values);
                }
            })
        }
        Kind::List => ObjRef::new(info, ListBody::default()),
        Kind::Dict => ObjRef::new(info, DictBody::default()),
        Kind::Set | Kind::FrozenSet => ObjRef::new(info, SetBody::default()),
        Kind::BaseException => {
            return crate::exc::alloc_exc(cls, crate::state::sg().empty_tuple.clone());
        }
        Kind::Tuple => ObjRef::new_var(info, TupleBody { size: 0 }, []),
        Kind::Int => ObjRef::new_var(info, IntBody { size: 0 }, []),
        Kind::Float => ObjRef::new(info, FloatBody(0.0)),
        k => {
            return Err(type_error(format!(
                "pymm cannot yet subclass built-in type '{}'",
                kind_name(k)
            )));
        }
    }
    .map_err(|_| memory_error())?;
    if o.as_obj().is_gc() {
        o.track();
    }
    Ok(o)
}

/// The object's attribute dict, its `__dict__`; with `create`, made on demand (an
/// instance with a values array moves its values into it, as `materialize_dict`).
pub fn instance_dict(o: Obj<'_>, create: bool) -> Option<ObjRef> {
    let p = o.preheader()?;
    if let Some(d) = cell_get(&p.dict) {
        return Some(d);
    }
    if !create {
        return None;
    }
    if o.inline_values().is_some() {
        return materialize_dict(o);
    }
    // Exceptions and instances of subclasses of other built-in types have a plain
    // `__dict__` (tracked once it holds a container), as CPython's `tp_dictoffset`
    // dict; their first word is the `hidden_table`.
    let d = crate::dict::new_dict();
    p.dict.set(Some(d.clone()));
    Some(d)
}

/// The index of attribute `name` in the shared keys of `o`'s class, adding it when
/// `add` and there is room (`insert_into_dictkeys` on a split table).
fn shared_key_index(o: Obj<'_>, name: &ObjRef, add: bool) -> Option<u32> {
    let t = o.type_object()?;
    let b = tb(t);
    let mut keys = b.shared_keys.borrow_mut();
    // Keys are interned: an interned name matches by identity alone.
    let interned = crate::str::is_interned(name.as_obj());
    if let Some(i) = keys.names.iter().position(|k| k.is(name)).or_else(|| {
        if interned {
            None
        } else {
            keys.names
                .iter()
                .position(|k| crate::str::eq(k.as_obj(), name.as_obj()))
        }
    }) {
        return Some(i as u32);
    }
    if !add
        || keys.usable == 0
        || kind(name.as_obj()) != Kind::Str
        || name.as_obj().type_object().is_some()
    {
        return None;
    }
    keys.usable -= 1;
    keys.names
        .push(crate::str::intern(&crate::str::as_str(name.as_obj())));
    Some((keys.names.len() - 1) as u32)
}

/// Whether `o` keeps its attributes inline (an instance of a class defined in Python
/// whose `__dict__` was never materialised).
fn uses_inline_values(o: Obj<'_>) -> bool {
    o.inline_values().is_some() && o.preheader().is_some_and(|p| cell_get(&p.dict).is_none())
}

/// An inline attribute value.
fn inline_get(o: Obj<'_>, name: &ObjRef) -> Option<ObjRef> {
    let values = o.inline_values()?;
    if values.is_empty() {
        return None;
    }
    let i = shared_key_index(o, name, false)?;
    values.get(i as usize)
}

/// The instance's own attribute `name`: inline value or materialised dict entry.
pub fn instance_attr(o: Obj<'_>, name: &ObjRef) -> Option<ObjRef> {
    if uses_inline_values(o) {
        return inline_get(o, name);
    }
    instance_dict(o, false).and_then(|d| crate::dict::get_str_obj(d.as_obj(), name))
}

/// The names of the instance's own attributes, in insertion order.
pub fn instance_attr_names(o: Obj<'_>) -> Vec<ObjRef> {
    if uses_inline_values(o) {
        let Some(t) = o.type_object() else {
            return Vec::new();
        };
        let keys = tb(t).shared_keys.borrow().names.clone();
        let Some(values) = o.inline_values() else {
            return Vec::new();
        };
        return values
            .order()
            .into_iter()
            .filter_map(|k| keys.get(k).cloned())
            .collect();
    }
    // Built-in objects with an attribute dict of their own (`func_dict`, `sm_dict`).
    let own = match kind(o) {
        Kind::Function => o.downcast::<FunctionBody>().and_then(|f| f.dict.get()),
        Kind::StaticMethod | Kind::ClassMethod => {
            o.downcast::<WrapperBody>().and_then(|w| w.1.get())
        }
        _ => None,
    };
    own.or_else(|| instance_dict(o, false))
        .map(|d| {
            crate::dict::items(d.as_obj())
                .into_iter()
                .map(|(k, _)| k)
                .collect()
        })
        .unwrap_or_default()
}

/// Sets or deletes an inline attribute; `None` when the inline storage cannot hold
/// `name` (the caller materialises the dict).
fn inline_set(o: Obj<'_>, name: &ObjRef, v: Option<ObjRef>) -> Option<R<()>> {
    if !uses_inline_values(o) {
        return None;
    }
    let values = o.inline_values()?;
    let i = shared_key_index(o, name, v.is_some())? as usize;
    Some(match v {
        Some(v) => {
            // Out of room: the caller moves the values into a dict.
            let old = values.set(i, v).ok()?;
            drop(old);
            Ok(())
        }
        None => match values.remove(i) {
            Some(old) => {
                drop(old);
                Ok(())
            }
            None => Err(attr_error(&o.to_owned(), name)),
        },
    })
}

/// The size of a new instance's values array (`init_inline_values`): the class's
/// names plus its usable room, after taking one unit of room (down to 1).
fn new_values_size(cls: Obj<'_>) -> usize {
    let mut keys = tb(cls).shared_keys.borrow_mut();
    if keys.usable > 1 {
        keys.usable -= 1;
    }
    keys.names.len() + keys.usable
}

/// `obj.__dict__`: materialises the dict (CPython 3.11 builds it from the inline values
/// on first access); from then on it is a tracked object of its own.
pub fn materialize_dict(o: Obj<'_>) -> Option<ObjRef> {
    if o.inline_values().is_none() {
        // A plain dict of its own (see `instance_dict`).
        return instance_dict(o, true);
    }
    let p = o.preheader()?;
    if let Some(d) = cell_get(&p.dict) {
        return Some(d);
    }
    let d = crate::dict::new_dict();
    // Inline values move into the dict, in insertion order.
    if let (Some(values), Some(t)) = (o.inline_values(), o.type_object()) {
        let keys = tb(t).shared_keys.borrow().names.clone();
        for (k, v) in values.take_values() {
            if let Some(name) = keys.get(k) {
                let _ = crate::dict::set(d.as_obj(), name.clone(), v);
            }
        }
    }
    // `make_dict_from_instance_attributes` tracks the new dict only when a value may be
    // a container.
    if crate::dict::items(d.as_obj())
        .iter()
        .any(|(_, v)| crate::object::may_be_tracked_obj(v.as_obj()))
    {
        d.track();
    }
    p.dict.set(Some(d.clone()));
    Some(d)
}

/// The position of slot `name` among the slot values of `o` (an interned name matches
/// by identity).
fn slot_index(o: Obj<'_>, name: &ObjRef) -> Option<usize> {
    // Instances of classes without __slots__ have no slot values at all.
    if slot_count(o) == 0 {
        return None;
    }
    let layout = slot_layout(o.type_object()?);
    if let Some(i) = layout.iter().position(|n| n.is(name)) {
        return Some(i);
    }
    if crate::str::is_interned(name.as_obj()) {
        return None;
    }
    layout
        .iter()
        .position(|n| crate::str::eq(n.as_obj(), name.as_obj()))
}

/// [`TypeBody::slot_layout`] of class `t`.
fn slot_layout(t: Obj<'_>) -> std::rc::Rc<[ObjRef]> {
    let b = tb(t);
    if let Some(l) = b.slot_layout.borrow().as_ref() {
        return l.clone();
    }
    let mut names = Vec::new();
    // Slots of the most basic classes come first.
    for c in b.mro.borrow().iter().rev() {
        if let Some(s) = tb(c.as_obj()).slots.borrow().as_ref() {
            names.extend(s.iter().map(|n| crate::str::intern(n)));
        }
    }
    let l: std::rc::Rc<[ObjRef]> = names.into();
    *b.slot_layout.borrow_mut() = Some(l.clone());
    l
}

/// The ranges of class `t`'s slot layout (`n` values, base classes' first) in the
/// order CPython's `subtype_traverse` and `subtype_clear` visit them: each class's own
/// slots, the most derived class first.
pub fn slot_groups(t: Obj<'_>, n: usize) -> smallvec::SmallVec<[std::ops::Range<usize>; 4]> {
    let mut out = smallvec::SmallVec::new();
    let mut end = n;
    for c in tb(t).mro.borrow().iter() {
        let k = own_slot_count(c.as_obj());
        if k > 0 && end > 0 {
            let start = end.saturating_sub(k);
            out.push(start..end);
            end = start;
        }
    }
    out
}

/// How many `__slots__` class `t` itself declares.
#[inline]
pub fn own_slot_count(t: Obj<'_>) -> usize {
    tb(t).slots.borrow().as_ref().map_or(0, |s| s.len())
}

pub(crate) fn has_dict(o: Obj<'_>) -> bool {
    o.type_object().is_some_and(type_has_dict)
}

/// Whether instances of class `t` have a `__dict__` (CPython's `tp_dictoffset != 0`).
fn type_has_dict(t: Obj<'_>) -> bool {
    let mro = tb(t).mro.borrow();
    mro.iter().any(|c| {
        let b = tb(c.as_obj());
        b.is_heap
            && b.slots
                .borrow()
                .as_ref()
                .is_none_or(|s| s.iter().any(|n| n == "__dict__"))
    }) || matches!(
        tb(t).base_kind,
        // Built-in bases whose own instances have a dict.
        Kind::BaseException | Kind::Type | Kind::Module | Kind::Function
    )
}

/// `getattr(o, name)`, or `None` when the attribute does not exist (no exception
/// object is built on that path).
pub fn getattr_opt(o: &ObjRef, name: &ObjRef) -> R<Option<ObjRef>> {
    let obj = o.as_obj();
    let k = kind(obj);
    if k == Kind::Type {
        return type_getattr(o, name);
    }
    if k == Kind::Module {
        let d = &obj.downcast::<ModuleBody>().expect("module").dict;
        if let Some(v) = crate::dict::get_str_obj(d.as_obj(), name) {
            return Ok(Some(v));
        }
        if crate::str::as_str(name.as_obj()) == "__dict__" {
            return Ok(Some(d.clone()));
        }
        return Ok(None);
    }
    if matches!(k, Kind::WeakProxy | Kind::WeakCallableProxy) {
        return getattr_opt(&crate::weakrefs::unproxy(o)?, name);
    }
    if k == Kind::Super
        && let Some(v) = crate::methods::super_getattr(o, &crate::str::as_str(name.as_obj()))?
    {
        return Ok(Some(v));
    }
    // Instances of classes without data descriptors or a custom __getattribute__: an
    // inline value is the answer, with no type lookup.
    if let Some(t) = obj.type_object()
        && attr_flags(t) & (ATTR_DATA_DESCR | ATTR_CUSTOM_GET) == 0
        && uses_inline_values(obj)
        && let Some(v) = inline_get(obj, name)
    {
        return Ok(Some(v));
    }
    if is_heap_instance(obj)
        && let Some(ga) = user_special(o, "__getattribute__")
    {
        // A class-defined __getattribute__ replaces the lookup; its AttributeError falls
        // back to __getattr__ (slot_tp_getattr_hook).
        return match crate::call::call(&ga, &[o.clone(), name.clone()]) {
            Ok(v) => Ok(Some(v)),
            Err(e) if crate::exc::matches(&e.0, "AttributeError") => {
                match user_special(o, "__getattr__") {
                    Some(g) => crate::call::call(&g, &[o.clone(), name.clone()]).map(Some),
                    None => Err(e),
                }
            }
            Err(e) => Err(e),
        };
    }
    generic_getattr(o, name)
}

/// `object.__getattribute__` followed by `__getattr__`.
pub fn generic_getattr(o: &ObjRef, name: &ObjRef) -> R<Option<ObjRef>> {
    generic_lookup(o, name, true)
}

/// `object.__getattribute__` alone: descriptors on the type, the instance dict and slots.
pub fn generic_getattr_no_hook(o: &ObjRef, name: &ObjRef) -> R<Option<ObjRef>> {
    generic_lookup(o, name, false)
}

fn generic_lookup(o: &ObjRef, name: &ObjRef, hook: bool) -> R<Option<ObjRef>> {
    let obj = o.as_obj();
    let t = type_of(obj);
    let descr = lookup(t.as_obj(), name);
    if let Some(d) = &descr {
        match kind(d.as_obj()) {
            Kind::Property => {
                let p = d.as_obj().downcast::<PropertyBody>().expect("property");
                return match p.fget.get() {
                    Some(f) => crate::call::call(&f, &[o.clone()]).map(Some),
                    None => Err(crate::methods::property_missing(p, o, "getter")),
                };
            }
            Kind::GetSetDescr | Kind::MemberDescr => return getset_get(d, o).map(Some),
            _ if is_heap_instance(d.as_obj()) => {
                if let Some(get) = lookup_special(d, "__get__")
                    && lookup_special(d, "__set__").is_some()
                {
                    return crate::call::call(&get, &[d.clone(), o.clone(), t.clone()]).map(Some);
                }
            }
            _ => {}
        }
    }
    if let Some(i) = slot_index(obj, name) {
        return match slot_value(obj, i) {
            Some(v) => Ok(Some(v)),
            None => Err(new_exc(
                "AttributeError",
                &format!(
                    "'{}' object has no attribute '{}'",
                    type_name(t.as_obj()),
                    crate::str::as_str(name.as_obj())
                ),
            )),
        };
    }
    if let Some(v) = instance_attr(obj, name) {
        return Ok(Some(v));
    }
    if let Some(d) = descr {
        return bind_descr(d, o, &t).map(Some);
    }
    let n = crate::str::as_str(name.as_obj());
    match &*n {
        "__class__" => return Ok(Some(t)),
        "__dict__" if has_dict(obj) => return Ok(materialize_dict(obj)),
        _ => {}
    }
    if let Some(v) = crate::builtins::builtin_attr(o, &n)? {
        return Ok(Some(v));
    }
    if hook
        && is_heap_instance(obj)
        && let Some(ga) = user_special(o, "__getattr__")
    {
        return crate::call::call(&ga, &[o.clone(), name.clone()]).map(Some);
    }
    Ok(None)
}

/// Binds a class attribute found on the type of `o` (`tp_descr_get`).
pub fn bind_descr(d: ObjRef, o: &ObjRef, t: &ObjRef) -> R {
    match kind(d.as_obj()) {
        Kind::Function => crate::call::new_method(d, o.clone()),
        Kind::BuiltinFunction => {
            let b = d.as_obj().downcast::<BuiltinBody>().expect("builtin");
            if b.bound.get().is_none() && !b.owner().is_empty() {
                crate::call::bind_builtin(&d, o.clone())
            } else {
                Ok(d)
            }
        }
        Kind::StaticMethod => Ok(d.as_obj().downcast::<WrapperBody>().expect("sm").0.get()),
        Kind::ClassMethod => {
            let f = d.as_obj().downcast::<WrapperBody>().expect("cm").0.get();
            crate::call::bind_classmethod(f, t.clone())
        }
        _ if is_heap_instance(d.as_obj()) => match lookup_special(&d, "__get__") {
            Some(get) => crate::call::call(&get, &[d.clone(), o.clone(), t.clone()]),
            None => Ok(d),
        },
        _ => Ok(d),
    }
}

fn type_getattr(t: &ObjRef, name: &ObjRef) -> R<Option<ObjRef>> {
    let meta = type_of(t.as_obj());
    let n = crate::str::as_str(name.as_obj());
    if let Some(d) = lookup(meta.as_obj(), name)
        && kind(d.as_obj()) == Kind::Property
    {
        return bind_descr_prop(d, t).map(Some);
    }
    // The data descriptors of `type` itself come before the class's own attributes.
    let b = tb(t.as_obj());
    let r = match &*n {
        "__name__" => Some(crate::str::new_str(&b.name.borrow())?),
        "__qualname__" => Some(crate::str::new_str(&b.qualname.borrow())?),
        "__mro__" => Some(match b.mro.tuple() {
            Some(t) => t,
            None => crate::seq::new_tuple(Vec::new())?,
        }),
        "__bases__" => Some(b.bases.get()),
        "__base__" => Some(b.base.get().unwrap_or_else(none)),
        "__dict__" => Some(new_mappingproxy(b.dict.clone())?),
        "__module__" if b.is_heap => crate::dict::get_str(b.dict.as_obj(), "__module__"),
        "__module__" => Some(crate::str::new_str(&type_module(t.as_obj()))?),
        "__class__" => Some(meta.clone()),
        "__basicsize__" | "__itemsize__" | "__dictoffset__" | "__weakrefoffset__" => {
            let (basic, item, dict, weak) = type_layout(t.as_obj());
            Some(crate::int::from_i64(match &*n {
                "__basicsize__" => basic,
                "__itemsize__" => item,
                "__dictoffset__" => dict,
                _ => weak,
            })?)
        }
        _ => None,
    };
    if r.is_some() {
        return Ok(r);
    }
    if let Some(v) = lookup(t.as_obj(), name) {
        return match kind(v.as_obj()) {
            Kind::StaticMethod => Ok(Some(
                v.as_obj().downcast::<WrapperBody>().expect("sm").0.get(),
            )),
            Kind::ClassMethod => {
                let f = v.as_obj().downcast::<WrapperBody>().expect("cm").0.get();
                crate::call::bind_classmethod(f, t.clone()).map(Some)
            }
            Kind::Property => Ok(Some(v)),
            _ if is_heap_instance(v.as_obj()) => match lookup_special(&v, "__get__") {
                Some(get) => crate::call::call(&get, &[v.clone(), none(), t.clone()]).map(Some),
                None => Ok(Some(v)),
            },
            _ => Ok(Some(v)),
        };
    }
    if n == "__doc__" {
        return Ok(Some(none()));
    }
    if let Some(d) = lookup(meta.as_obj(), name) {
        return bind_descr(d, t, &meta).map(Some);
    }
    Ok(None)
}

fn bind_descr_prop(d: ObjRef, o: &ObjRef) -> R {
    let p = d.as_obj().downcast::<PropertyBody>().expect("property");
    match p.fget.get() {
        Some(f) => crate::call::call(&f, &[o.clone()]),
        None => Err(new_exc("AttributeError", "unreadable attribute")),
    }
}

/// `getattr(o, name)`, raising `AttributeError`.
pub fn getattr(o: &ObjRef, name: &ObjRef) -> R {
    match getattr_opt(o, name)? {
        Some(v) => Ok(v),
        None => Err(attr_error(o, name)),
    }
}

/// The `AttributeError` for a missing attribute.
pub fn attr_error(o: &ObjRef, name: &ObjRef) -> Exc {
    let n = crate::str::as_str(name.as_obj());
    let obj = o.as_obj();
    let msg = match kind(obj) {
        Kind::Type => format!("type object '{}' has no attribute '{}'", type_name(obj), n),
        Kind::Module => {
            let mname = crate::dict::get_str(
                obj.downcast::<ModuleBody>().expect("module").dict.as_obj(),
                "__name__",
            )
            .map(|s| crate::str::as_str(s.as_obj()).into_owned())
            .unwrap_or_default();
            format!("module '{mname}' has no attribute '{n}'")
        }
        _ => format!("'{}' object has no attribute '{}'", obj_type_name(o), n),
    };
    let e = new_exc("AttributeError", &msg);
    // AttributeError.name and .obj (3.10+): the traceback's suggestion is computed from
    // them when it is printed.
    let _ = set_exc_member(e.0.as_obj(), "name", name.clone());
    let _ = set_exc_member(e.0.as_obj(), "obj", o.clone());
    e
}

/// `obj.__class__ = cls` (`object_set_class`): both classes must be defined in Python
/// and give their instances the same storage (`compatible_for_assignment`); inline
/// attribute values move into a real dict first, since they are laid out by the old
/// class's shared keys.
fn set_class(o: &ObjRef, v: Option<ObjRef>) -> R<()> {
    let Some(new) = v else {
        return Err(type_error("can't delete __class__ attribute"));
    };
    if kind(new.as_obj()) != Kind::Type {
        return Err(type_error(format!(
            "__class__ must be set to a class, not '{}' object",
            obj_type_name(&new)
        )));
    }
    let obj = o.as_obj();
    let old = type_of(obj);
    let (ob, nb) = (tb(old.as_obj()), tb(new.as_obj()));
    if !ob.is_heap || !nb.is_heap || obj.type_object().is_none() {
        return Err(type_error(
            "__class__ assignment only supported for mutable types or ModuleType subclasses",
        ));
    }
    let layout_error = || {
        type_error(format!(
            "__class__ assignment: '{}' object layout differs from '{}'",
            nb.name.borrow(),
            ob.name.borrow()
        ))
    };
    let slot_names = |t: Obj<'_>| -> Vec<String> {
        slot_layout(t)
            .iter()
            .map(|n| crate::str::as_str(n.as_obj()).into_owned())
            .collect()
    };
    let info = match nb.instance_info.get() {
        Some(i)
            if ob.base_kind == nb.base_kind
                && type_has_dict(old.as_obj()) == type_has_dict(new.as_obj())
                && slot_names(old.as_obj()) == slot_names(new.as_obj()) =>
        {
            i
        }
        _ => return Err(layout_error()),
    };
    if uses_inline_values(obj) {
        materialize_dict(obj);
    }
    if !obj.set_type_info(info) {
        return Err(layout_error());
    }
    Ok(())
}

/// `setattr(o, name, v)`; `v = None` deletes.
pub fn setattr(o: &ObjRef, name: &ObjRef, v: Option<ObjRef>) -> R<()> {
    let obj = o.as_obj();
    // Instances of classes without data descriptors or __setattr__: straight to the
    // inline values.
    if let Some(t) = obj.type_object()
        && kind(obj) == Kind::Object
        && !crate::str::is_ascii_text(name.as_obj(), "__class__")
        && attr_flags(t) & (ATTR_DATA_DESCR | ATTR_CUSTOM_SET | ATTR_HAS_DICT) == ATTR_HAS_DICT
        && let Some(r) = inline_set(obj, name, v.clone())
    {
        return r;
    }
    if crate::weakrefs::is_proxy(o) {
        return setattr(&crate::weakrefs::unproxy(o)?, name, v);
    }
    // A `__setattr__` of the class comes first, whatever the attribute (for a class, a
    // `__setattr__` of its metaclass); `object.__setattr__` does the rest. The class's
    // flags say whether there is one to look up.
    if is_heap_instance(obj)
        && obj
            .type_object()
            .is_some_and(|t| attr_flags(t) & ATTR_CUSTOM_SET != 0)
    {
        let custom = if v.is_some() {
            "__setattr__"
        } else {
            "__delattr__"
        };
        if let Some(f) = lookup_special(o, custom)
            && kind(f.as_obj()) == Kind::Function
        {
            let mut args = vec![o.clone(), name.clone()];
            args.extend(v);
            crate::call::call(&f, &args)?;
            return Ok(());
        }
    }
    generic_setattr(o, name, v)
}

/// `object.__setattr__`.
pub fn generic_setattr(o: &ObjRef, name: &ObjRef, v: Option<ObjRef>) -> R<()> {
    let obj = o.as_obj();
    let n = crate::str::as_str(name.as_obj());
    if n == "__class__" {
        return set_class(o, v);
    }
    // A data descriptor of the type comes before the instance's own storage.
    let t = type_of(obj);
    if let Some(d) = lookup(t.as_obj(), name) {
        if let Some(g) = d.as_obj().downcast::<GetSetBody>()
            && matches!(
                g.which,
                GetSetWhich::BuiltinGetSet | GetSetWhich::BuiltinMember
            )
        {
            return getset_set(&d, o, v);
        }
        if kind(d.as_obj()) == Kind::Property {
            let p = d.as_obj().downcast::<PropertyBody>().expect("property");
            let (f, what) = if v.is_some() {
                (p.fset.get(), "setter")
            } else {
                (p.fdel.get(), "deleter")
            };
            let Some(f) = f else {
                return Err(crate::methods::property_missing(p, o, what));
            };
            let mut args = vec![o.clone()];
            args.extend(v);
            crate::call::call(&f, &args)?;
            return Ok(());
        }
        if is_heap_instance(d.as_obj()) {
            let m = if v.is_some() { "__set__" } else { "__delete__" };
            if let Some(set) = lookup_special(&d, m) {
                let mut args = vec![d.clone(), o.clone()];
                args.extend(v);
                crate::call::call(&set, &args)?;
                return Ok(());
            }
        }
    }
    if let Some(e) = obj.downcast::<ExcBody>() {
        // The exception struct's own fields (BaseException_getset).
        match (&*n, &v) {
            ("args", Some(a)) => {
                e.args.set(crate::seq::new_tuple(crate::iter::collect(a)?)?);
                return Ok(());
            }
            ("__cause__", Some(c)) => {
                e.cause
                    .set(Some(c.clone()).filter(|c| kind(c.as_obj()) != Kind::NoneType));
                e.suppress_context.set(true);
                return Ok(());
            }
            ("__context__", Some(c)) => {
                e.context
                    .set(Some(c.clone()).filter(|c| kind(c.as_obj()) != Kind::NoneType));
                return Ok(());
            }
            ("__suppress_context__", Some(c)) => {
                e.suppress_context.set(crate::ops::truthy(c)?);
                return Ok(());
            }
            ("__traceback__", Some(t)) => {
                match kind(t.as_obj()) {
                    Kind::Traceback => e.traceback.set(Some(t.clone())),
                    Kind::NoneType => e.traceback.set(None),
                    _ => return Err(type_error("__traceback__ must be a traceback or None")),
                }
                return Ok(());
            }
            _ => {}
        }
    }
    if let Some(i) = slot_index(obj, name) {
        let deleting = v.is_none();
        let old = set_slot_value(obj, i, v).ok().flatten();
        if deleting && old.is_none() {
            return Err(new_exc("AttributeError", &n));
        }
        drop(old);
        return Ok(());
    }
    if has_dict(obj)
        && let Some(r) = inline_set(obj, name, v.clone())
    {
        return r;
    }
    let target = match kind(obj) {
        Kind::Type => {
            let b = tb(obj);
            // `type_setattro`: built-in types are immutable.
            if !b.is_heap {
                return Err(type_error(format!(
                    "cannot set '{n}' attribute of immutable type '{}'",
                    b.name.borrow()
                )));
            }
            // `type_set_name` / `type_set_qualname`: a str, kept in the type itself.
            if matches!(&*n, "__name__" | "__qualname__") {
                let Some(val) = &v else {
                    return Err(type_error(format!(
                        "cannot delete '{n}' attribute of immutable type '{}'",
                        b.name.borrow()
                    )));
                };
                if kind(val.as_obj()) != Kind::Str {
                    return Err(type_error(format!(
                        "can only assign string to {}.{n}, not '{}'",
                        b.name.borrow(),
                        obj_type_name(val)
                    )));
                }
                let s = crate::str::as_str(val.as_obj()).into_owned();
                if &*n == "__name__" {
                    *b.name.borrow_mut() = s;
                } else {
                    *b.qualname.borrow_mut() = s;
                }
                return Ok(());
            }
            invalidate_type_cache();
            Some(tb(obj).dict.clone())
        }
        Kind::Module => Some(obj.downcast::<ModuleBody>().expect("module").dict.clone()),
        Kind::Function => {
            let f = obj.downcast::<FunctionBody>().expect("function");
            // The function struct's own fields (func_getsetlist / func_memberlist).
            if let Some(val) = &v {
                let is_str = kind(val.as_obj()) == Kind::Str;
                let is_none = kind(val.as_obj()) == Kind::NoneType;
                match &*n {
                    "__name__" | "__qualname__" if !is_str => {
                        return Err(type_error(format!("{n} must be set to a string object")));
                    }
                    "__name__" => {
                        f.name.set(val.clone());
                        return Ok(());
                    }
                    "__qualname__" => {
                        f.qualname.set(val.clone());
                        return Ok(());
                    }
                    "__doc__" => {
                        f.doc.set(Some(val.clone()));
                        return Ok(());
                    }
                    "__module__" => {
                        f.module.set(Some(val.clone()));
                        return Ok(());
                    }
                    "__defaults__" if is_none || kind(val.as_obj()) == Kind::Tuple => {
                        f.defaults.set(Some(val.clone()).filter(|_| !is_none));
                        return Ok(());
                    }
                    "__kwdefaults__" if is_none || kind(val.as_obj()) == Kind::Dict => {
                        f.kwdefaults.set(Some(val.clone()).filter(|_| !is_none));
                        return Ok(());
                    }
                    "__annotations__" => {
                        f.annotations.set(Some(val.clone()));
                        return Ok(());
                    }
                    _ => {}
                }
            }
            if f.dict.get().is_none() {
                let d = crate::dict::new_dict();
                d.track();
                f.dict.set(Some(d));
            }
            f.dict.get()
        }
        Kind::StaticMethod | Kind::ClassMethod => Some(crate::builtins::wrapper_dict(
            obj.downcast::<WrapperBody>().expect("wrapper"),
        )?),
        // Attributes the inline values cannot hold go to a materialised dict.
        _ if has_dict(obj) => instance_dict(obj, true),
        _ => None,
    };
    let Some(d) = target else {
        let tn = obj_type_name(o);
        return Err(
            if crate::typeobj::lookup(type_of(obj).as_obj(), name).is_some() {
                new_exc(
                    "AttributeError",
                    &format!("'{tn}' object attribute '{n}' is read-only"),
                )
            } else {
                new_exc(
                    "AttributeError",
                    &format!("'{tn}' object has no attribute '{n}'"),
                )
            },
        );
    };
    match v {
        Some(v) => {
            crate::dict::set(d.as_obj(), name.clone(), v)?;
            Ok(())
        }
        None => match crate::dict::del(d.as_obj(), name)? {
            Some(_) => Ok(()),
            None => Err(attr_error(o, name)),
        },
    }
}
