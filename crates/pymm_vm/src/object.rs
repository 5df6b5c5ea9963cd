//! Object bodies and their pymm_mem type descriptors.
//!
//! Every Python value is a pymm_mem object ([`ObjRef`]). A built-in type is a static
//! [`TypeInfo`] whose user-data word is its [`Kind`]; a class defined in Python gets a
//! run-time descriptor copied from its solid base's (so its instances have the base's
//! body) plus a pre-header for the instance `__dict__`, and points to its type object.
//! Bodies mirror CPython 3.11's structs field for field where `sys.getsizeof` depends on
//! them (int, float, str, tuple, list, instances).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use pymm_compiler::CodeObject;
use pymm_mem::weakref::WeakListHead;
use pymm_mem::{Body, BodyVTable, HeapVec, Obj, ObjRef, SetTable, TypeInfo, VarBody, Visitor};

/// The built-in type of an object's body (the `user_data` of its [`TypeInfo`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[repr(usize)]
pub enum Kind {
    NoneType,
    NotImplementedType,
    Ellipsis,
    Int,
    Bool,
    Float,
    Str,
    Bytes,
    Tuple,
    List,
    Dict,
    Set,
    FrozenSet,
    Range,
    Slice,
    Function,
    BuiltinFunction,
    Method,
    Code,
    Cell,
    Generator,
    Type,
    Object,
    Module,
    BaseException,
    Property,
    StaticMethod,
    ClassMethod,
    Super,
    Iterator,
    DictView,
    Complex,
    WeakRef,
    WeakProxy,
    WeakCallableProxy,
    ByteArray,
    Array,
    MemoryView,
    GetSetDescr,
    MemberDescr,
    MappingProxy,
    Traceback,
    Frame,
    /// The generator of a `random.Random` instance (the C `_random.Random` part).
    RandomState,
}

pub const NKINDS: usize = Kind::RandomState as usize + 1;

impl Kind {
    pub fn from_usize(n: usize) -> Kind {
        const ALL: [Kind; NKINDS] = [
            Kind::NoneType,
            Kind::NotImplementedType,
            Kind::Ellipsis,
            Kind::Int,
            Kind::Bool,
            Kind::Float,
            Kind::Str,
            Kind::Bytes,
            Kind::Tuple,
            Kind::List,
            Kind::Dict,
            Kind::Set,
            Kind::FrozenSet,
            Kind::Range,
            Kind::Slice,
            Kind::Function,
            Kind::BuiltinFunction,
            Kind::Method,
            Kind::Code,
            Kind::Cell,
            Kind::Generator,
            Kind::Type,
            Kind::Object,
            Kind::Module,
            Kind::BaseException,
            Kind::Property,
            Kind::StaticMethod,
            Kind::ClassMethod,
            Kind::Super,
            Kind::Iterator,
            Kind::DictView,
            Kind::Complex,
            Kind::WeakRef,
            Kind::WeakProxy,
            Kind::WeakCallableProxy,
            Kind::ByteArray,
            Kind::Array,
            Kind::MemoryView,
            Kind::GetSetDescr,
            Kind::MemberDescr,
            Kind::MappingProxy,
            Kind::Traceback,
            Kind::Frame,
            Kind::RandomState,
        ];
        ALL[n]
    }
}

/// The kind of an object's body.
#[inline]
pub fn kind(o: Obj<'_>) -> Kind {
    Kind::from_usize(o.type_info().data())
}

/// Reads an optional reference held in a `Cell`.
#[inline]
pub fn cell_get(c: &Cell<Option<ObjRef>>) -> Option<ObjRef> {
    let v = c.take();
    let r = v.clone();
    c.set(v);
    r
}

/// Visits an optional reference held in a `Cell`.
#[inline]
pub fn cell_visit(c: &Cell<Option<ObjRef>>, v: &mut Visitor<'_>) {
    let x = c.take();
    if let Some(o) = &x {
        v.visit(o.as_obj());
    }
    c.set(x);
}

/// A reference field that is always set but may be replaced.
pub struct Slot(Cell<Option<ObjRef>>);

impl std::fmt::Debug for Slot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Slot")
    }
}

impl Slot {
    pub fn new(o: ObjRef) -> Slot {
        Slot(Cell::new(Some(o)))
    }
    #[inline]
    pub fn get(&self) -> ObjRef {
        cell_get(&self.0).expect("slot cleared")
    }
    pub fn try_get(&self) -> Option<ObjRef> {
        cell_get(&self.0)
    }
    /// Replaces the value; the old one is dropped after the slot holds the new one.
    pub fn set(&self, o: ObjRef) {
        drop(self.0.replace(Some(o)));
    }
    pub fn clear(&self) {
        drop(self.0.take());
    }
    pub fn visit(&self, v: &mut Visitor<'_>) {
        cell_visit(&self.0, v)
    }
}

/// An optional reference field.
#[derive(Default)]
pub struct OptSlot(pub Cell<Option<ObjRef>>);

impl std::fmt::Debug for OptSlot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("OptSlot")
    }
}

impl OptSlot {
    pub fn new(o: Option<ObjRef>) -> OptSlot {
        OptSlot(Cell::new(o))
    }
    #[inline]
    pub fn get(&self) -> Option<ObjRef> {
        cell_get(&self.0)
    }
    pub fn set(&self, o: Option<ObjRef>) {
        drop(self.0.replace(o));
    }
    pub fn visit(&self, v: &mut Visitor<'_>) {
        cell_visit(&self.0, v)
    }
}

// ---------------------------------------------------------------------------------------
// Bodies

/// `None`, `NotImplemented`, `Ellipsis`, `object()`: no fields beyond the header.
#[derive(Debug)]
pub struct Unit;
impl Body for Unit {}

/// `PyLongObject`: `ob_size` (sign = sign of the number, magnitude = number of digits)
/// followed by 30-bit digits in `u32`s, least significant first.
#[derive(Debug)]
pub struct IntBody {
    pub size: isize,
}
impl Body for IntBody {}
impl VarBody for IntBody {
    type Item = u32;
    fn len(&self) -> usize {
        self.size.unsigned_abs()
    }
}

/// `PyFloatObject`.
#[derive(Debug)]
pub struct FloatBody(pub f64);
impl Body for FloatBody {}

/// `PyComplexObject`.
#[derive(Debug)]
pub struct ComplexBody(pub f64, pub f64);
impl Body for ComplexBody {}

/// PEP 393 compact strings. ASCII strings are `PyASCIIObject` (48 bytes with the
/// header) followed by the characters and a NUL; other strings are
/// `PyCompactUnicodeObject` (72 bytes) followed by `(len + 1) * kind` bytes in
/// latin-1, UCS-2 or UCS-4.
#[derive(Debug)]
pub struct StrBody {
    /// Number of code points.
    pub length: usize,
    pub hash: Cell<isize>,
    /// CPython's `state` bit field: interned (2 bits), kind (3), compact (1), ascii (1).
    pub state: Cell<u32>,
    /// `wstr` in CPython; always null there for new strings. Bytes of storage that
    /// follow (items), for the var-body length.
    pub nbytes: usize,
}
impl Body for StrBody {}
impl VarBody for StrBody {
    type Item = u8;
    fn len(&self) -> usize {
        self.nbytes
    }
}

/// The extra fields of `PyCompactUnicodeObject`.
#[derive(Debug)]
pub struct WideStrBody {
    pub base: StrBody,
    pub utf8_length: usize,
    pub utf8: usize,
    pub wstr_length: usize,
}
impl Body for WideStrBody {}
impl VarBody for WideStrBody {
    type Item = u8;
    fn len(&self) -> usize {
        self.base.nbytes
    }
}

/// `PyBytesObject`: `ob_size`, `ob_shash`, then the bytes and a NUL.
#[derive(Debug)]
pub struct BytesBody {
    pub size: usize,
    pub hash: Cell<isize>,
}
impl Body for BytesBody {}
impl VarBody for BytesBody {
    type Item = u8;
    fn len(&self) -> usize {
        self.size + 1
    }
}

/// `PyByteArrayObject`: `ob_size`, `ob_alloc`, `ob_bytes`, `ob_start`, `ob_exports`; the
/// buffer (with CPython's over-allocation and trailing NUL) lives in pymm's heap.
#[derive(Debug, Default)]
pub struct ByteArrayBody {
    pub data: HeapVec<u8>,
    pub exports: Cell<isize>,
    pub start: Cell<usize>,
}
impl Body for ByteArrayBody {}

/// `PyMemoryViewObject`: the exporting object and the viewed byte range.
#[derive(Debug)]
pub struct MemoryViewBody {
    pub obj: ObjRef,
    pub start: usize,
    pub len: usize,
    pub released: Cell<bool>,
}
impl Body for MemoryViewBody {}

/// `arrayobject` (`array.array`): the type code and the unboxed items.
#[derive(Debug)]
pub struct ArrayBody {
    pub typecode: char,
    pub data: HeapVec<u8>,
    pub weaklist: WeakListHead,
}
impl Body for ArrayBody {}

/// `PyTupleObject`: `ob_size` and the items.
#[derive(Debug)]
pub struct TupleBody {
    pub size: usize,
}
impl Body for TupleBody {}
impl VarBody for TupleBody {
    type Item = ObjRef;
    fn len(&self) -> usize {
        self.size
    }
}

/// `PyListObject`: `ob_size`, `ob_item`, `allocated` — exactly a [`HeapVec`].
#[derive(Debug, Default)]
pub struct ListBody {
    pub items: HeapVec<ObjRef>,
}
impl Body for ListBody {}

/// A dict: CPython's `PyDictObject`, 32 bytes after the header (64 with the GC head):
/// `ma_used`, the keys table, the version of its keys for `LOAD_GLOBAL`'s cache and the
/// keys kind (in the word of `ma_version_tag`), and `ma_values`. The table is
/// `pymm_mem::DictKeys` (CPython's `PyDictKeysObject`, one block): entries in insertion
/// order, deleted ones without a key, and the index table over them.
#[derive(Debug, Default)]
pub struct DictBody {
    pub used: Cell<usize>,
    pub keys: pymm_mem::DictKeys,
    /// `ma_values`, always null: pymm keeps an instance's attributes in its inline
    /// values, never in a split-table dict, but the dict object keeps CPython's size.
    pub values: Cell<usize>,
    /// `dk_version`: 0 after any change to the keys; a number no other keys state has
    /// had, once a cache asked for one (see `dict::keys_version`).
    pub keys_version: Cell<u32>,
    /// CPython's keys kind: false while every key ever inserted was an exact `str`
    /// (16-byte entries), true from the first other key on (24-byte entries).
    pub general: Cell<bool>,
}
impl Body for DictBody {}

const _: () = assert!(std::mem::size_of::<DictBody>() == 32);

/// A set or frozenset: CPython's `PySetObject` (`setobject.c`), with its open-addressing
/// table whose slot order is the iteration order. Slots are `(hash, key)`; `hash == -1`
/// with a key marks a dummy (deleted) slot. The first eight slots are inline
/// (`smalltable`), so the object is CPython's 200 bytes plus the GC head.
#[derive(Debug, Default)]
pub struct SetBody {
    pub fill: Cell<usize>,
    pub used: Cell<usize>,
    /// `mask`, `table` and `smalltable`.
    pub table: SetTable<(isize, Option<ObjRef>)>,
    pub hash: Cell<isize>,
    pub finger: Cell<usize>,
    /// `weakreflist`: sets and frozensets can be weakly referenced.
    pub weaklist: WeakListHead,
}
impl Body for SetBody {}

const _: () = assert!(std::mem::size_of::<SetBody>() == 200 - 16);

impl SetBody {
    /// Empties the table back to the inline slots with the counts reset, returning the
    /// old entries for the caller to release (`set_clear_internal`).
    pub fn take_all(&self) -> Vec<(isize, Option<ObjRef>)> {
        let old = self.table.take_all();
        self.used.set(0);
        self.fill.set(0);
        old
    }
}

/// `range`.
#[derive(Debug)]
pub struct RangeBody {
    pub start: ObjRef,
    pub stop: ObjRef,
    pub step: ObjRef,
    pub length: ObjRef,
}
impl Body for RangeBody {}

/// `slice`.
#[derive(Debug)]
pub struct SliceBody {
    pub start: ObjRef,
    pub stop: ObjRef,
    pub step: ObjRef,
}
impl Body for SliceBody {}

/// A code object: the compiled unit plus its constants and names as objects.
#[derive(Debug)]
pub struct CodeBody {
    pub code: Rc<CodeObject>,
    pub consts: Vec<ObjRef>,
    pub names: Vec<ObjRef>,
    pub varnames: Vec<ObjRef>,
    pub weaklist: WeakListHead,
    /// One `LOAD_GLOBAL` cache per name (CPython 3.11's `LOAD_GLOBAL_MODULE` /
    /// `LOAD_GLOBAL_BUILTIN` specialisations), see [`crate::dict::load_global`].
    pub global_cache: Box<[crate::dict::GlobalCache]>,
    /// Per name: the caches of `LOAD_ATTR`, `STORE_ATTR` and `LOAD_METHOD` (in this
    /// order), see [`crate::typeobj::AttrCache`].
    pub attr_cache: Box<[[crate::typeobj::AttrCaches; 3]]>,
    /// The instructions the eval loop runs: the code's, with superinstructions
    /// ([`pymm_compiler::quicken`]).
    pub quick: Box<[pymm_compiler::Instr]>,
}
impl Body for CodeBody {}

/// `PyFunctionObject`.
#[derive(Debug)]
pub struct FunctionBody {
    pub code: ObjRef,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    pub name: Slot,
    pub qualname: Slot,
    pub defaults: OptSlot,
    pub kwdefaults: OptSlot,
    pub closure: OptSlot,
    pub doc: OptSlot,
    pub dict: OptSlot,
    pub module: OptSlot,
    pub annotations: OptSlot,
    pub weaklist: WeakListHead,
    /// The entry point of a call with owned positional arguments (CPython's
    /// `vectorcall`): the general path of `call_owned_kw` goes through it.
    pub vectorcall: fn(&ObjRef, Vec<ObjRef>, crate::call::Kw) -> crate::R,
    /// The number of positional arguments a call binds one to one to the parameters
    /// (no keyword-only parameters, `*args`, `**kwargs` or generator), `u32::MAX` when
    /// none does: the eval loop's fast call tests it, as CPython's specialised `CALL`
    /// tests `func_version`. Fixed, as the code object is.
    pub simple_arity: u32,
}
impl Body for FunctionBody {}

// CPython 3.11's `PyFunctionObject` less its header: `sys.getsizeof` 152 with the GC
// head, the size of the block.
const _: () = assert!(std::mem::size_of::<FunctionBody>() == 120);

/// A native function's signature: positional arguments and optional keyword arguments.
pub type NativeFn = fn(&[ObjRef], &crate::call::Kw) -> crate::R;

/// `builtin_function_or_method` / `method_descriptor`: a native function, optionally
/// bound to `self`.
#[derive(Debug)]
pub struct BuiltinBody {
    /// What the function is (CPython's `m_ml`).
    pub def: &'static NativeDef,
    /// The object a method is bound to (`m_self` of a bound method).
    pub bound: OptSlot,
    /// The module of a module-level function: its `__self__`, and its `__module__` by
    /// name (CPython's `m_self` and `m_module` of module functions).
    pub module: OptSlot,
    pub weaklist: WeakListHead,
    /// The entry point, copied from `def` so that a call loads it from the object
    /// (CPython's `vectorcall`).
    pub func: NativeFn,
}
impl Body for BuiltinBody {}

/// A native function's definition (CPython's `PyMethodDef`): shared by every function
/// object made from it, and kept for the program's life.
#[derive(Debug)]
pub struct NativeDef {
    pub name: &'static str,
    /// For method descriptors: the type whose method this is (for `TypeError`s).
    pub owner: &'static str,
    pub func: NativeFn,
}

impl NativeDef {
    /// The definition for (`name`, `func`, `owner`), made on first use.
    pub fn get(name: &'static str, func: NativeFn, owner: &'static str) -> &'static NativeDef {
        type Key = (usize, usize, usize, usize, usize);
        static DEFS: std::sync::Mutex<Option<std::collections::HashMap<Key, &'static NativeDef>>> =
            std::sync::Mutex::new(None);
        let key = (
            name.as_ptr() as usize,
            name.len(),
            owner.as_ptr() as usize,
            owner.len(),
            func as usize,
        );
        let mut defs = DEFS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        defs.get_or_insert_with(Default::default)
            .entry(key)
            .or_insert_with(|| Box::leak(Box::new(NativeDef { name, owner, func })))
    }
}

impl BuiltinBody {
    /// `__name__`.
    #[inline]
    pub fn name(&self) -> &'static str {
        self.def.name
    }
    /// The type of a method descriptor (empty for functions).
    #[inline]
    pub fn owner(&self) -> &'static str {
        self.def.owner
    }

    /// Which of CPython's types this native callable shows itself as.
    pub fn flavor(&self) -> BuiltinFlavor {
        let slot = is_slot_method(self.owner(), self.name());
        match self.bound.get() {
            Some(s) if kind(s.as_obj()) != Kind::Module && slot => BuiltinFlavor::MethodWrapper,
            Some(_) => BuiltinFlavor::Function,
            None if !self.owner().is_empty() && slot => BuiltinFlavor::WrapperDescriptor,
            None if !self.owner().is_empty() => BuiltinFlavor::MethodDescriptor,
            None => BuiltinFlavor::Function,
        }
    }
}

/// The Python types of [`BuiltinBody`] objects: a built-in type's special method that
/// fills a type slot is a `wrapper_descriptor` in the class and a `method-wrapper`
/// once bound; its other methods are `method_descriptor`s, and
/// `builtin_function_or_method`s once bound, like module functions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BuiltinFlavor {
    Function,
    MethodWrapper,
    WrapperDescriptor,
    MethodDescriptor,
}

impl BuiltinFlavor {
    /// `tp_name`.
    pub fn type_name(self) -> &'static str {
        match self {
            BuiltinFlavor::Function => "builtin_function_or_method",
            BuiltinFlavor::MethodWrapper => "method-wrapper",
            BuiltinFlavor::WrapperDescriptor => "wrapper_descriptor",
            BuiltinFlavor::MethodDescriptor => "method_descriptor",
        }
    }
}

/// Whether `name`, as a method of built-in type `owner`, fills a type slot (CPython's
/// `slotdefs`), rather than being an ordinary method. `list.__getitem__`,
/// `dict.__getitem__` and the `__contains__` of dict and set are ordinary methods
/// (`METH_COEXIST`) that shadow their slot wrappers.
fn is_slot_method(owner: &str, name: &str) -> bool {
    const SLOTS: &[&str] = &[
        "__getattribute__",
        "__getattr__",
        "__setattr__",
        "__delattr__",
        "__repr__",
        "__hash__",
        "__call__",
        "__str__",
        "__lt__",
        "__le__",
        "__eq__",
        "__ne__",
        "__gt__",
        "__ge__",
        "__iter__",
        "__next__",
        "__get__",
        "__set__",
        "__delete__",
        "__init__",
        "__del__",
        "__await__",
        "__aiter__",
        "__anext__",
        "__add__",
        "__radd__",
        "__sub__",
        "__rsub__",
        "__mul__",
        "__rmul__",
        "__mod__",
        "__rmod__",
        "__divmod__",
        "__rdivmod__",
        "__pow__",
        "__rpow__",
        "__neg__",
        "__pos__",
        "__abs__",
        "__bool__",
        "__invert__",
        "__lshift__",
        "__rlshift__",
        "__rshift__",
        "__rrshift__",
        "__and__",
        "__rand__",
        "__xor__",
        "__rxor__",
        "__or__",
        "__ror__",
        "__int__",
        "__float__",
        "__iadd__",
        "__isub__",
        "__imul__",
        "__imod__",
        "__ipow__",
        "__ilshift__",
        "__irshift__",
        "__iand__",
        "__ixor__",
        "__ior__",
        "__floordiv__",
        "__rfloordiv__",
        "__truediv__",
        "__rtruediv__",
        "__ifloordiv__",
        "__itruediv__",
        "__index__",
        "__matmul__",
        "__rmatmul__",
        "__imatmul__",
        "__len__",
        "__getitem__",
        "__setitem__",
        "__delitem__",
        "__contains__",
    ];
    let coexist = matches!(
        (owner, name),
        ("list" | "dict", "__getitem__") | ("dict" | "set" | "frozenset", "__contains__")
    );
    !coexist && SLOTS.contains(&name)
}

/// A bound method.
#[derive(Debug)]
pub struct MethodBody {
    pub func: ObjRef,
    pub this: ObjRef,
    pub weaklist: WeakListHead,
    /// How to call it, chosen by the function's kind when the method is made (CPython's
    /// `vectorcall` slot of method objects): `self` goes in front of the arguments.
    pub vectorcall: fn(&MethodBody, Vec<ObjRef>, crate::call::Kw) -> crate::R,
}
impl Body for MethodBody {}

/// A closure cell.
#[derive(Debug, Default)]
pub struct CellBody(pub OptSlot);
impl Body for CellBody {}

/// `PyTracebackObject`: one frame an exception passed through, linked to the next
/// (inner) one.
#[derive(Debug)]
pub struct TracebackBody {
    pub next: OptSlot,
    pub frame: Slot,
    pub lasti: Cell<i32>,
    pub lineno: Cell<i32>,
}
impl Body for TracebackBody {}

/// `PyFrameObject`: the Python view of a function activation. It is made when an
/// exception passes through the activation (`PyTraceBack_Here`); while the activation
/// runs, its variables live in the eval loop's frame, and when the activation ends with
/// the frame object still referenced, the variables move here (`take_ownership`), which
/// is how a stored traceback keeps a function's locals alive.
#[derive(Debug)]
pub struct FrameBody {
    pub code: ObjRef,
    pub globals: ObjRef,
    pub builtins: ObjRef,
    /// `f_back`: the frame object of the caller, once the exception reached it.
    pub back: OptSlot,
    /// The variables (fast locals, cells, free variables) once the activation ended.
    pub fast: RefCell<Vec<Option<ObjRef>>>,
    /// The instruction running when the frame object was last updated.
    pub lasti: Cell<u32>,
    /// Whether the activation is still running (its variables are not here yet).
    pub live: Cell<bool>,
}
impl Body for FrameBody {}

/// A module.
#[derive(Debug)]
pub struct ModuleBody {
    pub dict: ObjRef,
    pub weaklist: WeakListHead,
}
impl Body for ModuleBody {}

/// A generator (`PyGenObject`). CPython 3.11 embeds the generator's
/// `_PyInterpreterFrame`, variables and value stack included, in one block. pymm
/// embeds its [`crate::frame::Frame`], which runs in place when the generator resumes,
/// and the frame's slots (variables, then value stack) are a block of the heap of
/// their own, one word per `co_nlocalsplus + co_stacksize` slot, that the generator
/// keeps until it dies, as CPython keeps its block. Object and slots together take
/// CPython's bytes: `sys.getsizeof` reports them.
#[derive(Debug)]
pub struct GenBody {
    /// The frame; borrowed while the generator runs. Once it finished (or the collector
    /// cleared it) it keeps only its code and the emptied slots block
    /// ([`crate::genobj`]).
    pub frame: RefCell<crate::frame::Frame>,
    /// `gi_code`.
    pub code: Slot,
    pub name: Slot,
    pub qualname: Slot,
    pub weaklist: WeakListHead,
}
impl Body for GenBody {}

/// The bytes of a CPython 3.11 generator before its frame's variables (GC head,
/// `PyGenObject` up to `gi_iframe`, `_PyInterpreterFrame` up to `localsplus`): its
/// `sys.getsizeof` is this plus 8 per `co_nlocalsplus + co_stacksize` slot.
const CPYTHON_GEN_FIXED: usize = 168;

// Header, GC head and body: CPython's fixed part.
const _: () = assert!(32 + std::mem::size_of::<GenBody>() == CPYTHON_GEN_FIXED);

/// A class's shared keys (CPython 3.11's `ht_cached_keys`, a split-table keys object):
/// the attribute names its instances store inline, by index, and `dk_usable`, the room
/// left. Every new instance takes one from `usable` (down to 1) and sizes its values
/// array `names + usable`, so the arrays shrink to what the class's instances use;
/// a new name takes one too, and when none is left the instance gets a real dict.
#[derive(Debug)]
pub struct SharedKeys {
    pub names: Vec<ObjRef>,
    pub usable: usize,
}

impl SharedKeys {
    /// `SHARED_KEYS_MAX_SIZE`: a new class's keys have room for 30 names.
    pub const MAX: usize = 30;
}

impl Default for SharedKeys {
    fn default() -> Self {
        SharedKeys {
            names: Vec::new(),
            usable: SharedKeys::MAX,
        }
    }
}

/// A type object.
#[derive(Debug)]
pub struct TypeBody {
    pub name: RefCell<String>,
    pub qualname: RefCell<String>,
    pub dict: ObjRef,
    pub bases: Slot,
    pub base: OptSlot,
    /// `tp_mro`, the tuple `__mro__` returns.
    pub mro: Mro,
    /// Descriptor of instances (for classes defined in Python; built-ins use their
    /// static one).
    pub instance_info: Cell<Option<&'static TypeInfo>>,
    /// The built-in kind of instances' bodies.
    pub base_kind: Kind,
    pub is_heap: bool,
    /// `__slots__` names, when the class defines them (instances then have no dict).
    pub slots: RefCell<Option<Vec<String>>>,
    /// The interned names of every slot value an instance holds, in storage order (the
    /// `__slots__` of the most basic class first), built on first use.
    pub slot_layout: RefCell<Option<std::rc::Rc<[ObjRef]>>>,
    /// Whether the class (or a base) defines `__getattribute__` in Python: method calls
    /// then go through it instead of the direct lookup.
    pub custom_getattribute: Cell<bool>,
    /// CPython's shared keys (`ht_cached_keys`): attribute names of instances, by index.
    pub shared_keys: RefCell<SharedKeys>,
    /// What attribute access must respect for instances (`typeobj::ATTR_*` bits), valid
    /// while `attr_epoch` equals the type-cache epoch.
    pub attr_flags: Cell<u8>,
    pub attr_epoch: Cell<u64>,
    pub weaklist: WeakListHead,
    /// `tp_subclasses`: a dict from subclass address to a weak reference to it.
    pub subclasses: OptSlot,
}
impl Body for TypeBody {}

impl Drop for TypeBody {
    fn drop(&mut self) {
        // The lookup cache is keyed by type address, which a new class may reuse.
        crate::typeobj::invalidate_type_cache();
        if self.is_heap
            && let Some(bases) = self.bases.try_get()
        {
            crate::typeobj::remove_subclass(bases.as_obj(), crate::typeobj::subclass_key(self));
        }
    }
}

/// `mappingproxy`: a read-only view of a mapping (what `cls.__dict__` returns).
#[derive(Debug)]
pub struct MappingProxyBody {
    pub mapping: Slot,
}
impl Body for MappingProxyBody {}

/// Which attribute a [`GetSetBody`] provides.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GetSetWhich {
    /// `__dict__`: the instance dictionary.
    Dict,
    /// `__weakref__`: the first weak reference to the instance, or `None`.
    Weakref,
    /// A `__slots__` entry (`member_descriptor`): the instance's slot of that name.
    Member,
    /// A read-only attribute of a built-in type's instances (`int.real`, `float.imag`):
    /// a `getset_descriptor` whose value the body computes.
    BuiltinGetSet,
    /// The same as a `member_descriptor` (`complex.real`).
    BuiltinMember,
}

/// `PyGetSetDescrObject`: the `__dict__` and `__weakref__` attributes `type_new` puts in
/// the dict of a class that adds them (CPython's layout, 64 bytes with the GC head).
#[derive(Debug)]
pub struct GetSetBody {
    /// `d_type`: the class (a strong reference: class and descriptor form a cycle).
    pub owner: Slot,
    /// `d_name`.
    pub name: Slot,
    /// `d_qualname`, which CPython fills in on first use of `__qualname__`.
    pub qualname: OptSlot,
    /// `d_getset`: the attribute.
    pub which: GetSetWhich,
}
impl Body for GetSetBody {}

/// A class's method resolution order, kept as CPython keeps `tp_mro`: one tuple object,
/// which `__mro__` returns and which holds the class's references to itself and its
/// bases.
#[derive(Debug, Default)]
pub struct Mro(OptSlot);

/// The items of a class's MRO tuple, borrowed for a lookup.
#[derive(Debug)]
pub struct MroItems(Option<ObjRef>);

impl std::ops::Deref for MroItems {
    type Target = [ObjRef];
    fn deref(&self) -> &[ObjRef] {
        match &self.0 {
            Some(t) => crate::seq::tuple_items(t.as_obj()),
            None => &[],
        }
    }
}

impl Mro {
    /// The classes in order (empty while the class is being built or after it was
    /// cleared).
    #[inline]
    pub fn borrow(&self) -> MroItems {
        MroItems(self.0.get())
    }
    /// Replaces the MRO with a new tuple of `classes`.
    pub fn set(&self, classes: Vec<ObjRef>) -> crate::exc::R<()> {
        let t = crate::seq::new_tuple(classes)?;
        drop(self.0.0.replace(Some(t)));
        Ok(())
    }
    /// The tuple itself.
    pub fn tuple(&self) -> Option<ObjRef> {
        self.0.get()
    }
    /// Drops the tuple (`type_clear`).
    pub fn clear(&self) {
        drop(self.0.0.take());
    }
    /// Reports the tuple to the collector.
    pub fn visit(&self, v: &mut Visitor<'_>) {
        self.0.visit(v);
    }
}

/// An instance of a class defined in Python whose solid base is `object`. CPython's
/// basic size is 24 (header + `__weakref__`); the pre-header holds the values array and
/// the `__dict__`: with the GC head the object is 56 bytes, as in CPython 3.11. The
/// values array ([`pymm_mem::Obj::inline_values`]: one value per key of the class's
/// shared keys, until `__dict__` is asked for, when they move into a real dict in the
/// pre-header) also holds the `__slots__` values, in one block of pymm's heap.
#[derive(Debug, Default)]
pub struct InstanceBody {
    pub weaklist: WeakListHead,
}
impl Body for InstanceBody {}

const _: () = assert!(std::mem::size_of::<InstanceBody>() == 8);

/// An instance of a class whose `__slots__` (through its whole MRO) give it neither a
/// `__dict__` nor a `__weakref__`: CPython's layout, the `N` slot values right after
/// the header and nothing else (`sys.getsizeof` 16 + 8N + 16, the size of its block).
/// Classes with more than [`MAX_INLINE_SLOTS`] slots keep [`InstanceBody`].
#[derive(Debug)]
pub struct SlotsBody<const N: usize> {
    pub slots: [OptSlot; N],
}
impl<const N: usize> Body for SlotsBody<N> {}

impl<const N: usize> Default for SlotsBody<N> {
    fn default() -> Self {
        SlotsBody {
            slots: std::array::from_fn(|_| OptSlot::new(None)),
        }
    }
}

/// The most slots a [`SlotsBody`] holds.
pub const MAX_INLINE_SLOTS: usize = 8;

/// Calls `$f!(N)` for the `N` (1..=MAX_INLINE_SLOTS) that equals `$n`; `$none` otherwise.
macro_rules! with_slot_count {
    ($n:expr, $f:ident, $none:expr) => {
        match $n {
            1 => $f!(1),
            2 => $f!(2),
            3 => $f!(3),
            4 => $f!(4),
            5 => $f!(5),
            6 => $f!(6),
            7 => $f!(7),
            8 => $f!(8),
            _ => $none,
        }
    };
}

/// The slot values of an object with a [`SlotsBody`].
#[inline]
pub fn inline_slots(o: Obj<'_>) -> Option<&[OptSlot]> {
    macro_rules! get {
        ($n:literal) => {
            o.downcast::<SlotsBody<$n>>().map(|b| &b.slots[..])
        };
    }
    with_slot_count!(o.type_info().body_size() / 8, get, None)
}

/// The body vtable of an instance with `n` inline slots (`1..=MAX_INLINE_SLOTS`).
fn slots_vtable(n: usize) -> Option<BodyVTable> {
    macro_rules! vt {
        ($n:literal) => {
            Some(BodyVTable::of::<SlotsBody<$n>>())
        };
    }
    with_slot_count!(n, vt, None)
}

/// A new instance of the class whose descriptor is `info`, when its instances are
/// [`SlotsBody`]s (`None` for any other descriptor).
pub fn alloc_slots_instance(info: &'static TypeInfo) -> Option<crate::R> {
    macro_rules! new {
        ($n:literal) => {
            info.body_is::<SlotsBody<$n>>().then(|| {
                ObjRef::new(info, SlotsBody::<$n>::default())
                    .map_err(|_| crate::exc::memory_error())
            })
        };
    }
    with_slot_count!(info.body_size() / 8, new, None)
}

/// The descriptor of a class defined in Python whose instances are [`SlotsBody`]s of
/// `n` slots (no pre-header, no weak list), or `None` when `n` is out of range.
pub fn slots_type_info(name: &'static str, n: usize) -> Option<TypeInfo> {
    let vt = slots_vtable(n)?;
    Some(
        TypeInfo::new(name, vt)
            .user_data(Kind::Object as usize)
            .gc(slots_traverse)
            .clear(slots_clear),
    )
}

/// Calls `f` on the slots of a [`SlotsBody`] in CPython's order: each class's own
/// slots, the most derived class first.
fn for_each_slot(o: Obj<'_>, mut f: impl FnMut(&OptSlot)) {
    let (Some(slots), Some(t)) = (inline_slots(o), o.type_object()) else {
        return;
    };
    // Most classes declare all their slots themselves: one run, in order.
    if crate::typeobj::own_slot_count(t) == slots.len() {
        slots.iter().for_each(f);
        return;
    }
    for r in crate::typeobj::slot_groups(t, slots.len()) {
        slots[r].iter().for_each(&mut f);
    }
}

/// `subtype_traverse` of a [`SlotsBody`]: the slots, then the type.
fn slots_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    for_each_slot(o, |s| s.visit(v));
    visit_type(o, v);
}

/// `subtype_clear` of a [`SlotsBody`].
fn slots_clear(o: Obj<'_>) {
    for_each_slot(o, |s| s.set(None));
}

/// The generator of one `random.Random` instance (what CPython's `_random.Random` part
/// of the object holds): swapped with the thread's module generator around each method
/// call.
pub struct RandomStateBody(pub RefCell<crate::mt::Mt>);
impl Body for RandomStateBody {}

impl std::fmt::Debug for RandomStateBody {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("RandomStateBody")
    }
}

/// `PyBaseExceptionObject`.
#[derive(Debug)]
pub struct ExcBody {
    pub args: Slot,
    pub notes: OptSlot,
    /// `__traceback__`: the traceback object chain, outermost frame first.
    pub traceback: OptSlot,
    pub context: OptSlot,
    pub cause: OptSlot,
    pub suppress_context: Cell<bool>,
}
impl Body for ExcBody {}

/// `property` (`propertyobject`): the accessors, the doc string, the name given by
/// `__set_name__`, and whether the doc string came from the getter.
#[derive(Debug)]
pub struct PropertyBody {
    pub fget: OptSlot,
    pub fset: OptSlot,
    pub fdel: OptSlot,
    pub doc: OptSlot,
    pub name: OptSlot,
    pub getter_doc: Cell<bool>,
}
impl Body for PropertyBody {}

/// `staticmethod` / `classmethod`: the callable and the attribute dict (`sm_callable`,
/// `sm_dict`).
#[derive(Debug)]
pub struct WrapperBody(pub Slot, pub OptSlot);
impl Body for WrapperBody {}

/// `super`.
#[derive(Debug)]
pub struct SuperBody {
    pub ty: ObjRef,
    pub obj: OptSlot,
    pub obj_type: OptSlot,
}
impl Body for SuperBody {}

/// `dict_keys`, `dict_values`, `dict_items`.
#[derive(Debug)]
/// `dictviewobject`: which view it is (keys 0, values 1, items 2) is its type, as
/// CPython's three view types share this layout (see [`view_which`]).
pub struct DictViewBody {
    pub dict: ObjRef,
}
impl Body for DictViewBody {}

/// Which view a `DictViewBody` object is: 0 keys, 1 values, 2 items.
pub fn view_which(o: Obj<'_>) -> u8 {
    let ty = o.type_info();
    if core::ptr::eq(ty, &DICT_KEYS_T) {
        0
    } else if core::ptr::eq(ty, &DICT_VALUES_T) {
        1
    } else {
        2
    }
}

// ---------------------------------------------------------------------------------------
// Hooks

/// Visits the pre-header of objects that have one: the instance's values array
/// (`_PyObject_VisitInstanceAttributes`, with the `__slots__` values), or, for types
/// without one, the untracked hidden table in the first word, whose contents count as
/// the object's own references; then the materialised `__dict__`, a tracked object.
#[inline(always)]
fn visit_preheader(o: Obj<'_>, v: &mut Visitor<'_>) {
    // Most are instances with their attributes in the values array.
    if let Some(values) = o.inline_values() {
        values.visit(v);
    } else if let Some(table) = o.preheader_values()
        && o.preheader().is_some_and(|p| !p.is_empty())
    {
        let t = table.take();
        if let Some(d) = &t
            && let Some(b) = d.as_obj().downcast::<DictBody>()
        {
            visit_dict_entries(b, v);
        }
        table.set(t);
    }
    // Most objects have no materialised dict: the slot is looked at, not rewritten.
    if let Some(p) = o.preheader()
        && p.has_dict()
    {
        cell_visit(&p.dict, v);
    }
}

/// Traverse of instances of subclasses of `weakref.ref`: the callback, then the
/// pre-header (dict and `__slots__` values).
pub fn weakref_sub_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    pymm_mem::weakref::weakref_traverse(o, v);
    visit_preheader(o, v);
    visit_type(o, v);
}

/// Clear of instances of subclasses of `weakref.ref`.
pub fn weakref_sub_clear(o: Obj<'_>) {
    pymm_mem::weakref::weakref_clear(o);
    clear_preheader(o);
}

fn clear_preheader(o: Obj<'_>) {
    if let Some(values) = o.preheader_values() {
        drop(values.take());
    }
    if let Some(p) = o.preheader() {
        drop(p.dict.take());
    }
}

/// Visits the type object of an instance of a class defined in Python.
#[inline(always)]
fn visit_type(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(t) = o.type_object() {
        v.visit(t);
    }
}

fn tuple_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    visit_heap_part(o, v);
    if let Some(items) = o.var_items::<TupleBody>() {
        if v.declines(items.len()) {
            return;
        }
        // `tupletraverse` visits the items last to first.
        for i in items.iter().rev() {
            v.visit(i.as_obj());
        }
    }
}

fn tuple_untrack(o: Obj<'_>) -> bool {
    // `_PyTuple_MaybeUntrack`: untrack when no item can be part of a cycle.
    if o.type_object().is_some() {
        return false;
    }
    o.var_items::<TupleBody>()
        .is_some_and(|items| items.iter().all(|i| !may_be_tracked(i.as_obj())))
}

/// `_PyObject_GC_MAY_BE_TRACKED`.
fn may_be_tracked(o: Obj<'_>) -> bool {
    // `_PyObject_IS_GC` is false for static types (`type_is_gc`).
    o.is_gc()
        && match kind(o) {
            Kind::Tuple => o.is_tracked(),
            Kind::Type => o.downcast::<TypeBody>().is_none_or(|t| t.is_heap),
            _ => true,
        }
}

/// `_PyObject_GC_MAY_BE_TRACKED`.
pub fn may_be_tracked_obj(o: Obj<'_>) -> bool {
    may_be_tracked(o)
}

/// CPython's `subtype_traverse` part for instances of classes defined in Python: the
/// `__slots__` values, the instance dict (or inline values), then the type.
fn visit_heap_part(o: Obj<'_>, v: &mut Visitor<'_>) {
    visit_preheader(o, v);
    visit_type(o, v);
}

fn list_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    visit_heap_part(o, v);
    if let Some(b) = o.downcast::<ListBody>() {
        if v.declines(b.items.len()) {
            return;
        }
        // `list_traverse` visits the items last to first.
        b.items.with_items(|items| {
            for x in items.iter().rev() {
                v.visit(x.as_obj());
            }
        });
    }
}

fn list_clear(o: Obj<'_>) {
    clear_preheader(o);
    if let Some(b) = o.downcast::<ListBody>() {
        b.items.clear();
    }
}

fn dict_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    visit_heap_part(o, v);
    if let Some(b) = o.downcast::<DictBody>()
        && !v.declines(b.keys.nentries())
    {
        visit_dict_entries(b, v);
    }
}

/// `dict_traverse`: the values of a unicode-keys table (every key an exact `str`);
/// otherwise each value then its key.
fn visit_dict_entries(b: &DictBody, v: &mut Visitor<'_>) {
    let unicode = b.keys.is_unicode();
    b.keys.for_each_live(|k, val| {
        v.visit(val);
        if !unicode {
            v.visit(k);
        }
    });
}

fn dict_clear(o: Obj<'_>) {
    clear_preheader(o);
    if let Some(b) = o.downcast::<DictBody>() {
        crate::dict::clear(b);
    }
}

fn dict_untrack(o: Obj<'_>) -> bool {
    // `_PyDict_MaybeUntrack`: untrack when no key or value may be tracked.
    if o.type_object().is_some() {
        return false;
    }
    let Some(b) = o.downcast::<DictBody>() else {
        return false;
    };
    let mut none_tracked = true;
    b.keys.for_each_live(|k, val| {
        none_tracked &= !may_be_tracked(k) && !may_be_tracked(val);
    });
    none_tracked
}

fn set_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    visit_type(o, v);
    visit_preheader(o, v);
    if let Some(b) = o.downcast::<SetBody>()
        && !v.declines(b.used.get())
    {
        b.table.traverse(v);
    }
}

fn set_clear(o: Obj<'_>) {
    clear_preheader(o);
    if let Some(b) = o.downcast::<SetBody>() {
        drop(b.take_all());
    }
}

fn func_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(f) = o.downcast::<FunctionBody>() {
        v.visit(f.code.as_obj());
        v.visit(f.globals.as_obj());
        v.visit(f.builtins.as_obj());
        f.name.visit(v);
        f.qualname.visit(v);
        f.defaults.visit(v);
        f.kwdefaults.visit(v);
        f.closure.visit(v);
        f.doc.visit(v);
        f.dict.visit(v);
        f.module.visit(v);
        f.annotations.visit(v);
    }
}

fn func_clear(o: Obj<'_>) {
    if let Some(f) = o.downcast::<FunctionBody>() {
        f.defaults.set(None);
        f.kwdefaults.set(None);
        f.closure.set(None);
        f.doc.set(None);
        f.dict.set(None);
        f.module.set(None);
        f.annotations.set(None);
    }
}

fn builtin_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(b) = o.downcast::<BuiltinBody>() {
        b.bound.visit(v);
        b.module.visit(v);
    }
}

fn method_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(m) = o.downcast::<MethodBody>() {
        v.visit(m.func.as_obj());
        v.visit(m.this.as_obj());
    }
}

fn cell_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(c) = o.downcast::<CellBody>() {
        c.0.visit(v);
    }
}

fn cell_clear(o: Obj<'_>) {
    if let Some(c) = o.downcast::<CellBody>() {
        c.0.set(None);
    }
}

fn module_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(m) = o.downcast::<ModuleBody>() {
        v.visit(m.dict.as_obj());
    }
}

fn gen_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    // `gen_traverse`'s order: the code, the names, then the frame (not while it runs:
    // the resume in progress holds it).
    if let Some(g) = o.downcast::<GenBody>() {
        g.code.visit(v);
        g.name.visit(v);
        g.qualname.visit(v);
        if let Ok(f) = g.frame.try_borrow()
            && !crate::genobj::is_finished(&f)
        {
            f.traverse(v);
        }
    }
}

fn gen_clear(o: Obj<'_>) {
    crate::genobj::discard_frame(o);
}

fn gen_finalize(o: Obj<'_>) {
    crate::genobj::finalize(o);
}

fn type_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    visit_type(o, v);
    if let Some(t) = o.downcast::<TypeBody>() {
        // `type_traverse`'s order: dict, mro, bases, base.
        v.visit(t.dict.as_obj());
        t.mro.visit(v);
        t.bases.visit(v);
        t.base.visit(v);
    }
}

fn type_clear(o: Obj<'_>) {
    crate::typeobj::invalidate_type_cache();
    if let Some(t) = o.downcast::<TypeBody>() {
        t.mro.clear();
        crate::dict::clear(t.dict.as_obj().downcast::<DictBody>().expect("type dict"));
    }
}

fn instance_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    visit_heap_part(o, v);
}

/// `subtype_clear`: the `__slots__` values, the inline values by index, then the
/// materialised dict.
fn instance_clear(o: Obj<'_>) {
    if let Some(values) = o.inline_values() {
        values.clear();
    }
    clear_preheader(o);
}

fn exc_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    visit_type(o, v);
    visit_preheader(o, v);
    if let Some(e) = o.downcast::<ExcBody>() {
        e.args.visit(v);
        e.notes.visit(v);
        e.traceback.visit(v);
        e.context.visit(v);
        e.cause.visit(v);
    }
}

fn exc_clear(o: Obj<'_>) {
    clear_preheader(o);
    if let Some(e) = o.downcast::<ExcBody>() {
        e.notes.set(None);
        e.traceback.set(None);
        e.context.set(None);
        e.cause.set(None);
    }
}

fn property_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(p) = o.downcast::<PropertyBody>() {
        p.fget.visit(v);
        p.fset.visit(v);
        p.fdel.visit(v);
        p.doc.visit(v);
        p.name.visit(v);
    }
}

fn wrapper_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(w) = o.downcast::<WrapperBody>() {
        w.0.visit(v);
        w.1.visit(v);
    }
}

/// `sm_clear` / `cm_clear`: the attribute dict (the callable slot always stays set).
fn wrapper_clear(o: Obj<'_>) {
    if let Some(w) = o.downcast::<WrapperBody>() {
        w.1.set(None);
    }
}

fn super_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(s) = o.downcast::<SuperBody>() {
        v.visit(s.ty.as_obj());
        s.obj.visit(v);
        s.obj_type.visit(v);
    }
}

fn view_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(d) = o.downcast::<DictViewBody>() {
        v.visit(d.dict.as_obj());
    }
}

fn func_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<FunctionBody>().map(|f| &f.weaklist)
}
fn gen_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<GenBody>().map(|f| &f.weaklist)
}
fn type_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<TypeBody>().map(|f| &f.weaklist)
}
fn instance_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<InstanceBody>().map(|f| &f.weaklist)
}
macro_rules! info {
    ($name:expr, $body:ty, $kind:expr) => {
        TypeInfo::new($name, BodyVTable::of::<$body>()).user_data($kind as usize)
    };
    (var $name:expr, $body:ty, $kind:expr) => {
        TypeInfo::new($name, BodyVTable::of_var::<$body>()).user_data($kind as usize)
    };
}

pub static NONE_T: TypeInfo = info!("NoneType", Unit, Kind::NoneType);
pub static NOTIMPL_T: TypeInfo = info!("NotImplementedType", Unit, Kind::NotImplementedType);
pub static ELLIPSIS_T: TypeInfo = info!("ellipsis", Unit, Kind::Ellipsis);
pub static INT_T: TypeInfo = info!(var "int", IntBody, Kind::Int);
pub static BOOL_T: TypeInfo = info!(var "bool", IntBody, Kind::Bool);
// CPython 3.11's free lists: float 100, tuples of 1..=20 items 2000 each, list 80,
// dict 80 (spec §2).
pub static FLOAT_T: TypeInfo = info!("float", FloatBody, Kind::Float).freelist(1, 100);
pub static COMPLEX_T: TypeInfo = info!("complex", ComplexBody, Kind::Complex);
pub static STR_T: TypeInfo = info!(var "str", StrBody, Kind::Str);
pub static WSTR_T: TypeInfo = info!(var "str", WideStrBody, Kind::Str);
pub static BYTES_T: TypeInfo = info!(var "bytes", BytesBody, Kind::Bytes);
pub static TUPLE_T: TypeInfo = info!(var "tuple", TupleBody, Kind::Tuple)
    .freelist(20, 2000)
    .freelist_reuse_below(19)
    .gc(tuple_traverse)
    .untrack_hint(tuple_untrack, false);
pub static LIST_T: TypeInfo = info!("list", ListBody, Kind::List)
    .freelist(1, 80)
    .gc(list_traverse)
    .clear(list_clear);
pub static DICT_T: TypeInfo = info!("dict", DictBody, Kind::Dict)
    .freelist(1, 80)
    .gc(dict_traverse)
    .clear(dict_clear)
    .untrack_hint(dict_untrack, true);
pub static SET_T: TypeInfo = info!("set", SetBody, Kind::Set)
    .gc(set_traverse)
    .clear(set_clear)
    .weakrefable(set_weaklist);
pub static FROZENSET_T: TypeInfo = info!("frozenset", SetBody, Kind::FrozenSet)
    .gc(set_traverse)
    .clear(set_clear)
    .weakrefable(set_weaklist);

fn set_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<SetBody>().map(|b| &b.weaklist)
}
fn module_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<ModuleBody>().map(|b| &b.weaklist)
}
fn code_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<CodeBody>().map(|b| &b.weaklist)
}
pub static RANGE_T: TypeInfo = info!("range", RangeBody, Kind::Range);
pub static SLICE_T: TypeInfo = info!("slice", SliceBody, Kind::Slice).gc(slice_traverse);

fn slice_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(s) = o.downcast::<SliceBody>() {
        v.visit(s.start.as_obj());
        v.visit(s.stop.as_obj());
        v.visit(s.step.as_obj());
    }
}
pub static CODE_T: TypeInfo = info!("code", CodeBody, Kind::Code).weakrefable(code_weaklist);
pub static FUNCTION_T: TypeInfo = info!("function", FunctionBody, Kind::Function)
    .gc(func_traverse)
    .clear(func_clear)
    .weakrefable(func_weaklist);
pub static BUILTIN_T: TypeInfo = info!(
    "builtin_function_or_method",
    BuiltinBody,
    Kind::BuiltinFunction
)
.gc(builtin_traverse)
.weakrefable(builtin_weaklist);
pub static METHOD_T: TypeInfo = info!("method", MethodBody, Kind::Method)
    .gc(method_traverse)
    .weakrefable(method_weaklist);

fn builtin_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<BuiltinBody>().map(|b| &b.weaklist)
}

fn method_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<MethodBody>().map(|b| &b.weaklist)
}
pub static TRACEBACK_T: TypeInfo = info!("traceback", TracebackBody, Kind::Traceback)
    .gc(traceback_traverse)
    .clear(traceback_clear);
pub static FRAME_T: TypeInfo = info!("frame", FrameBody, Kind::Frame)
    .gc(frame_traverse)
    .clear(frame_clear);

fn traceback_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(t) = o.downcast::<TracebackBody>() {
        t.next.visit(v);
        t.frame.visit(v);
    }
}

fn traceback_clear(o: Obj<'_>) {
    if let Some(t) = o.downcast::<TracebackBody>() {
        t.next.set(None);
    }
}

fn frame_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(f) = o.downcast::<FrameBody>() {
        f.back.visit(v);
        v.visit(f.code.as_obj());
        v.visit(f.globals.as_obj());
        v.visit(f.builtins.as_obj());
        if let Ok(fast) = f.fast.try_borrow() {
            for x in fast.iter().flatten() {
                v.visit(x.as_obj());
            }
        }
    }
}

fn frame_clear(o: Obj<'_>) {
    if let Some(f) = o.downcast::<FrameBody>() {
        f.back.set(None);
        let fast = f.fast.take();
        drop(fast);
    }
}

pub static CELL_T: TypeInfo = info!("cell", CellBody, Kind::Cell)
    .gc(cell_traverse)
    .clear(cell_clear);
pub static MODULE_T: TypeInfo = info!("module", ModuleBody, Kind::Module)
    .gc(module_traverse)
    .weakrefable(module_weaklist);
pub static GEN_T: TypeInfo = info!("generator", GenBody, Kind::Generator)
    .gc(gen_traverse)
    .clear(gen_clear)
    .finalize(gen_finalize)
    .weakrefable(gen_weaklist);
pub static TYPE_T: TypeInfo = info!("type", TypeBody, Kind::Type)
    .gc(type_traverse)
    .clear(type_clear)
    .weakrefable(type_weaklist)
    .type_objects();
pub static OBJECT_T: TypeInfo = info!("object", Unit, Kind::Object);
pub static INSTANCE_T: TypeInfo = info!("object", InstanceBody, Kind::Object)
    .gc(instance_traverse)
    .clear(instance_clear)
    .weakrefable(instance_weaklist)
    .preheader();
pub static EXC_T: TypeInfo = info!("BaseException", ExcBody, Kind::BaseException)
    .gc(exc_traverse)
    .clear(exc_clear)
    .preheader();
pub static PROPERTY_T: TypeInfo =
    info!("property", PropertyBody, Kind::Property).gc(property_traverse);
pub static STATICMETHOD_T: TypeInfo = info!("staticmethod", WrapperBody, Kind::StaticMethod)
    .gc(wrapper_traverse)
    .clear(wrapper_clear);
pub static CLASSMETHOD_T: TypeInfo = info!("classmethod", WrapperBody, Kind::ClassMethod)
    .gc(wrapper_traverse)
    .clear(wrapper_clear);
pub static SUPER_T: TypeInfo = info!("super", SuperBody, Kind::Super).gc(super_traverse);
pub static WEAKREF_T: TypeInfo =
    pymm_mem::weakref::weakref_type_info("weakref.ReferenceType").user_data(Kind::WeakRef as usize);
pub static WEAKPROXY_T: TypeInfo =
    pymm_mem::weakref::weakref_type_info("weakref.ProxyType").user_data(Kind::WeakProxy as usize);
pub static WEAKCALLABLEPROXY_T: TypeInfo =
    pymm_mem::weakref::weakref_type_info("weakref.CallableProxyType")
        .user_data(Kind::WeakCallableProxy as usize);
pub static BYTEARRAY_T: TypeInfo = info!("bytearray", ByteArrayBody, Kind::ByteArray);
pub static GETSET_T: TypeInfo =
    info!("getset_descriptor", GetSetBody, Kind::GetSetDescr).gc(getset_traverse);
pub static MAPPINGPROXY_T: TypeInfo =
    info!("mappingproxy", MappingProxyBody, Kind::MappingProxy).gc(mappingproxy_traverse);

fn mappingproxy_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(p) = o.downcast::<MappingProxyBody>() {
        p.mapping.visit(v);
    }
}

/// `PyMemberDescrObject`, the same layout (`d_member` in place of `d_getset`).
pub static MEMBER_T: TypeInfo =
    info!("member_descriptor", GetSetBody, Kind::MemberDescr).gc(getset_traverse);

fn getset_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    // `descr_traverse` visits only the type.
    if let Some(d) = o.downcast::<GetSetBody>() {
        d.owner.visit(v);
    }
}

pub static MEMORYVIEW_T: TypeInfo =
    info!("memoryview", MemoryViewBody, Kind::MemoryView).gc(memoryview_traverse);

fn memoryview_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    if let Some(m) = o.downcast::<MemoryViewBody>() {
        v.visit(m.obj.as_obj());
    }
}

pub static ARRAY_T: TypeInfo = info!("array.array", ArrayBody, Kind::Array)
    .gc(array_traverse)
    .weakrefable(array_weaklist);

fn array_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    visit_heap_part(o, v);
}

fn array_weaklist(o: Obj<'_>) -> Option<&WeakListHead> {
    o.downcast::<ArrayBody>().map(|a| &a.weaklist)
}
pub static RANDOM_STATE_T: TypeInfo = info!("random_state", RandomStateBody, Kind::RandomState);
pub static DICT_KEYS_T: TypeInfo =
    info!("dict_keys", DictViewBody, Kind::DictView).gc(view_traverse);
pub static DICT_VALUES_T: TypeInfo =
    info!("dict_values", DictViewBody, Kind::DictView).gc(view_traverse);
pub static DICT_ITEMS_T: TypeInfo =
    info!("dict_items", DictViewBody, Kind::DictView).gc(view_traverse);

/// The hooks a class defined in Python adds to its solid base's descriptor: a GC head,
/// the managed-dict pre-header, traversal of its type object, and a weak list when its
/// instances take weak references (`weakrefable`; not for `__slots__` without
/// `__weakref__`, nor for the built-in exceptions).
pub fn heap_type_info_weak(
    base: &'static TypeInfo,
    name: &'static str,
    weakrefable: bool,
) -> TypeInfo {
    let mut t = TypeInfo::new(name, body_vtable_of(base)).user_data(base.data());
    let (trav, clear, weak) = match kind_of_info(base) {
        Kind::List => (
            list_traverse as pymm_mem::TraverseFn,
            list_clear as pymm_mem::ClearFn,
            None,
        ),
        Kind::Dict => (
            dict_traverse as pymm_mem::TraverseFn,
            dict_clear as pymm_mem::ClearFn,
            None,
        ),
        Kind::Set | Kind::FrozenSet => (
            set_traverse as pymm_mem::TraverseFn,
            set_clear as pymm_mem::ClearFn,
            Some(set_weaklist as pymm_mem::WeakListFn),
        ),
        Kind::Tuple => (
            tuple_traverse as pymm_mem::TraverseFn,
            instance_clear_pre as pymm_mem::ClearFn,
            None,
        ),
        Kind::Type => (
            type_traverse as pymm_mem::TraverseFn,
            type_clear as pymm_mem::ClearFn,
            Some(type_weaklist as pymm_mem::WeakListFn),
        ),
        Kind::Int | Kind::Float | Kind::Str | Kind::Bytes => (
            instance_traverse as pymm_mem::TraverseFn,
            instance_clear_pre as pymm_mem::ClearFn,
            None,
        ),
        // Weak references to instances of exception subclasses use the list in front of
        // the pre-header: `BaseException` itself has none.
        Kind::BaseException => (
            exc_traverse as pymm_mem::TraverseFn,
            exc_clear as pymm_mem::ClearFn,
            None,
        ),
        _ => (
            instance_traverse as pymm_mem::TraverseFn,
            instance_clear as pymm_mem::ClearFn,
            Some(instance_weaklist as pymm_mem::WeakListFn),
        ),
    };
    t = t.gc(trav).clear(clear);
    // Instances whose body is an `InstanceBody` keep their values array in the
    // pre-header, as CPython 3.11's managed-dict objects do.
    if body_vtable_of(base).is::<InstanceBody>() {
        t = t.preheader_inline();
    }
    t = match weak {
        Some(w) if weakrefable => t.preheader().weakrefable(w),
        // A body without a weak-list head: the list goes in front of the pre-header.
        None if weakrefable => t.preheader_with_weaklist(),
        _ => t.preheader(),
    };
    if kind_of_info(base) == Kind::Type {
        // A metaclass: its instances are classes.
        t = t.type_objects();
    }
    t
}

/// `tp_finalize` of classes that define `__del__`: calls it; an exception is reported as
/// "Exception ignored in" and swallowed, as CPython does.
pub fn instance_finalize(o: Obj<'_>) {
    let this = o.to_owned();
    let t = crate::typeobj::type_of(o);
    let Some(del) = crate::typeobj::lookup(t.as_obj(), &crate::str::intern("__del__")) else {
        return;
    };
    if let Err(e) = crate::call::call_owned(&del, vec![this], &crate::call::Kw::EMPTY) {
        crate::exc::unraisable(&e, Some(&del), "__del__");
    }
}

fn instance_clear_pre(o: Obj<'_>) {
    clear_preheader(o);
}

fn kind_of_info(t: &TypeInfo) -> Kind {
    Kind::from_usize(t.data())
}

fn body_vtable_of(t: &'static TypeInfo) -> BodyVTable {
    match kind_of_info(t) {
        Kind::List => BodyVTable::of::<ListBody>(),
        Kind::Dict => BodyVTable::of::<DictBody>(),
        Kind::Set | Kind::FrozenSet => BodyVTable::of::<SetBody>(),
        Kind::Tuple => BodyVTable::of_var::<TupleBody>(),
        Kind::Int => BodyVTable::of_var::<IntBody>(),
        Kind::Type => BodyVTable::of::<TypeBody>(),
        Kind::Float => BodyVTable::of::<FloatBody>(),
        // Subclass instances always use the general string body.
        Kind::Str => BodyVTable::of_var::<WideStrBody>(),
        Kind::Bytes => BodyVTable::of_var::<BytesBody>(),
        Kind::BaseException => BodyVTable::of::<ExcBody>(),
        _ => BodyVTable::of::<InstanceBody>(),
    }
}

/// The static descriptor of a built-in kind's instances.
pub fn static_info(k: Kind) -> &'static TypeInfo {
    match k {
        Kind::NoneType => &NONE_T,
        Kind::NotImplementedType => &NOTIMPL_T,
        Kind::Ellipsis => &ELLIPSIS_T,
        Kind::Int => &INT_T,
        Kind::Bool => &BOOL_T,
        Kind::Float => &FLOAT_T,
        Kind::Complex => &COMPLEX_T,
        Kind::WeakRef => &WEAKREF_T,
        Kind::WeakProxy => &WEAKPROXY_T,
        Kind::WeakCallableProxy => &WEAKCALLABLEPROXY_T,
        Kind::ByteArray => &BYTEARRAY_T,
        Kind::Array => &ARRAY_T,
        Kind::MemoryView => &MEMORYVIEW_T,
        Kind::GetSetDescr => &GETSET_T,
        Kind::MemberDescr => &MEMBER_T,
        Kind::MappingProxy => &MAPPINGPROXY_T,
        Kind::Str => &STR_T,
        Kind::Bytes => &BYTES_T,
        Kind::Tuple => &TUPLE_T,
        Kind::List => &LIST_T,
        Kind::Dict => &DICT_T,
        Kind::Set => &SET_T,
        Kind::FrozenSet => &FROZENSET_T,
        Kind::Range => &RANGE_T,
        Kind::Slice => &SLICE_T,
        Kind::Function => &FUNCTION_T,
        Kind::BuiltinFunction => &BUILTIN_T,
        Kind::Method => &METHOD_T,
        Kind::Code => &CODE_T,
        Kind::Cell => &CELL_T,
        Kind::Traceback => &TRACEBACK_T,
        Kind::Frame => &FRAME_T,
        Kind::RandomState => &RANDOM_STATE_T,
        Kind::Generator => &GEN_T,
        Kind::Type => &TYPE_T,
        Kind::Object => &OBJECT_T,
        Kind::Module => &MODULE_T,
        Kind::BaseException => &EXC_T,
        Kind::Property => &PROPERTY_T,
        Kind::StaticMethod => &STATICMETHOD_T,
        Kind::ClassMethod => &CLASSMETHOD_T,
        Kind::Super => &SUPER_T,
        Kind::Iterator => &crate::iter::SEQ_ITER_T,
        Kind::DictView => &DICT_KEYS_T,
    }
}
