//! `dict`: CPython's compact, insertion-ordered hash table (`Objects/dictobject.c`): an
//! index table of 2**k slots (at least 8) pointing into a dense entry array that holds
//! at most two thirds of the slot count; growth to `used * 3`; deleted entries leave
//! holes that the next resize squeezes out.

use pymm_mem::{Obj, ObjRef};
use std::cell::Cell;

use crate::exc::{R, memory_error};
use crate::object::*;

use pymm_mem::{DKIX_DUMMY, DKIX_EMPTY, DictKeys};

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

/// Empties the dict (back to no table, as CPython's empty keys).
pub fn clear(b: &DictBody) {
    b.keys_version.set(0);
    b.used.set(0);
    b.general.set(false);
    // The old table's references are released after the dict is consistent.
    drop(b.keys.replace(DictKeys::new()));
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

/// Finds `key`: returns (index slot, entry number) if present.
fn lookup(b: &DictBody, key: &ObjRef, hash: isize) -> R<Option<(usize, usize)>> {
    let t = &b.keys;
    let size = t.size();
    if size == 0 {
        return Ok(None);
    }
    let mask = size - 1;
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        let ix = t.index(i);
        if ix == DKIX_EMPTY {
            return Ok(None);
        }
        if ix >= 0 {
            // Decide identity and str equality in place; only a key that needs `==`
            // (which may run Python code) is copied out of the locked table. A unicode
            // table stores no hashes: its keys are strs, whose hash is cached.
            let m = t
                .with_entry(ix as usize, |h, k, _| match k {
                    Some(k) if h.unwrap_or_else(|| crate::str::hash(k)) == hash => {
                        if k == key.as_obj() {
                            Match::Yes
                        } else if exact_str(k) && exact_str(key.as_obj()) {
                            if crate::str::eq(k, key.as_obj()) {
                                Match::Yes
                            } else {
                                Match::No
                            }
                        } else {
                            Match::Maybe(k.to_owned())
                        }
                    }
                    _ => Match::No,
                })
                .unwrap_or(Match::No);
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

fn find_empty_slot(t: &DictKeys, hash: isize) -> usize {
    let mask = t.size() - 1;
    let mut perturb = hash as usize;
    let mut i = (hash as usize) & mask;
    loop {
        if t.index(i) < 0 {
            return i;
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/// `calculate_log2_keysize` as CPython 3.11 computes it with 64-bit longs:
/// `bit_length(((minsize | 8) - 1) | 7)`. That is the smallest power of two >= minsize, at
/// least 8, except that 1 to 7 get 16, and so does a power of two from 16 on get twice
/// itself.
fn calculate_log2_keysize(minsize: usize) -> u8 {
    let m = ((minsize | 8) - 1) | 7;
    (usize::BITS - m.leading_zeros()) as u8
}

/// `estimate_log2_keysize`: the table for `n` items inserted at once.
fn estimate_log2_keysize(n: usize) -> u8 {
    calculate_log2_keysize((n * 3).div_ceil(2))
}

/// Rebuilds the table for at least `minused` items (CPython's `dictresize`), with
/// unicode entries unless the dict has held a key other than an exact str.
fn resize(b: &DictBody, minused: usize) -> R<()> {
    resize_log2(b, calculate_log2_keysize(minused))
}

fn resize_log2(b: &DictBody, log2: u8) -> R<()> {
    b.keys_version.set(0);
    let new = DictKeys::with_log2_size(log2, !b.general.get()).map_err(|_| memory_error())?;
    // The live entries move over in order; the old table (deleted entries only, by
    // then) is released once the dict holds the new one.
    for (n, (h, k, v)) in b.keys.take_live().into_iter().enumerate() {
        let hash = h.unwrap_or_else(|| crate::str::hash(k.as_obj()));
        let slot = find_empty_slot(&new, hash);
        new.set_index(slot, n as isize);
        new.push(hash, k, v);
    }
    drop(b.keys.replace(new));
    Ok(())
}

/// `d[key] = value` with a precomputed hash.
pub fn set_with_hash(d: Obj<'_>, key: ObjRef, hash: isize, value: ObjRef) -> R<()> {
    let b = body(d);
    if let Some((_, ix)) = lookup(b, &key, hash)? {
        maybe_track(d, &key, &value);
        let old = b.keys.replace_value(ix, Some(value));
        drop(old);
        return Ok(());
    }
    if !exact_str(key.as_obj()) && !b.general.get() {
        // A str-only table becomes a general one: CPython rebuilds it
        // (`insertion_resize`), sized for 3 * used.
        b.general.set(true);
        if b.keys.size() > 0 {
            resize(b, b.used.get() * 3)?;
        }
    }
    if b.keys.usable() == 0 {
        resize(b, b.used.get() * 3)?;
    }
    b.keys_version.set(0);
    let slot = find_empty_slot(&b.keys, hash);
    maybe_track(d, &key, &value);
    let n = b.keys.push(hash, key, value);
    b.keys.set_index(slot, n as isize);
    b.used.set(b.used.get() + 1);
    Ok(())
}

/// Sizes the empty dict `d`'s table for `n` items inserted at once (`dict.fromkeys` of
/// a dict or set), with general entries if `general`.
pub fn presize(d: Obj<'_>, n: usize, general: bool) -> R<()> {
    let b = body(d);
    if general {
        b.general.set(true);
    }
    resize_log2(b, estimate_log2_keysize(n))
}

/// `dict.copy()` of a dict (`PyDict_Copy`): the table is cloned, holes included, while at
/// most a third of its entries are deleted; otherwise the items are merged into a new dict.
pub fn copy(d: Obj<'_>) -> R {
    let b = body(d);
    let n = try_new_dict()?;
    if b.used.get() == 0 {
        return Ok(n);
    }
    if b.used.get() >= (b.keys.nentries() * 2) / 3 {
        clone_into(body(n.as_obj()), b)?;
        if d.is_tracked() {
            n.track();
        }
        return Ok(n);
    }
    merge(n.as_obj(), d)?;
    Ok(n)
}

/// Makes the empty dict `to` a copy of `from` (`clone_combined_dict`).
fn clone_into(to: &DictBody, from: &DictBody) -> R<()> {
    let table = from.keys.clone_table().map_err(|_| memory_error())?;
    drop(to.keys.replace(table));
    to.used.set(from.used.get());
    to.general.set(from.general.get());
    to.keys_version.set(0);
    Ok(())
}

/// `dict_merge(to, from, override=1)` for a dict `from` (`update`, the constructor,
/// `{**from}`): an empty target takes a clone of a compact table; otherwise the target is
/// resized once for both dicts' items if it is too small, then the items go in, in order.
pub fn merge(to: Obj<'_>, from: Obj<'_>) -> R<()> {
    if to == from {
        return Ok(());
    }
    let (tb, fb) = (body(to), body(from));
    if fb.used.get() == 0 {
        return Ok(());
    }
    if tb.used.get() == 0 {
        let size = fb.keys.size();
        if fb.used.get() == fb.keys.nentries()
            && (size == 8 || pymm_mem::usable_fraction(size / 2) < fb.used.get())
        {
            clone_into(tb, fb)?;
            if from.is_tracked() {
                to.track();
            }
            return Ok(());
        }
    }
    if pymm_mem::usable_fraction(tb.keys.size()) < fb.used.get() {
        if fb.general.get() {
            tb.general.set(true);
        }
        resize_log2(tb, estimate_log2_keysize(tb.used.get() + fb.used.get()))?;
    }
    let mut items = Vec::with_capacity(fb.used.get());
    for i in 0..fb.keys.nentries() {
        if let Some((h, Some(k), Some(v))) = fb.keys.entry(i) {
            items.push((h, k, v));
        }
    }
    for (h, k, v) in items {
        let hash = h.unwrap_or_else(|| crate::str::hash(k.as_obj()));
        set_with_hash(to, k, hash, v)?;
    }
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
    Ok(lookup(b, key, hash)?
        .and_then(|(_, ix)| b.keys.with_entry(ix, |_, _, v| v.map(|v| v.to_owned())))
        .flatten())
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
    Some((ix, b.keys.entry(ix)?.2?))
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
    b.keys
        .with_entry(ix, |_, k, v| match (k, v) {
            (Some(k), Some(v)) if k == name.as_obj() => Some(v.to_owned()),
            _ => None,
        })
        .flatten()
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
    b.keys.set_index(slot, DKIX_DUMMY);
    let (k, v) = b.keys.remove_entry(ix);
    b.used.set(b.used.get() - 1);
    drop(k);
    Ok(v)
}

/// Live `(key, value)` pairs in insertion order.
pub fn items(d: Obj<'_>) -> Vec<(ObjRef, ObjRef)> {
    let Some(b) = d.downcast::<DictBody>() else {
        return Vec::new();
    };
    let mut out = Vec::with_capacity(b.used.get());
    b.keys
        .for_each_live(|k, v| out.push((k.to_owned(), v.to_owned())));
    out
}

/// The entry at position `i` of the entry array (for iterators), with the next position.
pub fn entry_from(d: Obj<'_>, mut i: usize) -> Option<(usize, ObjRef, ObjRef)> {
    let b = d.downcast::<DictBody>()?;
    while i < b.keys.nentries() {
        if let Some((_, Some(k), Some(v))) = b.keys.entry(i) {
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
    let mut i = i.min(b.keys.nentries().checked_sub(1)?) as isize;
    while i >= 0 {
        if let Some((_, Some(k), Some(v))) = b.keys.entry(i as usize) {
            return Some((i as usize, k, v));
        }
        i -= 1;
    }
    None
}

/// The number of positions in the entry array (live and deleted entries).
pub fn entries_len(d: Obj<'_>) -> usize {
    d.downcast::<DictBody>().map_or(0, |b| b.keys.nentries())
}

/// `sys.getsizeof(dict)`: `PyDictObject` and its keys table, the bytes they occupy
/// (CPython 3.11's layout: see `pymm_mem::DictKeys`).
pub fn sizeof(d: Obj<'_>) -> usize {
    48 + body(d).keys.bytes()
}
