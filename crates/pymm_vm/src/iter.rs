//! Iteration: the built-in iterators and the `iter()`/`next()` protocol over
//! generators and user classes.
//!
//! Each built-in iterator type has its own body with the fields of its CPython 3.11
//! struct (`listiterobject`, `rangeiterobject`, `dictiterobject`, `enumobject`, ...),
//! so that its block is exactly as large as CPython's object and `sys.getsizeof`
//! reports the bytes it really occupies: 48 for the sequence iterators, `map`,
//! `filter` and `callable_iterator`, 56 for `arrayiterator`, 64 for `set_iterator`,
//! `zip` and `memory_iterator`, 72 for the dict iterators and `enumerate`.
//! `range_iterator` and `longrange_iterator` hold no containers and, as in CPython,
//! are not GC objects (48 bytes, never tracked).
//!
//! The fields are `Cell`s: a step that runs Python code (`__getitem__`, the function of
//! `map`, ...) may re-enter the same iterator, which then sees a consistent state, as
//! in C. An exhausted iterator drops its container, as CPython's set their `it_seq` to
//! NULL.

use std::cell::Cell;

use pymm_mem::{Body, BodyVTable, Obj, ObjRef, TypeInfo, Visitor};

use crate::exc::{R, memory_error, new_exc, type_error};
use crate::object::*;
use crate::typeobj::{lookup_special, obj_type_name};

// ---- bodies ----

/// A container and an index: `listiterobject`, `tupleiterobject`, `unicodeiterobject`,
/// `striterobject` (bytes), `bytesiterobject` (bytearray), `seqiterobject` (the
/// `__getitem__` protocol), `listreviterobject` and `reversedobject` (index counting
/// down, -1 when done).
struct SeqIterBody {
    index: Cell<isize>,
    seq: Cell<Option<ObjRef>>,
}
impl Body for SeqIterBody {}

/// Two references: `calliterobject` (callable, sentinel), `mapobject` (function, tuple
/// of iterators), `filterobject` (function, iterator).
struct PairIterBody {
    a: Cell<Option<ObjRef>>,
    b: Cell<Option<ObjRef>>,
}
impl Body for PairIterBody {}

/// `rangeiterobject`: item `index` of `start + i * step` for `i < len`.
struct RangeIterBody {
    index: Cell<i64>,
    start: i64,
    step: i64,
    len: i64,
}
impl Body for RangeIterBody {}

/// `longrangeiterobject`: the same with int objects (bounds past 64 bits).
struct LongRangeIterBody {
    index: Cell<Option<ObjRef>>,
    start: ObjRef,
    step: ObjRef,
    len: ObjRef,
}
impl Body for LongRangeIterBody {}

/// `dictiterobject`: the dict, its size when iteration began (-1 once it changed: the
/// error is sticky), the next entry position, the result tuple CPython allocates for item
/// iterators (made as CPython makes it, so that the objects a collection finds are the
/// same; pymm then makes a new tuple per item instead of reusing it) and the number of
/// items left.
struct DictIterBody {
    dict: Cell<Option<ObjRef>>,
    used: Cell<isize>,
    pos: Cell<isize>,
    result: Cell<Option<ObjRef>>,
    len: Cell<isize>,
}
impl Body for DictIterBody {}

/// `setiterobject`: the set, its size when iteration began (-1 once it changed), the
/// next table position and the number of items left.
struct SetIterBody {
    set: Cell<Option<ObjRef>>,
    used: Cell<isize>,
    pos: Cell<usize>,
    len: Cell<isize>,
}
impl Body for SetIterBody {}

/// `enumobject`: the count while it fits a `Py_ssize_t`, the underlying iterator, the
/// result tuple `enum_new` allocates (as for `dictiterobject`: made, not reused), the
/// count as an int once it no longer fits (or when `start` did not), and CPython's
/// borrowed reference to the int 1 (unused: pymm adds 1 directly).
struct EnumerateBody {
    index: Cell<isize>,
    it: Cell<Option<ObjRef>>,
    result: Cell<Option<ObjRef>>,
    longindex: Cell<Option<ObjRef>>,
    one: Cell<Option<ObjRef>>,
}
impl Body for EnumerateBody {}

/// `zipobject`: the number of iterators, the tuple of them, the result tuple `zip_new`
/// allocates (made, not reused) and `strict=`.
struct ZipBody {
    size: usize,
    its: Cell<Option<ObjRef>>,
    result: Cell<Option<ObjRef>>,
    strict: bool,
}
impl Body for ZipBody {}

/// Reads item `i` of an `array.array` or a `memoryview` (CPython's `arrayiterobject`
/// keeps the array's `getitem` function the same way).
type ItemFn = fn(&ObjRef, usize) -> R<ObjRef>;

/// `arrayiterobject`: index, array, item reader.
struct ArrayIterBody {
    index: Cell<usize>,
    seq: Cell<Option<ObjRef>>,
    item: ItemFn,
}
impl Body for ArrayIterBody {}

/// `memoryiterobject`: index, view, length (taken at creation), item reader (CPython
/// keeps the format string).
struct MemIterBody {
    index: Cell<usize>,
    seq: Cell<Option<ObjRef>>,
    len: usize,
    item: ItemFn,
}
impl Body for MemIterBody {}

// ---- traverse and clear ----

/// The reference cells of an iterator of a GC type (at most four; no allocation, since
/// the collector calls this while it walks the heap).
fn ref_cells(o: Obj<'_>) -> [Option<&Cell<Option<ObjRef>>>; 4] {
    if let Some(b) = o.downcast::<SeqIterBody>() {
        [Some(&b.seq), None, None, None]
    } else if let Some(b) = o.downcast::<PairIterBody>() {
        [Some(&b.a), Some(&b.b), None, None]
    } else if let Some(b) = o.downcast::<DictIterBody>() {
        [Some(&b.dict), Some(&b.result), None, None]
    } else if let Some(b) = o.downcast::<SetIterBody>() {
        [Some(&b.set), None, None, None]
    } else if let Some(b) = o.downcast::<EnumerateBody>() {
        [
            Some(&b.it),
            Some(&b.result),
            Some(&b.longindex),
            Some(&b.one),
        ]
    } else if let Some(b) = o.downcast::<ZipBody>() {
        [Some(&b.its), Some(&b.result), None, None]
    } else if let Some(b) = o.downcast::<ArrayIterBody>() {
        [Some(&b.seq), None, None, None]
    } else if let Some(b) = o.downcast::<MemIterBody>() {
        [Some(&b.seq), None, None, None]
    } else {
        [None; 4]
    }
}

fn iter_traverse(o: Obj<'_>, v: &mut Visitor<'_>) {
    for c in ref_cells(o).into_iter().flatten() {
        cell_visit(c, v);
    }
}

fn iter_clear(o: Obj<'_>) {
    for c in ref_cells(o).into_iter().flatten() {
        drop(c.take());
    }
}

macro_rules! iter_type {
    ($name:expr, $body:ty) => {
        TypeInfo::new($name, BodyVTable::of::<$body>())
            .user_data(Kind::Iterator as usize)
            .gc(iter_traverse)
            .clear(iter_clear)
    };
}

pub static LIST_ITER_T: TypeInfo = iter_type!("list_iterator", SeqIterBody);
pub static LIST_REVITER_T: TypeInfo = iter_type!("list_reverseiterator", SeqIterBody);
pub static TUPLE_ITER_T: TypeInfo = iter_type!("tuple_iterator", SeqIterBody);
pub static STR_ASCII_ITER_T: TypeInfo = iter_type!("str_ascii_iterator", SeqIterBody);
pub static STR_ITER_T: TypeInfo = iter_type!("str_iterator", SeqIterBody);
pub static BYTES_ITER_T: TypeInfo = iter_type!("bytes_iterator", SeqIterBody);
pub static BYTEARRAY_ITER_T: TypeInfo = iter_type!("bytearray_iterator", SeqIterBody);
pub static SEQ_ITER_T: TypeInfo = iter_type!("iterator", SeqIterBody);
pub static REVERSED_T: TypeInfo = iter_type!("reversed", SeqIterBody);
pub static CALLABLE_ITER_T: TypeInfo = iter_type!("callable_iterator", PairIterBody);
pub static MAP_T: TypeInfo = iter_type!("map", PairIterBody);
pub static FILTER_T: TypeInfo = iter_type!("filter", PairIterBody);
pub static DICT_KEYITER_T: TypeInfo = iter_type!("dict_keyiterator", DictIterBody);
pub static DICT_VALUEITER_T: TypeInfo = iter_type!("dict_valueiterator", DictIterBody);
pub static DICT_ITEMITER_T: TypeInfo = iter_type!("dict_itemiterator", DictIterBody);
pub static DICT_REVKEYITER_T: TypeInfo = iter_type!("dict_reversekeyiterator", DictIterBody);
pub static DICT_REVVALUEITER_T: TypeInfo = iter_type!("dict_reversevalueiterator", DictIterBody);
pub static DICT_REVITEMITER_T: TypeInfo = iter_type!("dict_reverseitemiterator", DictIterBody);
pub static SET_ITER_T: TypeInfo = iter_type!("set_iterator", SetIterBody);
pub static ENUMERATE_T: TypeInfo = iter_type!("enumerate", EnumerateBody);
pub static ZIP_T: TypeInfo = iter_type!("zip", ZipBody);
pub static ARRAY_ITER_T: TypeInfo = iter_type!("arrayiterator", ArrayIterBody);
pub static MEM_ITER_T: TypeInfo = iter_type!("memory_iterator", MemIterBody);
/// Not GC types: they refer to ints only.
pub static RANGE_ITER_T: TypeInfo =
    TypeInfo::new("range_iterator", BodyVTable::of::<RangeIterBody>())
        .user_data(Kind::Iterator as usize);
pub static LONGRANGE_ITER_T: TypeInfo =
    TypeInfo::new("longrange_iterator", BodyVTable::of::<LongRangeIterBody>())
        .user_data(Kind::Iterator as usize);

/// Every built-in iterator type (for `__basicsize__` and the layout tests).
pub static ITER_TYPES: [&TypeInfo; 25] = [
    &LIST_ITER_T,
    &LIST_REVITER_T,
    &TUPLE_ITER_T,
    &STR_ASCII_ITER_T,
    &STR_ITER_T,
    &BYTES_ITER_T,
    &BYTEARRAY_ITER_T,
    &SEQ_ITER_T,
    &REVERSED_T,
    &CALLABLE_ITER_T,
    &MAP_T,
    &FILTER_T,
    &DICT_KEYITER_T,
    &DICT_VALUEITER_T,
    &DICT_ITEMITER_T,
    &DICT_REVKEYITER_T,
    &DICT_REVVALUEITER_T,
    &DICT_REVITEMITER_T,
    &SET_ITER_T,
    &ENUMERATE_T,
    &ZIP_T,
    &ARRAY_ITER_T,
    &MEM_ITER_T,
    &RANGE_ITER_T,
    &LONGRANGE_ITER_T,
];

/// `tp_basicsize` of the built-in iterator type named `name` (header and body, without
/// the GC head).
pub fn basicsize(name: &str) -> Option<i64> {
    ITER_TYPES
        .iter()
        .find(|t| t.name() == name)
        .map(|t| 16 + t.body_size() as i64)
}

// ---- construction ----

fn alloc<T: Body>(ty: &'static TypeInfo, body: T) -> R {
    let o = ObjRef::new(ty, body).map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

fn seq_iter(ty: &'static TypeInfo, seq: ObjRef, index: isize) -> R {
    alloc(
        ty,
        SeqIterBody {
            index: Cell::new(index),
            seq: Cell::new(Some(seq)),
        },
    )
}

fn pair_iter(ty: &'static TypeInfo, a: ObjRef, b: ObjRef) -> R {
    alloc(
        ty,
        PairIterBody {
            a: Cell::new(Some(a)),
            b: Cell::new(Some(b)),
        },
    )
}

/// `iter(callable, sentinel)`.
pub fn callable_iter(callable: ObjRef, sentinel: ObjRef) -> R {
    pair_iter(&CALLABLE_ITER_T, callable, sentinel)
}

/// `map(func, *iterables)`.
pub fn map(func: ObjRef, iterators: Vec<ObjRef>) -> R {
    let its = crate::seq::new_tuple(iterators)?;
    pair_iter(&MAP_T, func, its)
}

/// `filter(func, iterable)`.
pub fn filter(func: ObjRef, iterator: ObjRef) -> R {
    pair_iter(&FILTER_T, func, iterator)
}

/// `enumerate(iterable, start)`.
/// A tuple of `n` Nones (`PyTuple_Pack(2, Py_None, Py_None)` and the like).
fn none_tuple(n: usize) -> R {
    crate::seq::new_tuple(vec![crate::state::none(); n])
}

pub fn enumerate(iterator: ObjRef, start: ObjRef) -> R {
    let small = crate::int::to_i64(start.as_obj()).filter(|&n| n < isize::MAX as i64);
    alloc(
        &ENUMERATE_T,
        EnumerateBody {
            index: Cell::new(small.unwrap_or(0) as isize),
            it: Cell::new(Some(iterator)),
            result: Cell::new(Some(none_tuple(2)?)),
            longindex: Cell::new(if small.is_some() { None } else { Some(start) }),
            one: Cell::new(None),
        },
    )
}

/// `zip(*iterables, strict=...)`.
pub fn zip(iterators: Vec<ObjRef>, strict: bool) -> R {
    let size = iterators.len();
    let its = crate::seq::new_tuple(iterators)?;
    let result = none_tuple(size)?;
    alloc(
        &ZIP_T,
        ZipBody {
            size,
            its: Cell::new(Some(its)),
            result: Cell::new(Some(result)),
            strict,
        },
    )
}

/// `reversed(seq)` for a sequence of length `n`: `list_reverseiterator` for lists,
/// `range_iterator` for ranges, `reversed` otherwise.
pub fn reversed_seq(seq: &ObjRef, n: usize) -> R {
    let obj = seq.as_obj();
    if kind(obj) == Kind::Range && !crate::typeobj::is_heap_instance(obj) {
        return range_iter(seq, true);
    }
    let ty = if kind(obj) == Kind::List && !crate::typeobj::is_heap_instance(obj) {
        &LIST_REVITER_T
    } else {
        &REVERSED_T
    };
    seq_iter(ty, seq.clone(), n as isize - 1)
}

/// `reversed(d)` for a dict or one of its views (`which`: 0 keys, 1 values, 2 items).
pub fn reversed_dict(d: &ObjRef, which: u8) -> R {
    let ty = match which {
        0 => &DICT_REVKEYITER_T,
        1 => &DICT_REVVALUEITER_T,
        _ => &DICT_REVITEMITER_T,
    };
    dict_iter(ty, d, crate::dict::entries_len(d.as_obj()) as isize - 1)
}

fn dict_iter(ty: &'static TypeInfo, d: &ObjRef, pos: isize) -> R {
    let n = crate::dict::len(d.as_obj()) as isize;
    // `dictiter_new`: item iterators allocate their result tuple up front.
    let result = if std::ptr::eq(ty, &DICT_ITEMITER_T) || std::ptr::eq(ty, &DICT_REVITEMITER_T) {
        Some(none_tuple(2)?)
    } else {
        None
    };
    alloc(
        ty,
        DictIterBody {
            dict: Cell::new(Some(d.clone())),
            used: Cell::new(n),
            pos: Cell::new(pos),
            result: Cell::new(result),
            len: Cell::new(n),
        },
    )
}

/// `iter(range)` (or `reversed(range)`): a `range_iterator` when start, step and length
/// fit in 64 bits (CPython: in a C long), else a `longrange_iterator`.
fn range_iter(r: &ObjRef, reverse: bool) -> R {
    let b = r.as_obj().downcast::<RangeBody>().expect("range");
    let small = |x: &ObjRef| crate::int::to_i64(x.as_obj());
    let (start, stop, step, len) = (&b.start, &b.stop, &b.step, &b.length);
    if let (Some(a), Some(_), Some(s), Some(n)) =
        (small(start), small(stop), small(step), small(len))
    {
        // The last item, start + (n - 1) * step, lies between start and stop, so it fits.
        let first = if reverse && n > 0 {
            (a as i128 + (n as i128 - 1) * s as i128) as i64
        } else {
            a
        };
        let step = if reverse { s.checked_neg() } else { Some(s) };
        if let Some(step) = step {
            let o = ObjRef::new(
                &RANGE_ITER_T,
                RangeIterBody {
                    index: Cell::new(0),
                    start: first,
                    step,
                    len: n,
                },
            )
            .map_err(|_| memory_error())?;
            return Ok(o);
        }
    }
    let big = |x: &ObjRef| crate::int::to_big(x.as_obj());
    let n = big(len);
    let (first, step) = if reverse {
        let last = if n.sign() == num_bigint::Sign::Plus {
            big(start) + (&n - 1) * big(step)
        } else {
            big(start)
        };
        (last, -big(step))
    } else {
        (big(start), big(step))
    };
    let o = ObjRef::new(
        &LONGRANGE_ITER_T,
        LongRangeIterBody {
            index: Cell::new(Some(crate::int::from_i64(0)?)),
            start: crate::int::from_big(&first)?,
            step: crate::int::from_big(&step)?,
            len: len.clone(),
        },
    )
    .map_err(|_| memory_error())?;
    Ok(o)
}

fn array_item(a: &ObjRef, i: usize) -> R<ObjRef> {
    crate::ops::getitem(a, &crate::int::from_i64(i as i64)?)
}

/// `iter(o)`.
pub fn get_iter(o: &ObjRef) -> R {
    if crate::weakrefs::is_proxy(o) {
        return get_iter(&crate::weakrefs::unproxy(o)?);
    }
    let obj = o.as_obj();
    if crate::typeobj::is_heap_instance(obj) {
        if let Some(f) = crate::typeobj::user_special(o, "__iter__") {
            let it = crate::call::call(&f, &[o.clone()])?;
            if lookup_special(&it, "__next__").is_none()
                && !matches!(kind(it.as_obj()), Kind::Iterator | Kind::Generator)
            {
                return Err(type_error(format!(
                    "iter() returned non-iterator of type '{}'",
                    obj_type_name(&it)
                )));
            }
            return Ok(it);
        }
        if kind(obj) == Kind::Object && lookup_special(o, "__getitem__").is_some() {
            return seq_iter(&SEQ_ITER_T, o.clone(), 0);
        }
    }
    builtin_iter(o)
}

/// The built-in iterator over `o`'s own body (ignoring `__iter__` overrides).
pub fn builtin_iter(o: &ObjRef) -> R {
    let obj = o.as_obj();
    match kind(obj) {
        Kind::List => seq_iter(&LIST_ITER_T, o.clone(), 0),
        Kind::Tuple => seq_iter(&TUPLE_ITER_T, o.clone(), 0),
        Kind::Str => {
            let ty = if crate::str::is_ascii(obj) {
                &STR_ASCII_ITER_T
            } else {
                &STR_ITER_T
            };
            seq_iter(ty, o.clone(), 0)
        }
        Kind::Bytes => seq_iter(&BYTES_ITER_T, o.clone(), 0),
        Kind::ByteArray => seq_iter(&BYTEARRAY_ITER_T, o.clone(), 0),
        Kind::Array => alloc(
            &ARRAY_ITER_T,
            ArrayIterBody {
                index: Cell::new(0),
                seq: Cell::new(Some(o.clone())),
                item: array_item,
            },
        ),
        Kind::MemoryView => {
            let len = crate::ops::len(o)?;
            alloc(
                &MEM_ITER_T,
                MemIterBody {
                    index: Cell::new(0),
                    seq: Cell::new(Some(o.clone())),
                    len,
                    item: array_item,
                },
            )
        }
        Kind::Dict => dict_iter(&DICT_KEYITER_T, o, 0),
        Kind::MappingProxy => {
            get_iter(&crate::typeobj::proxied_mapping(obj).expect("mappingproxy"))
        }
        Kind::DictView => {
            let v = obj.downcast::<DictViewBody>().expect("view");
            let ty = match crate::object::view_which(obj) {
                0 => &DICT_KEYITER_T,
                1 => &DICT_VALUEITER_T,
                _ => &DICT_ITEMITER_T,
            };
            dict_iter(ty, &v.dict, 0)
        }
        Kind::Set | Kind::FrozenSet => {
            let n = crate::builtins::set_len(obj) as isize;
            alloc(
                &SET_ITER_T,
                SetIterBody {
                    set: Cell::new(Some(o.clone())),
                    used: Cell::new(n),
                    pos: Cell::new(0),
                    len: Cell::new(n),
                },
            )
        }
        Kind::Range => range_iter(o, false),
        Kind::Iterator | Kind::Generator => Ok(o.clone()),
        _ => {
            if lookup_special(o, "__next__").is_some() {
                return Ok(o.clone());
            }
            Err(type_error(format!(
                "'{}' object is not iterable",
                obj_type_name(o)
            )))
        }
    }
}

// ---- __length_hint__ ----

/// The iterator types that have `__length_hint__` in CPython 3.11.
const LENGTH_HINT_TYPES: [&str; 17] = [
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "range_iterator",
    "longrange_iterator",
    "str_ascii_iterator",
    "str_iterator",
    "bytes_iterator",
    "bytearray_iterator",
    "reversed",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
    "set_iterator",
];

/// Whether the built-in iterator type named `name` has `__length_hint__`.
pub fn has_length_hint(name: &str) -> bool {
    LENGTH_HINT_TYPES.contains(&name)
}

/// `it.__length_hint__()` of the built-in iterators (`listiter_len`, `rangeiter_len`,
/// `dictiter_len`, `reversed_len`, ...): how many items are left, 0 once exhausted or
/// after the container changed size.
pub fn length_hint(args: &[ObjRef], _kw: &crate::call::Kw) -> R {
    crate::call::check_args("__length_hint__", args, 1, 1)?;
    let obj = args[0].as_obj();
    let ty = obj.type_info();
    if !has_length_hint(ty.name()) {
        return Err(type_error(format!(
            "descriptor '__length_hint__' requires an iterator, not '{}'",
            obj_type_name(&args[0])
        )));
    }
    let n: i64 = if let Some(b) = obj.downcast::<RangeIterBody>() {
        b.len - b.index.get()
    } else if let Some(b) = obj.downcast::<LongRangeIterBody>() {
        let i =
            cell_get(&b.index).map_or_else(Default::default, |i| crate::int::to_big(i.as_obj()));
        return crate::int::from_big(&(crate::int::to_big(b.len.as_obj()) - i));
    } else if let Some(b) = obj.downcast::<DictIterBody>() {
        match cell_get(&b.dict) {
            Some(d) if crate::dict::len(d.as_obj()) as isize == b.used.get() => b.len.get() as i64,
            _ => 0,
        }
    } else if let Some(b) = obj.downcast::<SetIterBody>() {
        match cell_get(&b.set) {
            Some(s) if crate::builtins::set_len(s.as_obj()) as isize == b.used.get() => {
                b.len.get() as i64
            }
            _ => 0,
        }
    } else if let Some(b) = obj.downcast::<SeqIterBody>() {
        match cell_get(&b.seq) {
            None => 0,
            Some(seq) => {
                let size = crate::ops::len(&seq)? as i64;
                let i = b.index.get() as i64;
                if std::ptr::eq(ty, &LIST_REVITER_T) || std::ptr::eq(ty, &REVERSED_T) {
                    // The items left are index + 1, unless the sequence shrank below that.
                    if size < i + 1 { 0 } else { i + 1 }
                } else {
                    (size - i).max(0)
                }
            }
        }
    } else {
        0
    };
    crate::int::from_i64(n)
}

// ---- next ----

/// `next(it)`: `None` when exhausted.
#[inline]
pub fn next(it: &ObjRef) -> R<Option<ObjRef>> {
    let obj = it.as_obj();
    // The two iterators of most `for` loops first (static descriptors: never a class
    // defined in Python).
    let ty = obj.type_info();
    if std::ptr::eq(ty, &RANGE_ITER_T) {
        return range_next(obj);
    }
    if std::ptr::eq(ty, &LIST_ITER_T) {
        return list_next(obj);
    }
    match kind(obj) {
        Kind::Iterator if !crate::typeobj::is_heap_instance(obj) => advance(it),
        Kind::Generator => crate::genobj::next(it),
        _ => {
            let Some(f) = lookup_special(it, "__next__") else {
                return Err(type_error(format!(
                    "'{}' object is not an iterator",
                    obj_type_name(it)
                )));
            };
            match crate::call::call(&f, &[it.clone()]) {
                Ok(v) => Ok(Some(v)),
                Err(e) if crate::exc::matches(&e.0, "StopIteration") => Ok(None),
                Err(e) => Err(e),
            }
        }
    }
}

/// Whether `e` ends an iteration by the `__getitem__` protocol.
fn ends_sequence(e: &crate::exc::Exc) -> bool {
    crate::exc::matches(&e.0, "IndexError") || crate::exc::matches(&e.0, "StopIteration")
}

fn advance(it: &ObjRef) -> R<Option<ObjRef>> {
    let obj = it.as_obj();
    let ty = obj.type_info();
    if let Some(b) = obj.downcast::<SeqIterBody>() {
        return advance_seq(ty, b);
    }
    if std::ptr::eq(ty, &RANGE_ITER_T) {
        return range_next(obj);
    }
    if let Some(b) = obj.downcast::<DictIterBody>() {
        return advance_dict(ty, b);
    }
    if let Some(b) = obj.downcast::<PairIterBody>() {
        return advance_pair(ty, b);
    }
    if let Some(b) = obj.downcast::<SetIterBody>() {
        return advance_set(b);
    }
    if let Some(b) = obj.downcast::<EnumerateBody>() {
        return advance_enumerate(b);
    }
    if let Some(b) = obj.downcast::<ZipBody>() {
        return advance_zip(b);
    }
    if let Some(b) = obj.downcast::<LongRangeIterBody>() {
        let Some(i) = cell_get(&b.index) else {
            return Ok(None);
        };
        let i = crate::int::to_big(i.as_obj());
        if i >= crate::int::to_big(b.len.as_obj()) {
            return Ok(None);
        }
        let v = crate::int::to_big(b.start.as_obj()) + &i * crate::int::to_big(b.step.as_obj());
        b.index.set(Some(crate::int::from_big(&(i + 1))?));
        return Ok(Some(crate::int::from_big(&v)?));
    }
    if let Some(b) = obj.downcast::<ArrayIterBody>() {
        let Some(seq) = cell_get(&b.seq) else {
            return Ok(None);
        };
        let i = b.index.get();
        if i < crate::ops::len(&seq)? {
            b.index.set(i + 1);
            return (b.item)(&seq, i).map(Some);
        }
        drop(b.seq.take());
        return Ok(None);
    }
    if let Some(b) = obj.downcast::<MemIterBody>() {
        let Some(seq) = cell_get(&b.seq) else {
            return Ok(None);
        };
        let i = b.index.get();
        if i < b.len {
            b.index.set(i + 1);
            return (b.item)(&seq, i).map(Some);
        }
        drop(b.seq.take());
        return Ok(None);
    }
    Ok(None)
}

fn range_next(obj: Obj<'_>) -> R<Option<ObjRef>> {
    let b = obj.downcast::<RangeIterBody>().expect("range_iterator");
    let i = b.index.get();
    if i < b.len {
        b.index.set(i + 1);
        // start + i * step lies between start and stop, so the wrapping arithmetic is
        // exact.
        return Ok(Some(crate::int::from_i64(
            b.start.wrapping_add(i.wrapping_mul(b.step)),
        )?));
    }
    Ok(None)
}

fn list_next(obj: Obj<'_>) -> R<Option<ObjRef>> {
    let b = obj.downcast::<SeqIterBody>().expect("list_iterator");
    // Reading a list item runs no code: the list can be borrowed out of the cell.
    let seq = b.seq.take();
    let Some(l) = &seq else {
        return Ok(None);
    };
    let i = b.index.get();
    let item = usize::try_from(i)
        .ok()
        .and_then(|i| crate::seq::list_get(l.as_obj(), i));
    if item.is_some() {
        b.index.set(i + 1);
        b.seq.set(seq);
    }
    Ok(item)
}

/// The sequence iterators: the item at `index` of the container, or the end (which
/// drops the container).
fn advance_seq(ty: &TypeInfo, b: &SeqIterBody) -> R<Option<ObjRef>> {
    let Some(seq) = cell_get(&b.seq) else {
        return Ok(None);
    };
    let i = b.index.get();
    let s = seq.as_obj();
    let item = if std::ptr::eq(ty, &LIST_ITER_T) {
        let v = usize::try_from(i)
            .ok()
            .and_then(|i| crate::seq::list_get(s, i));
        b.index.set(i + 1);
        v
    } else if std::ptr::eq(ty, &TUPLE_ITER_T) {
        let v = crate::seq::tuple_items(s).get(i as usize).cloned();
        b.index.set(i + 1);
        v
    } else if std::ptr::eq(ty, &STR_ASCII_ITER_T) || std::ptr::eq(ty, &STR_ITER_T) {
        match crate::str::char_at(s, i as usize) {
            Some(c) => {
                b.index.set(i + 1);
                let mut buf = [0u8; 4];
                Some(crate::str::new_str(c.encode_utf8(&mut buf))?)
            }
            None => None,
        }
    } else if std::ptr::eq(ty, &BYTES_ITER_T) {
        match crate::builtins::bytes_data(s).get(i as usize) {
            Some(&x) => {
                b.index.set(i + 1);
                Some(crate::int::from_i64(x as i64)?)
            }
            None => None,
        }
    } else if std::ptr::eq(ty, &BYTEARRAY_ITER_T) {
        match crate::bytearray::byte_at(s, i as usize) {
            Some(x) => {
                b.index.set(i + 1);
                Some(crate::int::from_i64(x as i64)?)
            }
            None => None,
        }
    } else if std::ptr::eq(ty, &LIST_REVITER_T) {
        // listreviter_next: the index must still be inside the (possibly shrunk) list.
        let v = usize::try_from(i)
            .ok()
            .and_then(|i| crate::seq::list_get(s, i));
        if v.is_some() {
            b.index.set(i - 1);
        }
        v
    } else if std::ptr::eq(ty, &REVERSED_T) {
        if i < 0 {
            None
        } else {
            // reversed_next: the index moves only past an item it got.
            match crate::ops::getitem(&seq, &crate::int::from_i64(i as i64)?) {
                Ok(v) => {
                    b.index.set(i - 1);
                    Some(v)
                }
                Err(e) if ends_sequence(&e) => None,
                Err(e) => return Err(e),
            }
        }
    } else {
        // The `__getitem__` protocol (`seqiterobject`).
        match crate::ops::getitem(&seq, &crate::int::from_i64(i as i64)?) {
            Ok(v) => {
                b.index.set(i + 1);
                Some(v)
            }
            Err(e) if ends_sequence(&e) => None,
            Err(e) => return Err(e),
        }
    };
    if item.is_none() {
        if std::ptr::eq(ty, &LIST_REVITER_T) || std::ptr::eq(ty, &REVERSED_T) {
            b.index.set(-1);
        }
        drop(b.seq.take());
    }
    Ok(item)
}

fn advance_dict(ty: &TypeInfo, b: &DictIterBody) -> R<Option<ObjRef>> {
    let Some(d) = cell_get(&b.dict) else {
        return Ok(None);
    };
    if crate::dict::len(d.as_obj()) as isize != b.used.get() {
        // Sticky: every later call raises again.
        b.used.set(-1);
        return Err(new_exc(
            "RuntimeError",
            "dictionary changed size during iteration",
        ));
    }
    let reverse = [
        &DICT_REVKEYITER_T,
        &DICT_REVVALUEITER_T,
        &DICT_REVITEMITER_T,
    ]
    .iter()
    .any(|t| std::ptr::eq(ty, *t));
    let pos = b.pos.get();
    let found = if reverse {
        if pos < 0 {
            None
        } else {
            crate::dict::entry_before(d.as_obj(), pos as usize)
        }
    } else {
        crate::dict::entry_from(d.as_obj(), pos as usize)
    };
    let Some((at, k, v)) = found else {
        drop(b.dict.take());
        return Ok(None);
    };
    if b.len.get() == 0 {
        drop(b.dict.take());
        return Err(new_exc(
            "RuntimeError",
            "dictionary keys changed during iteration",
        ));
    }
    b.len.set(b.len.get() - 1);
    // `entry_from` returns the position after the entry, `entry_before` the entry's own.
    b.pos.set(if reverse {
        at as isize - 1
    } else {
        at as isize
    });
    let keys = std::ptr::eq(ty, &DICT_KEYITER_T) || std::ptr::eq(ty, &DICT_REVKEYITER_T);
    let values = std::ptr::eq(ty, &DICT_VALUEITER_T) || std::ptr::eq(ty, &DICT_REVVALUEITER_T);
    Ok(Some(if keys {
        k
    } else if values {
        v
    } else {
        crate::seq::new_tuple(vec![k, v])?
    }))
}

fn advance_set(b: &SetIterBody) -> R<Option<ObjRef>> {
    let Some(s) = cell_get(&b.set) else {
        return Ok(None);
    };
    if crate::builtins::set_len(s.as_obj()) as isize != b.used.get() {
        b.used.set(-1);
        return Err(new_exc("RuntimeError", "Set changed size during iteration"));
    }
    match crate::builtins::set_entry_from(s.as_obj(), b.pos.get()) {
        Some((next, k)) => {
            b.pos.set(next);
            b.len.set(b.len.get() - 1);
            Ok(Some(k))
        }
        None => {
            drop(b.set.take());
            Ok(None)
        }
    }
}

fn advance_pair(ty: &TypeInfo, b: &PairIterBody) -> R<Option<ObjRef>> {
    let (Some(f), Some(x)) = (cell_get(&b.a), cell_get(&b.b)) else {
        return Ok(None);
    };
    if std::ptr::eq(ty, &MAP_T) {
        let its = crate::seq::tuple_items(x.as_obj());
        let mut vals = Vec::with_capacity(its.len());
        for it in its {
            match next(it)? {
                Some(v) => vals.push(v),
                None => return Ok(None),
            }
        }
        return crate::call::call(&f, &vals).map(Some);
    }
    if std::ptr::eq(ty, &FILTER_T) {
        loop {
            let Some(v) = next(&x)? else {
                return Ok(None);
            };
            let keep = if kind(f.as_obj()) == Kind::NoneType {
                crate::ops::truthy(&v)?
            } else {
                crate::ops::truthy(&crate::call::call(&f, std::slice::from_ref(&v))?)?
            };
            if keep {
                return Ok(Some(v));
            }
        }
    }
    // callable_iterator: calls until the sentinel comes back, then forgets both.
    let v = crate::call::call(&f, &[])?;
    if crate::ops::eq_bool(&v, &x)? {
        drop(b.a.take());
        drop(b.b.take());
        return Ok(None);
    }
    Ok(Some(v))
}

fn advance_enumerate(b: &EnumerateBody) -> R<Option<ObjRef>> {
    let Some(it) = cell_get(&b.it) else {
        return Ok(None);
    };
    let Some(v) = next(&it)? else {
        return Ok(None);
    };
    let n = match cell_get(&b.longindex) {
        None if b.index.get() < isize::MAX => {
            let i = b.index.get();
            b.index.set(i + 1);
            crate::int::from_i64_as(i as i64, crate::int::IntAlloc::Exact)?
        }
        long => {
            // Past Py_ssize_t (or a big `start`): count with int objects.
            let cur = match long {
                Some(c) => c,
                None => crate::int::from_i64(isize::MAX as i64)?,
            };
            let next_n = crate::int::from_big(&(crate::int::to_big(cur.as_obj()) + 1))?;
            b.longindex.set(Some(next_n));
            cur
        }
    };
    Ok(Some(crate::seq::new_tuple(vec![n, v])?))
}

fn advance_zip(b: &ZipBody) -> R<Option<ObjRef>> {
    let Some(its) = cell_get(&b.its) else {
        return Ok(None);
    };
    if b.size == 0 {
        return Ok(None);
    }
    let its = crate::seq::tuple_items(its.as_obj());
    let mut vals = Vec::with_capacity(its.len());
    for (i, it) in its.iter().enumerate() {
        match next(it)? {
            Some(v) => vals.push(v),
            None => {
                if b.strict
                    && (i > 0 || its.iter().skip(1).any(|x| next(x).ok().flatten().is_some()))
                {
                    let msg = if i > 0 {
                        format!(
                            "zip() argument {} is shorter than argument{} 1{}",
                            i + 1,
                            if i > 1 { "s" } else { "" },
                            if i > 1 {
                                format!("-{i}")
                            } else {
                                String::new()
                            }
                        )
                    } else {
                        "zip() argument 2 is longer than argument 1".to_string()
                    };
                    return Err(crate::exc::value_error(msg));
                }
                return Ok(None);
            }
        }
    }
    Ok(Some(crate::seq::new_tuple(vals)?))
}

/// All items of an iterable.
pub fn collect(o: &ObjRef) -> R<Vec<ObjRef>> {
    match kind(o.as_obj()) {
        Kind::List if !crate::typeobj::is_heap_instance(o.as_obj()) => {
            return Ok(crate::seq::list_items(o.as_obj()));
        }
        Kind::Tuple if !crate::typeobj::is_heap_instance(o.as_obj()) => {
            return Ok(crate::seq::tuple_items(o.as_obj()).to_vec());
        }
        Kind::Range => {
            // CPython preallocates from the length: a range too long for memory is a
            // MemoryError at once (past Py_ssize_t, an OverflowError), not a long fill.
            let n = crate::builtins::range_len(o)?;
            crate::builtins::check_alloc(n.saturating_mul(std::mem::size_of::<ObjRef>()))?;
        }
        _ => {}
    }
    let it = get_iter(o)?;
    let mut out = Vec::new();
    while let Some(v) = next(&it)? {
        out.push(v);
    }
    Ok(out)
}

/// `UNPACK_SEQUENCE`: pushes exactly `n` items of `o` onto `stack`, last first. Exact
/// tuples and lists go straight from their storage (CPython's `UNPACK_SEQUENCE_TUPLE`
/// and `_LIST`); anything else is iterated.
pub fn unpack_onto(o: &ObjRef, n: usize, stack: &mut pymm_mem::SlotBuf) -> R<()> {
    let count_error = |got: usize| {
        crate::exc::value_error(if got > n {
            format!("too many values to unpack (expected {n})")
        } else {
            format!("not enough values to unpack (expected {n}, got {got})")
        })
    };
    let obj = o.as_obj();
    if std::ptr::eq(obj.type_info(), &TUPLE_T) {
        let items = crate::seq::tuple_items(obj);
        if items.len() != n {
            return Err(count_error(items.len()));
        }
        stack.extend(items.iter().rev().map(|x| Some(x.clone())));
        return Ok(());
    }
    if std::ptr::eq(obj.type_info(), &LIST_T)
        && let Some(b) = obj.downcast::<ListBody>()
    {
        if b.items.len() != n {
            return Err(count_error(b.items.len()));
        }
        for i in (0..n).rev() {
            stack.push(b.items.get(i));
        }
        return Ok(());
    }
    let it = get_iter(o).map_err(|e| {
        if crate::exc::matches(&e.0, "TypeError") {
            type_error(format!(
                "cannot unpack non-iterable {} object",
                obj_type_name(o)
            ))
        } else {
            e
        }
    })?;
    let mut out = Vec::with_capacity(n);
    while let Some(v) = next(&it)? {
        if out.len() == n {
            // CPython 3.11 does not report how many values there were.
            return Err(count_error(n + 1));
        }
        out.push(v);
    }
    if out.len() < n {
        return Err(count_error(out.len()));
    }
    stack.extend(out.into_iter().rev().map(Some));
    Ok(())
}
