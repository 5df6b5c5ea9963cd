//! `dict`: CPython's compact, insertion-ordered hash table (`Objects/dictobject.c`): an
//! index table of 2**k slots (at least 8) pointing into a dense entry array that holds
//! at most two thirds of the slot count; growth to `used * 3`; deleted entries leave
//! holes that the next resize squeezes out.

use pymm_mem::{Obj, ObjRef};
use std::cell::Cell;

use crate::exc::{R, memory_error};
use crate::object::*;

const EMPTY: i32 = -1;
const DUMMY: i32 = -2;
const PERTURB_SHIFT: u32 = 5;

/// A new empty dict (tracked lazily, as CPython: when a container is stored).
pub fn new_dict() -> ObjRef {
    ObjRef::new(&DICT_T, DictBody::default()).expect("out of memory allocating a dict")
}

/// A new empty dict, or `MemoryError`.
pub fn try_new_dict() -> R {
    ObjRef::new(&DICT_T, DictBody::default()).map_err(|_| memory_error())
}

/// The dict body.
#[inline]
pub fn body(o: Obj<'_>) -> &DictBody {
    o.downcast::<DictBody>().expect("dict body")
}

/// Whether `o` is a dict (or subclass).
pub fn is_dict(o: Obj<'_>) -> bool {
    kind(o) == Kind::Dict
}

/// Empties the dict.
pub fn clear(b: &DictBody) {
    b.keys_version.set(0);
    let e = b.entries.take_all();
    drop(b.indices.take_all());
    b.used.set(0);
    b.general.set(false);
    drop(e);
}

/// The number of items.
#[inline]
pub fn len(o: Obj<'_>) -> usize {
    o.downcast::<DictBody>().map_or(0, |b| b.used.get())
}

/// Keys equal? Identity first, then the str fast path, then `==`.
#[inline]
fn keys_equal(a: &ObjRef, b: &ObjRef) -> R<bool> {
    if a.is(b) {
        return Ok(true);
    }
    let (x, y) = (a.as_obj(), b.as_obj());
    if exact_str(x) && exact_str(y) {
        return Ok(crate::str::eq(x, y));
    }
    crate::ops::eq_bool(a, b)
}

/// An exact `str` (not a subclass instance, whose `__eq__` may differ).
#[inline]
fn exact_str(o: Obj<'_>) -> bool {
    kind(o) == Kind::Str && o.type_object().is_none()
}

enum Match {
    Yes,
    No,
    Maybe(ObjRef),
}

/// Finds `key`: returns (index slot, entry index) if present.
fn lookup(b: &DictBody, key: &ObjRef, hash: isize) -> R<Option<(usize, usize)>> {
    let size = b.indices.len();
    if size == 0 {
        return Ok(None);
    }
    let mask = size - 1;
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        let ix = b.indices.get(i).unwrap_or(EMPTY);
        if ix == EMPTY {
            return Ok(None);
        }
        if ix >= 0 {
            // Decide identity and str equality in place; only a key that needs `==`
            // (which may run Python code) is copied out of the locked table.
            let m = b.entries.with_items(|es| match &es[ix as usize] {
                (h, Some(k), _) if *h == hash => {
                    if k.is(key) {
                        Match::Yes
                    } else if exact_str(k.as_obj()) && exact_str(key.as_obj()) {
                        if crate::str::eq(k.as_obj(), key.as_obj()) {
                            Match::Yes
                        } else {
                            Match::No
                        }
                    } else {
                        Match::Maybe(k.clone())
                    }
                }
                _ => Match::No,
            });
            let hit = match m {
                Match::Yes => true,
                Match::No => false,
                Match::Maybe(k) => keys_equal(&k, key)?,
            };
            if hit {
                return Ok(Some((i, ix as usize)));
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

fn find_empty_slot(b: &DictBody, hash: isize) -> usize {
    let mask = b.indices.len() - 1;
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        if b.indices.get(i).unwrap_or(EMPTY) < 0 {
            return i;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/// Usable entries for an index table of `size` slots.
fn usable(size: usize) -> usize {
    (size << 1) / 3
}

/// Rebuilds the table for at least `minused` items (CPython's `dictresize`).
fn resize(b: &DictBody, minused: usize) -> R<()> {
    b.keys_version.set(0);
    // `calculate_log2_keysize`: the smallest power of two >= minused (at least 8).
    let mut size = 8;
    while size < minused {
        size <<= 1;
    }
    // A table that never held an entry (the common first insertion) moves nothing.
    let live: Vec<_> = if b.entries.is_empty() {
        Vec::new()
    } else {
        let old = b.entries.take_all();
        old.into_iter().filter(|e| e.1.is_some()).collect()
    };
    b.indices
        .reset_filled(size, EMPTY)
        .map_err(|_| memory_error())?;
    b.entries
        .set_capacity(usable(size))
        .map_err(|_| memory_error())?;
    for (n, e) in live.into_iter().enumerate() {
        let slot = find_empty_slot(b, e.0);
        let _ = b.indices.replace(slot, n as i32);
        b.entries.push(e).map_err(|_| memory_error())?;
    }
    Ok(())
}

/// `d[key] = value` with a precomputed hash.
pub fn set_with_hash(d: Obj<'_>, key: ObjRef, hash: isize, value: ObjRef) -> R<()> {
    let b = body(d);
    if let Some((_, ix)) = lookup(b, &key, hash)? {
        let (h, k, old) = b.entries.get(ix).expect("entry");
        let old_entry = b.entries.replace(ix, (h, k, Some(value.clone()))).ok();
        maybe_track(d, &key, &value);
        drop(old);
        drop(old_entry);
        return Ok(());
    }
    if !exact_str(key.as_obj()) && !b.general.get() {
        // A str-only table becomes a general one: CPython rebuilds it
        // (`insertion_resize`), sized for 3 * used.
        b.general.set(true);
        if !b.indices.is_empty() {
            resize(b, b.used.get() * 3)?;
        }
    }
    if b.entries.len() >= b.entries.capacity() || b.indices.is_empty() {
        resize(b, b.used.get() * 3)?;
    }
    b.keys_version.set(0);
    let slot = find_empty_slot(b, hash);
    let n = b.entries.len();
    maybe_track(d, &key, &value);
    b.entries
        .push((hash, Some(key), Some(value)))
        .map_err(|_| memory_error())?;
    let _ = b.indices.replace(slot, n as i32);
    b.used.set(b.used.get() + 1);
    Ok(())
}

/// CPython's `MAINTAIN_TRACKING`: a dict becomes tracked when it stores something that
/// may be part of a cycle.
#[inline]
fn maybe_track(d: Obj<'_>, k: &ObjRef, v: &ObjRef) {
    if !d.is_tracked() {
        let t = |o: &ObjRef| {
            let o = o.as_obj();
            o.is_gc() && (o.is_tracked() || kind(o) != Kind::Tuple)
        };
        if t(k) || t(v) {
            d.track();
        }
    }
}

/// `d[key] = value`.
pub fn set(d: Obj<'_>, key: ObjRef, value: ObjRef) -> R<()> {
    let h = crate::ops::hash(&key)?;
    set_with_hash(d, key, h, value)
}

/// `d[name] = value` for a str name.
pub fn set_str(d: &ObjRef, name: &str, value: ObjRef) {
    let k = crate::str::intern(name);
    let h = crate::str::hash(k.as_obj());
    let _ = set_with_hash(d.as_obj(), k, h, value);
}

/// `d.get(key)` with a precomputed hash.
#[inline]
pub fn get_with_hash(d: Obj<'_>, key: &ObjRef, hash: isize) -> R<Option<ObjRef>> {
    let b = body(d);
    Ok(lookup(b, key, hash)?.and_then(|(_, ix)| {
        b.entries
            .with_items(|es| es.get(ix).and_then(|e| e.2.clone()))
    }))
}

/// `d.get(key)`.
pub fn get(d: Obj<'_>, key: &ObjRef) -> R<Option<ObjRef>> {
    let h = crate::ops::hash(key)?;
    get_with_hash(d, key, h)
}

/// Looks up a str key (never runs Python code).
#[inline]
pub fn get_str_obj(d: Obj<'_>, key: &ObjRef) -> Option<ObjRef> {
    let h = crate::str::hash(key.as_obj());
    get_with_hash(d, key, h).ok().flatten()
}

/// The value of entry `ix` of `d` if that entry's key is `key` itself (a cached
/// position, revalidated).
#[inline]
pub fn get_str_at(d: Obj<'_>, ix: usize, key: &ObjRef) -> Option<ObjRef> {
    entry_if_key(body(d), ix, key)
}

/// Looks up a str key, with the number of the entry that holds it.
pub fn get_str_entry(d: Obj<'_>, key: &ObjRef) -> Option<(usize, ObjRef)> {
    let b = body(d);
    let h = crate::str::hash(key.as_obj());
    let (_, ix) = lookup(b, key, h).ok()??;
    Some((ix, b.entries.get(ix)?.2?))
}

/// Looks up `name`.
pub fn get_str(d: Obj<'_>, name: &str) -> Option<ObjRef> {
    get_str_obj(d, &crate::str::intern(name))
}

/// The dict's keys version (`_PyDictKeys_GetVersionForCurrentState`): a number that
/// stays the same until a key is added or removed or the table is rebuilt, and that no
/// other keys state had. 0 when the numbers are used up (nothing may be cached then).
pub fn keys_version(b: &DictBody) -> u32 {
    thread_local! {
        static NEXT: Cell<u32> = const { Cell::new(1) };
    }
    if b.keys_version.get() == 0 {
        let v = NEXT.with(|n| {
            let v = n.get();
            if v != 0 {
                n.set(v.wrapping_add(1));
            }
            v
        });
        b.keys_version.set(v);
    }
    b.keys_version.get()
}

/// Where a `LOAD_GLOBAL` of one name found its value last time: entry `ix` of the
/// globals (`gver == 0`), or entry `ix` of the builtins while the globals' keys version
/// is still `gver` (so the name is still not a global).
#[derive(Debug)]
pub struct GlobalCache {
    ix: Cell<u32>,
    gver: Cell<u32>,
}

impl Default for GlobalCache {
    fn default() -> Self {
        GlobalCache {
            ix: Cell::new(u32::MAX),
            gver: Cell::new(0),
        }
    }
}

/// The value of entry `ix` if its key is `name` itself (keys are unique, so it is
/// then the live entry for `name`, whatever happened to the dict meanwhile).
#[inline]
fn entry_if_key(b: &DictBody, ix: usize, name: &ObjRef) -> Option<ObjRef> {
    b.entries.with_items(|es| match es.get(ix) {
        Some((_, Some(k), Some(v))) if k.is(name) => Some(v.clone()),
        _ => None,
    })
}

/// `LOAD_GLOBAL`: `name` (an interned str) in `globals`, else in `builtins`, through
/// the instruction's cache.
#[inline]
pub fn load_global(
    globals: Obj<'_>,
    builtins: Obj<'_>,
    name: &ObjRef,
    cache: &GlobalCache,
) -> Option<ObjRef> {
    let (g, bi) = (body(globals), body(builtins));
    let ix = cache.ix.get() as usize;
    if ix != u32::MAX as usize {
        let gver = cache.gver.get();
        let hit = if gver == 0 {
            entry_if_key(g, ix, name)
        } else if g.keys_version.get() == gver {
            entry_if_key(bi, ix, name)
        } else {
            None
        };
        if hit.is_some() {
            return hit;
        }
    }
    if let Some((ix, v)) = get_str_entry(globals, name) {
        cache.ix.set(ix as u32);
        cache.gver.set(0);
        return Some(v);
    }
    let (ix, v) = get_str_entry(builtins, name)?;
    cache.ix.set(ix as u32);
    cache.gver.set(keys_version(g));
    Some(v)
}

/// `del d[key]`; returns the removed value, if the key was present.
pub fn del(d: Obj<'_>, key: &ObjRef) -> R<Option<ObjRef>> {
    let h = crate::ops::hash(key)?;
    let b = body(d);
    let Some((slot, ix)) = lookup(b, key, h)? else {
        return Ok(None);
    };
    b.keys_version.set(0);
    let _ = b.indices.replace(slot, DUMMY);
    let old = b.entries.replace(ix, (h, None, None)).ok();
    b.used.set(b.used.get() - 1);
    Ok(old.and_then(|(_, _, v)| v))
}

/// Live `(key, value)` pairs in insertion order.
pub fn items(d: Obj<'_>) -> Vec<(ObjRef, ObjRef)> {
    let Some(b) = d.downcast::<DictBody>() else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(b.used.get());
    for i in 0..b.entries.len() {
        if let Some((_, Some(k), Some(v))) = b.entries.get(i) {
            out.push((k, v));
        }
    }
    out
}

/// The entry at position `i` of the entry array (for iterators), with the next position.
pub fn entry_from(d: Obj<'_>, mut i: usize) -> Option<(usize, ObjRef, ObjRef)> {
    let b = d.downcast::<DictBody>()?;
    while i < b.entries.len() {
        if let Some((_, Some(k), Some(v))) = b.entries.get(i) {
            return Some((i + 1, k, v));
        }
        i += 1;
    }
    None
}

/// The live entry at position `i` or the nearest one before it (for reverse
/// iterators), with its position.
pub fn entry_before(d: Obj<'_>, i: usize) -> Option<(usize, ObjRef, ObjRef)> {
    let b = d.downcast::<DictBody>()?;
    let mut i = i.min(b.entries.len().checked_sub(1)?) as isize;
    while i >= 0 {
        if let Some((_, Some(k), Some(v))) = b.entries.get(i as usize) {
            return Some((i as usize, k, v));
        }
        i -= 1;
    }
    None
}

/// The number of positions in the entry array (live and deleted entries).
pub fn entries_len(d: Obj<'_>) -> usize {
    d.downcast::<DictBody>().map_or(0, |b| b.entries.len())
}

/// `sys.getsizeof(dict)`: `PyDictObject` plus its keys object, as CPython 3.11 computes
/// it (unicode-keys tables have 16-byte entries, others 24).
pub fn sizeof(d: Obj<'_>) -> usize {
    let b = body(d);
    let mut n = 48;
    let size = b.indices.len();
    if size > 0 {
        let all_str = !b.general.get();
        let ix = if size <= 0x80 {
            1
        } else if size <= 0x8000 {
            2
        } else if size <= 0x8000_0000 {
            4
        } else {
            8
        };
        let entry = if all_str { 16 } else { 24 };
        n += 32 + size * ix + usable(size) * entry;
    }
    n
}
