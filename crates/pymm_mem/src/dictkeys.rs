//! [`DictKeys`]: CPython 3.11's `PyDictKeysObject`, the table of a dict, as one block of
//! pymm's heap: a 32-byte header, the index table, then the entry array.
//!
//! - The index table has `2**log2_size` slots of 1, 2, 4 or 8 bytes (the narrowest
//!   width that can hold an entry number of the table: 1 byte up to 128 slots, 2 up to
//!   2**15, 4 up to 2**31), each an entry number or [`DKIX_EMPTY`] / [`DKIX_DUMMY`].
//! - The entry array has room for two thirds of the slot count (`USABLE_FRACTION`).
//!   While every key is an exact `str` (CPython's unicode kind) an entry is the key and
//!   the value, 16 bytes, and the hash is the key's own cached hash; otherwise it is
//!   hash, key and value, 24 bytes.
//!
//! So a dict's table costs what CPython's costs, and `sys.getsizeof` can report the
//! block's size. The block is allocated in the object domain, as `new_keys_object`
//! does with `PyObject_Malloc`, and dead 8-slot unicode tables are kept on CPython's
//! keys free list (80), emptied with the other free lists by full collections.
//!
//! The table is shared (a dict is mutated through `&self`), so the API copies entries
//! out, and mutations finish before any removed reference is dropped. The borrowed
//! views, [`DictKeys::with_entry`] and [`DictKeys::for_each_live`], count themselves
//! open on the thread: a mutation of any table meanwhile panics (the closures the
//! interpreter passes run no Python code).

use core::cell::Cell;
use core::ptr::NonNull;

use crate::object::{Obj, ObjRef};
use crate::obmalloc::{AllocError, Domain};
use crate::runtime::rt;

/// An index slot that never held an entry.
pub const DKIX_EMPTY: isize = -1;
/// An index slot whose entry was deleted.
pub const DKIX_DUMMY: isize = -2;

/// `sizeof(PyDictKeysObject)` without its index table.
const HEADER: usize = 32;
const WORD: usize = 8;
// Header layout (CPython's fields, in its order): a word pymm does not use (CPython's
// `dk_refcnt`), `dk_log2_size`, `dk_log2_index_bytes`, `dk_kind`, one spare byte,
// `dk_version` (unused: the dict keeps its own), `dk_usable`, `dk_nentries`.
const OFF_SPARE: usize = 0;
const OFF_LOG2_SIZE: usize = 8;
const OFF_LOG2_INDEX_BYTES: usize = 9;
const OFF_UNICODE: usize = 10;
const OFF_USABLE: usize = 16;
const OFF_NENTRIES: usize = 24;

/// `USABLE_FRACTION`: the entries a table of `size` slots holds.
pub const fn usable_fraction(size: usize) -> usize {
    (size << 1) / 3
}

/// CPython's `PyDict_MAXFREELIST` for the keys free list.
pub(crate) const KEYS_FREELIST_MAX: usize = 80;

/// The largest table: index slots of 8 bytes for 2**40 slots are far past any heap.
const MAX_LOG2_SIZE: u8 = 40;

/// The table of a dict (see the module docs); no block while the dict has never held
/// an entry or was cleared (CPython's shared empty keys).
#[derive(Default)]
pub struct DictKeys {
    block: Cell<Option<NonNull<u8>>>,
}

const _: () = assert!(core::mem::size_of::<DictKeys>() == 8);

impl core::fmt::Debug for DictKeys {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_struct("DictKeys")
            .field("size", &self.size())
            .field("nentries", &self.nentries())
            .field("usable", &self.usable())
            .field("unicode", &self.is_unicode())
            .finish()
    }
}

/// The shape of a table: its slot count and entry kind.
#[derive(Clone, Copy)]
struct Shape {
    log2_size: u8,
    log2_index_bytes: u8,
    unicode: bool,
}

impl Shape {
    fn size(self) -> usize {
        1 << self.log2_size
    }
    fn index_width(self) -> usize {
        1 << (self.log2_index_bytes - self.log2_size)
    }
    fn entry_size(self) -> usize {
        if self.unicode { 2 * WORD } else { 3 * WORD }
    }
    fn entries_offset(self) -> usize {
        HEADER + (1 << self.log2_index_bytes)
    }
    fn bytes(self) -> usize {
        self.entries_offset() + usable_fraction(self.size()) * self.entry_size()
    }
}

impl DictKeys {
    /// No table.
    pub const fn new() -> DictKeys {
        DictKeys {
            block: Cell::new(None),
        }
    }

    /// A table of `2**log2_size` slots (3 to 40), all empty, for `str` keys only
    /// (`unicode`) or any keys.
    pub fn with_log2_size(log2_size: u8, unicode: bool) -> Result<DictKeys, AllocError> {
        assert!(
            (3..=MAX_LOG2_SIZE).contains(&log2_size),
            "dict table of 2**{log2_size} slots"
        );
        let width_log2 = match log2_size {
            0..8 => 0,
            8..16 => 1,
            16..32 => 2,
            _ => 3,
        };
        let shape = Shape {
            log2_size,
            log2_index_bytes: log2_size + width_log2,
            unicode,
        };
        let bytes = shape.bytes();
        // `new_keys_object`: an 8-slot unicode table comes from the free list if it can.
        let reused = if log2_size == 3 && unicode {
            rt().dict_keys_free.borrow_mut().pop()
        } else {
            None
        };
        let p = match reused {
            Some(p) => p,
            None => rt().malloc(bytes, Domain::Obj)?,
        };
        let base = p.as_ptr();
        // SAFETY: the block is `bytes` long: the header, the index table (filled with
        // 0xff, which is DKIX_EMPTY at every width) and the entry array (zeroed: every
        // key and value word a `None`, every hash 0). The heap's blocks are 16-byte
        // aligned and every word offset is a multiple of 8.
        unsafe {
            base.add(OFF_SPARE).cast::<usize>().write(0);
            base.add(OFF_LOG2_SIZE).write(shape.log2_size);
            base.add(OFF_LOG2_INDEX_BYTES).write(shape.log2_index_bytes);
            base.add(OFF_UNICODE).write(u8::from(unicode));
            base.add(11).write(0);
            base.add(12).cast::<u32>().write(0);
            base.add(OFF_USABLE)
                .cast::<usize>()
                .write(usable_fraction(shape.size()));
            base.add(OFF_NENTRIES).cast::<usize>().write(0);
            base.add(HEADER)
                .write_bytes(0xff, 1 << shape.log2_index_bytes);
            base.add(shape.entries_offset())
                .write_bytes(0, bytes - shape.entries_offset());
        }
        Ok(DictKeys {
            block: Cell::new(Some(p)),
        })
    }

    #[inline]
    fn shape_of(p: NonNull<u8>) -> Shape {
        // SAFETY: a block starts with its header, initialised at allocation.
        unsafe {
            let b = p.as_ptr();
            Shape {
                log2_size: b.add(OFF_LOG2_SIZE).read(),
                log2_index_bytes: b.add(OFF_LOG2_INDEX_BYTES).read(),
                unicode: b.add(OFF_UNICODE).read() != 0,
            }
        }
    }

    #[inline]
    fn word(p: NonNull<u8>, off: usize) -> usize {
        // SAFETY: `off` is one of the header's word offsets.
        unsafe { p.as_ptr().add(off).cast::<usize>().read() }
    }

    #[inline]
    fn set_word(p: NonNull<u8>, off: usize, v: usize) {
        // SAFETY: as in `word`.
        unsafe { p.as_ptr().add(off).cast::<usize>().write(v) }
    }

    /// The number of index slots (0 without a table).
    #[inline]
    pub fn size(&self) -> usize {
        self.block.get().map_or(0, |p| Self::shape_of(p).size())
    }

    /// Whether the entries are `(key, value)` pairs for `str` keys only (CPython's
    /// unicode kind; also true without a table, as CPython's empty keys).
    #[inline]
    pub fn is_unicode(&self) -> bool {
        self.block.get().is_none_or(|p| Self::shape_of(p).unicode)
    }

    /// The entries used so far, live or deleted (`dk_nentries`).
    #[inline]
    pub fn nentries(&self) -> usize {
        self.block.get().map_or(0, |p| Self::word(p, OFF_NENTRIES))
    }

    /// The entries that can still be added (`dk_usable`).
    #[inline]
    pub fn usable(&self) -> usize {
        self.block.get().map_or(0, |p| Self::word(p, OFF_USABLE))
    }

    /// The size of the block in bytes (0 without a table).
    pub fn bytes(&self) -> usize {
        self.block.get().map_or(0, |p| Self::shape_of(p).bytes())
    }

    #[inline]
    fn assert_unlocked(_p: NonNull<u8>) {
        assert!(
            READERS.with(Cell::get) == 0,
            "dict table changed while a table was being read"
        );
    }

    /// The entry number in index slot `slot` ([`DKIX_EMPTY`] past the table).
    #[inline]
    pub fn index(&self, slot: usize) -> isize {
        let Some(p) = self.block.get() else {
            return DKIX_EMPTY;
        };
        let shape = Self::shape_of(p);
        if slot >= shape.size() {
            return DKIX_EMPTY;
        }
        // SAFETY: `slot` is inside the index table, whose slots are `index_width`
        // bytes, initialised at allocation.
        unsafe {
            let at = p.as_ptr().add(HEADER);
            match shape.index_width() {
                1 => isize::from(at.cast::<i8>().add(slot).read()),
                2 => isize::from(at.cast::<i16>().add(slot).read()),
                4 => at.cast::<i32>().add(slot).read() as isize,
                _ => at.cast::<i64>().add(slot).read() as isize,
            }
        }
    }

    /// Sets index slot `slot` to `ix` (an entry number, [`DKIX_EMPTY`] or
    /// [`DKIX_DUMMY`]).
    ///
    /// # Panics
    /// If there is no such slot, or `ix` is not a valid value for it.
    #[inline]
    pub fn set_index(&self, slot: usize, ix: isize) {
        let p = self
            .block
            .get()
            .expect("set_index on a dict without a table");
        let shape = Self::shape_of(p);
        assert!(slot < shape.size(), "index slot out of range");
        assert!(
            ix >= DKIX_DUMMY && ix < usable_fraction(shape.size()) as isize,
            "bad entry number"
        );
        // SAFETY: as in `index`; the value fits the width (entry numbers are below the
        // table size, which the width was chosen for).
        unsafe {
            let at = p.as_ptr().add(HEADER);
            match shape.index_width() {
                1 => at.cast::<i8>().add(slot).write(ix as i8),
                2 => at.cast::<i16>().add(slot).write(ix as i16),
                4 => at.cast::<i32>().add(slot).write(ix as i32),
                _ => at.cast::<i64>().add(slot).write(ix as i64),
            }
        }
    }

    /// The words of entry `i` (`i < nentries`): the hash (general tables), key, value.
    #[inline]
    fn entry_words(
        p: NonNull<u8>,
        shape: Shape,
        i: usize,
    ) -> (Option<*mut isize>, *mut Option<ObjRef>) {
        // SAFETY: callers pass `i < nentries <= usable_fraction(size)`, inside the
        // entry array.
        unsafe {
            let e = p
                .as_ptr()
                .add(shape.entries_offset() + i * shape.entry_size());
            if shape.unicode {
                (None, e.cast::<Option<ObjRef>>())
            } else {
                (
                    Some(e.cast::<isize>()),
                    e.add(WORD).cast::<Option<ObjRef>>(),
                )
            }
        }
    }

    /// Calls `f` with entry `i`'s hash (stored by general tables only), key and value
    /// (`None` for a deleted entry), the table locked meanwhile; `None` past the entries.
    #[inline]
    pub fn with_entry<R>(
        &self,
        i: usize,
        f: impl FnOnce(Option<isize>, Option<Obj<'_>>, Option<Obj<'_>>) -> R,
    ) -> Option<R> {
        let p = self.block.get()?;
        if i >= Self::word(p, OFF_NENTRIES) {
            return None;
        }
        let shape = Self::shape_of(p);
        let (h, kv) = Self::entry_words(p, shape, i);
        let _guard = ReadGuard::open();
        // SAFETY: the entry is initialised (i < nentries); the lock keeps every
        // mutation (which could drop the key or value) out until `f` returns, so the
        // borrows handed to `f` stay valid.
        unsafe {
            let hash = h.map(|h| h.read());
            let k = (*kv).as_ref().map(ObjRef::as_obj);
            let v = (*kv.add(1)).as_ref().map(ObjRef::as_obj);
            Some(f(hash, k, v))
        }
    }

    /// Entry `i`, copied: (hash if stored, key, value); `None` past the entries.
    pub fn entry(&self, i: usize) -> Option<(Option<isize>, Option<ObjRef>, Option<ObjRef>)> {
        self.with_entry(i, |h, k, v| {
            (h, k.map(|k| k.to_owned()), v.map(|v| v.to_owned()))
        })
    }

    /// Calls `f` on the key and value of every live entry, in order, the table locked.
    pub fn for_each_live(&self, mut f: impl FnMut(Obj<'_>, Obj<'_>)) {
        let Some(p) = self.block.get() else {
            return;
        };
        let shape = Self::shape_of(p);
        let n = Self::word(p, OFF_NENTRIES);
        let _guard = ReadGuard::open();
        for i in 0..n {
            let (_, kv) = Self::entry_words(p, shape, i);
            // SAFETY: as in `with_entry`.
            unsafe {
                if let (Some(k), Some(v)) = (&*kv, &*kv.add(1)) {
                    f(k.as_obj(), v.as_obj());
                }
            }
        }
    }

    /// Appends an entry; returns its number.
    ///
    /// # Panics
    /// Without a table or room for it (`usable() == 0`), or while the table is read.
    pub fn push(&self, hash: isize, key: ObjRef, value: ObjRef) -> usize {
        let p = self.block.get().expect("push on a dict without a table");
        Self::assert_unlocked(p);
        let usable = Self::word(p, OFF_USABLE);
        assert!(usable > 0, "dict table full");
        let shape = Self::shape_of(p);
        let i = Self::word(p, OFF_NENTRIES);
        let (h, kv) = Self::entry_words(p, shape, i);
        // SAFETY: entry `i` is inside the array (nentries + usable never exceeds it)
        // and unused (its words are still the zeros written at allocation).
        unsafe {
            if let Some(h) = h {
                h.write(hash);
            }
            kv.write(Some(key));
            kv.add(1).write(Some(value));
        }
        Self::set_word(p, OFF_NENTRIES, i + 1);
        Self::set_word(p, OFF_USABLE, usable - 1);
        i
    }

    /// Replaces entry `i`'s value; returns the old one (dropped by the caller, after
    /// the change).
    ///
    /// # Panics
    /// Past the entries, or while the table is read.
    pub fn replace_value(&self, i: usize, value: Option<ObjRef>) -> Option<ObjRef> {
        let p = self.block.get().expect("no dict table");
        Self::assert_unlocked(p);
        assert!(i < Self::word(p, OFF_NENTRIES), "entry out of range");
        let (_, kv) = Self::entry_words(p, Self::shape_of(p), i);
        // SAFETY: the entry is initialised; its value word is replaced in place.
        unsafe { kv.add(1).replace(value) }
    }

    /// Deletes entry `i`: its key and value are taken out (dropped by the caller).
    ///
    /// # Panics
    /// As [`DictKeys::replace_value`].
    pub fn remove_entry(&self, i: usize) -> (Option<ObjRef>, Option<ObjRef>) {
        let p = self.block.get().expect("no dict table");
        Self::assert_unlocked(p);
        assert!(i < Self::word(p, OFF_NENTRIES), "entry out of range");
        let (_, kv) = Self::entry_words(p, Self::shape_of(p), i);
        // SAFETY: as in `replace_value`.
        unsafe { (kv.replace(None), kv.add(1).replace(None)) }
    }

    /// Replaces the table with `new` (which may be empty); returns the old one, whose
    /// entries are dropped when it is.
    ///
    /// # Panics
    /// While the table is read.
    pub fn replace(&self, new: DictKeys) -> DictKeys {
        if let Some(p) = self.block.get() {
            Self::assert_unlocked(p);
        }
        DictKeys {
            block: Cell::new(self.block.replace(new.into_raw())),
        }
    }

    fn into_raw(self) -> Option<NonNull<u8>> {
        let p = self.block.get();
        core::mem::forget(self);
        p
    }

    /// A copy of the table (`clone_combined_dict`): the same size and kind, the same index
    /// table, and the same entries at the same places, deleted ones included, with their
    /// references counted again.
    pub fn clone_table(&self) -> Result<DictKeys, AllocError> {
        let Some(p) = self.block.get() else {
            return Ok(DictKeys::new());
        };
        let shape = Self::shape_of(p);
        let new = DictKeys::with_log2_size(shape.log2_size, shape.unicode)?;
        let q = new.block.get().expect("a new table has a block");
        let n = Self::word(p, OFF_NENTRIES);
        // SAFETY: both blocks have this shape: the index tables are the same size and
        // do not overlap. Entries `0..n` of the source are initialised; the copy's are
        // still the zeros written at allocation, and each is written once. Cloning a
        // reference runs no code.
        unsafe {
            core::ptr::copy_nonoverlapping(
                p.as_ptr().add(HEADER),
                q.as_ptr().add(HEADER),
                1 << shape.log2_index_bytes,
            );
            for i in 0..n {
                let (h, kv) = Self::entry_words(p, shape, i);
                let (h2, kv2) = Self::entry_words(q, shape, i);
                if let (Some(h), Some(h2)) = (h, h2) {
                    h2.write(h.read());
                }
                kv2.write((*kv).clone());
                kv2.add(1).write((*kv.add(1)).clone());
            }
        }
        Self::set_word(q, OFF_NENTRIES, n);
        Self::set_word(q, OFF_USABLE, Self::word(p, OFF_USABLE));
        Ok(new)
    }

    /// Moves the live entries out, in order, as (hash if stored, key, value), leaving
    /// the deleted ones; the table keeps its (now dead) entries, to be dropped with it.
    pub fn take_live(&self) -> Vec<(Option<isize>, ObjRef, ObjRef)> {
        let Some(p) = self.block.get() else {
            return Vec::new();
        };
        Self::assert_unlocked(p);
        let shape = Self::shape_of(p);
        let n = Self::word(p, OFF_NENTRIES);
        let mut out = Vec::with_capacity(n);
        for i in 0..n {
            let (h, kv) = Self::entry_words(p, shape, i);
            // SAFETY: the entry is initialised; the references move out and leave
            // `None` behind.
            unsafe {
                if let (Some(k), Some(v)) = ((*kv).take(), (*kv.add(1)).take()) {
                    out.push((h.map(|h| h.read()), k, v));
                }
            }
        }
        out
    }
}

impl Drop for DictKeys {
    fn drop(&mut self) {
        let Some(p) = self.block.take() else {
            return;
        };
        let shape = Self::shape_of(p);
        let n = Self::word(p, OFF_NENTRIES);
        // `free_keys_object`: keys and values released first to last. Nothing else can
        // reach this table now (its owner replaced or dropped it), so a finalizer run by
        // a release cannot see it.
        for i in 0..n {
            let (_, kv) = Self::entry_words(p, shape, i);
            // SAFETY: the entry is initialised; each reference is read out once.
            unsafe {
                drop(kv.read());
                drop(kv.add(1).read());
            }
        }
        // `free_keys_object`: an 8-slot unicode table goes to the free list while it has
        // room (its block stays allocated, as CPython's).
        if shape.log2_size == 3 && shape.unicode {
            let mut free = rt().dict_keys_free.borrow_mut();
            if free.len() < KEYS_FREELIST_MAX {
                free.push(p);
                return;
            }
        }
        // SAFETY: the block came from this thread's heap in the object domain and no
        // reference into it is left.
        unsafe { rt().free(p, Domain::Obj) };
    }
}

thread_local! {
    /// How many borrowed views of dict tables are open on this thread ([`ReadGuard`]).
    static READERS: Cell<usize> = const { Cell::new(0) };
}

/// An open borrowed view of a table. While any is open on the thread, no table may
/// change (the views' closures run no Python code, so they change none): a count in
/// thread-local storage rather than a word of each table, so a lookup writes nothing
/// to the table it reads.
struct ReadGuard;

impl ReadGuard {
    #[inline]
    fn open() -> ReadGuard {
        READERS.with(|r| r.set(r.get() + 1));
        ReadGuard
    }
}

impl Drop for ReadGuard {
    #[inline]
    fn drop(&mut self) {
        READERS.with(|r| r.set(r.get() - 1));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sizes_are_cpythons() {
        // {'a': 1}: 32 header + 8 one-byte slots + 5 entries of 16 bytes.
        let t = DictKeys::with_log2_size(3, true).unwrap();
        assert_eq!((t.size(), t.usable(), t.bytes()), (8, 5, 32 + 8 + 80));
        let t = DictKeys::with_log2_size(3, false).unwrap();
        assert_eq!(t.bytes(), 32 + 8 + 5 * 24);
        // 256 slots need two-byte indices.
        let t = DictKeys::with_log2_size(8, true).unwrap();
        assert_eq!(t.bytes(), 32 + 512 + 170 * 16);
        assert_eq!(DictKeys::new().bytes(), 0);
    }

    #[test]
    fn indices_hold_every_value_at_every_width() {
        for log2 in [3u8, 7, 8, 15, 16] {
            let t = DictKeys::with_log2_size(log2, false).unwrap();
            let last = usable_fraction(1 << log2) as isize - 1;
            assert_eq!(t.index(0), DKIX_EMPTY);
            for (slot, ix) in [(0, 0), (1, last), (2, DKIX_DUMMY), (3, DKIX_EMPTY)] {
                t.set_index(slot, ix);
                assert_eq!(t.index(slot), ix, "log2 {log2}");
            }
            assert_eq!(t.index(1 << log2), DKIX_EMPTY);
        }
    }
}
