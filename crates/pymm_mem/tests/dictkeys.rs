//! `DictKeys`, CPython's dict keys table in one block: entries in and out with their
//! references counted, the borrowed views' protection against changes, and the keys
//! free list.

mod common;

use common::{ATOM, clean, new_obj};
use pymm_mem::{DKIX_DUMMY, DictKeys, allocated_blocks, gc};

#[test]
fn entries_keep_their_references_and_order() {
    clean();
    let keys: Vec<_> = (0..5).map(|i| new_obj(ATOM, i)).collect();
    let vals: Vec<_> = (0..5).map(|i| new_obj(ATOM, 10 + i)).collect();
    let t = DictKeys::with_log2_size(3, false).unwrap();
    for (i, (k, v)) in keys.iter().zip(&vals).enumerate() {
        assert_eq!(t.push(i as isize * 7, k.clone(), v.clone()), i);
        t.set_index(i, i as isize);
    }
    assert_eq!((t.nentries(), t.usable()), (5, 0));
    assert_eq!(keys[2].refcnt(), 2);
    // A general table keeps the hashes.
    let (h, k, v) = t.entry(3).unwrap();
    assert_eq!(h, Some(21));
    assert!(k.unwrap().is(&keys[3]) && v.unwrap().is(&vals[3]));
    // Replacing a value gives the old one back; deleting takes key and value out.
    let old = t.replace_value(1, Some(vals[4].clone())).unwrap();
    assert!(old.is(&vals[1]));
    drop(old);
    assert_eq!(vals[1].refcnt(), 1);
    t.set_index(0, DKIX_DUMMY);
    let (k0, v0) = t.remove_entry(0);
    assert!(k0.unwrap().is(&keys[0]) && v0.unwrap().is(&vals[0]));
    let mut seen = Vec::new();
    t.for_each_live(|k, _| seen.push(k.to_owned()));
    assert_eq!(seen.len(), 4);
    assert!(seen[0].is(&keys[1]));
    drop(seen);
    // A clone has the same entries at the same places, holes included.
    let c = t.clone_table().unwrap();
    assert_eq!(
        (c.size(), c.nentries(), c.usable(), c.bytes()),
        (8, 5, 0, t.bytes())
    );
    assert_eq!(c.index(0), DKIX_DUMMY);
    assert!(c.entry(0).unwrap().1.is_none());
    assert!(c.entry(1).unwrap().2.unwrap().is(&vals[4]));
    assert_eq!(keys[2].refcnt(), 3);
    drop(c);
    assert_eq!(keys[2].refcnt(), 2);
    // The live entries move out in order; the table keeps only holes.
    let live = t.take_live();
    assert_eq!(live.len(), 4);
    assert!(live[0].1.is(&keys[1]) && live[0].2.is(&vals[4]));
    assert_eq!(keys[2].refcnt(), 2);
    drop(live);
    drop(t);
    for o in keys.iter().chain(&vals) {
        assert_eq!(o.refcnt(), 1);
    }
}

#[test]
fn a_change_while_an_entry_is_borrowed_panics_and_changes_nothing() {
    clean();
    let t = DictKeys::with_log2_size(3, true).unwrap();
    let k = new_obj(ATOM, 1);
    t.push(0, k.clone(), new_obj(ATOM, 2));
    let r = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        t.with_entry(0, |_, _, _| t.replace_value(0, None));
    }));
    assert!(r.is_err());
    // The view was closed by the unwinding: the table can change again.
    assert!(t.replace_value(0, None).is_some());
    assert_eq!(k.refcnt(), 2);
}

#[test]
fn dead_small_unicode_tables_wait_on_the_free_list_until_a_full_collection() {
    clean();
    gc::collect(2);
    let before = allocated_blocks();
    let t = DictKeys::with_log2_size(3, true).unwrap();
    assert_eq!(allocated_blocks(), before + 1);
    drop(t);
    // Kept for reuse, still allocated (as CPython's `keys_free_list`).
    assert_eq!(allocated_blocks(), before + 1);
    let t = DictKeys::with_log2_size(3, true).unwrap();
    assert_eq!(allocated_blocks(), before + 1);
    assert_eq!((t.nentries(), t.usable(), t.index(0)), (0, 5, -1));
    drop(t);
    // Other shapes are freed at once.
    drop(DictKeys::with_log2_size(4, true).unwrap());
    drop(DictKeys::with_log2_size(3, false).unwrap());
    assert_eq!(allocated_blocks(), before + 1);
    gc::collect(2);
    assert_eq!(allocated_blocks(), before);
}
