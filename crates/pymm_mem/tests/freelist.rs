//! Free lists (CPython's per-type free lists, spec §2): dead blocks are kept and reused,
//! reuse moves neither `gc.get_count()` nor `sys.getallocatedblocks()`, and a full
//! collection returns them to the allocator.

use pymm_mem::{
    Body, BodyVTable, ObjRef, TypeInfo, VarBody, Visitor, allocated_blocks, freelist_len, gc,
};

#[derive(Debug)]
struct Pair(u64, u64);
impl Body for Pair {}

#[derive(Debug)]
struct Items {
    n: usize,
}
impl Body for Items {}
impl VarBody for Items {
    type Item = u64;
    fn len(&self) -> usize {
        self.n
    }
}

fn no_refs(_o: pymm_mem::Obj<'_>, _v: &mut Visitor<'_>) {}

static PAIR: TypeInfo = TypeInfo::new("pair", BodyVTable::of::<Pair>()).freelist(1, 3);
static GC_ITEMS: TypeInfo = TypeInfo::new("items", BodyVTable::of_var::<Items>())
    .gc(no_refs)
    .freelist(2, 2);

#[test]
fn fixed_size_blocks_are_kept_up_to_the_limit_and_reused() {
    gc::collect(2);
    let base = allocated_blocks();
    let objs: Vec<ObjRef> = (0..5)
        .map(|i| ObjRef::new(&PAIR, Pair(i, i)).unwrap())
        .collect();
    assert_eq!(allocated_blocks(), base + 5);
    let addrs: Vec<usize> = objs.iter().map(|o| o.as_obj().addr()).collect();
    drop(objs);
    // Three kept (still allocated), two returned.
    assert_eq!(freelist_len(&PAIR, 0), 3);
    assert_eq!(allocated_blocks(), base + 3);
    let again = ObjRef::new(&PAIR, Pair(9, 9)).unwrap();
    assert!(
        addrs.contains(&again.as_obj().addr()),
        "a kept block is reused"
    );
    assert_eq!(freelist_len(&PAIR, 0), 2);
    let p = again.downcast::<Pair>().unwrap();
    assert_eq!((p.0, p.1), (9, 9));
    drop(again);
    gc::collect(2);
    assert_eq!(freelist_len(&PAIR, 0), 0);
    assert_eq!(allocated_blocks(), base);
}

#[test]
fn variable_size_slots_and_gc_counts() {
    gc::collect(2);
    gc::disable();
    let (c0, _, _) = gc::get_count();
    let one = ObjRef::new_var(&GC_ITEMS, Items { n: 1 }, [7]).unwrap();
    let two = ObjRef::new_var(&GC_ITEMS, Items { n: 2 }, [1, 2]).unwrap();
    let three = ObjRef::new_var(&GC_ITEMS, Items { n: 3 }, [1, 2, 3]).unwrap();
    assert_eq!(gc::get_count().0, c0 + 3);
    drop((one, two, three));
    // Sizes 1 and 2 are kept: their count stays (CPython skips PyObject_GC_Del); size 3 is freed.
    assert_eq!(gc::get_count().0, c0 + 2);
    assert_eq!(
        (freelist_len(&GC_ITEMS, 0), freelist_len(&GC_ITEMS, 1)),
        (1, 1)
    );
    let reused = ObjRef::new_var(&GC_ITEMS, Items { n: 2 }, [5, 6]).unwrap();
    assert_eq!(
        gc::get_count().0,
        c0 + 2,
        "reuse does not count as an allocation"
    );
    assert_eq!(reused.as_obj().var_items::<Items>().unwrap(), &[5, 6]);
    drop(reused);
    gc::enable();
    gc::collect(2);
    assert_eq!(
        (freelist_len(&GC_ITEMS, 0), freelist_len(&GC_ITEMS, 1)),
        (0, 0)
    );
}

static NO_REUSE_2: TypeInfo = TypeInfo::new("items2", BodyVTable::of_var::<Items>())
    .gc(no_refs)
    .freelist(2, 4)
    .freelist_reuse_below(1);

#[test]
fn slots_past_reuse_are_kept_but_not_handed_back() {
    gc::collect(2);
    gc::disable();
    let (c0, _, _) = gc::get_count();
    let two = ObjRef::new_var(&NO_REUSE_2, Items { n: 2 }, [1, 2]).unwrap();
    let addr = two.as_obj().addr();
    drop(two);
    assert_eq!(freelist_len(&NO_REUSE_2, 1), 1, "kept");
    assert_eq!(gc::get_count().0, c0 + 1, "still counted");
    let again = ObjRef::new_var(&NO_REUSE_2, Items { n: 2 }, [3, 4]).unwrap();
    assert_ne!(
        again.as_obj().addr(),
        addr,
        "not reused (CPython's 20-tuples)"
    );
    assert_eq!(freelist_len(&NO_REUSE_2, 1), 1);
    drop(again);
    gc::enable();
    gc::collect(2);
    assert_eq!(freelist_len(&NO_REUSE_2, 1), 0);
}

#[test]
fn new_fresh_leaves_the_free_list_alone() {
    gc::collect(2);
    let base = allocated_blocks();
    drop(ObjRef::new(&PAIR, Pair(1, 1)).unwrap());
    assert_eq!(freelist_len(&PAIR, 0), 1);
    // A fresh object takes a new block; the kept one stays on the list.
    let fresh = ObjRef::new_fresh(&PAIR, Pair(2, 2)).unwrap();
    assert_eq!(freelist_len(&PAIR, 0), 1);
    assert_eq!(allocated_blocks(), base + 2);
    // It still goes to the free list when it dies.
    drop(fresh);
    assert_eq!(freelist_len(&PAIR, 0), 2);
    gc::collect(2);
    assert_eq!(allocated_blocks(), base);
}

static PLAIN_ITEMS: TypeInfo = TypeInfo::new("plain_items", BodyVTable::of_var::<Items>());

#[test]
fn copied_items_match_collected_items() {
    let base = allocated_blocks();
    let a = ObjRef::new_var_copied(&PLAIN_ITEMS, Items { n: 3 }, &[7, 8, 9]).unwrap();
    let b = ObjRef::new_var(&PLAIN_ITEMS, Items { n: 3 }, [7u64, 8, 9]).unwrap();
    assert_eq!(a.as_obj().var_items::<Items>(), Some(&[7u64, 8, 9][..]));
    assert_eq!(
        a.as_obj().var_items::<Items>(),
        b.as_obj().var_items::<Items>()
    );
    assert_eq!(
        a.as_obj().allocated_size(),
        b.as_obj().allocated_size(),
        "same block size"
    );
    let empty = ObjRef::new_var_copied(&PLAIN_ITEMS, Items { n: 0 }, &[]).unwrap();
    assert_eq!(empty.as_obj().var_items::<Items>(), Some(&[][..]));
    drop((a, b, empty));
    assert_eq!(allocated_blocks(), base);
}

#[test]
#[should_panic(expected = "item count differs")]
fn copied_items_must_match_the_head() {
    let _ = ObjRef::new_var_copied(&PLAIN_ITEMS, Items { n: 2 }, &[1]);
}

#[test]
fn items_copied_from_parts_match() {
    let base = allocated_blocks();
    let a = ObjRef::new_var_copied_parts(&PLAIN_ITEMS, Items { n: 4 }, &[&[7, 8], &[], &[9, 10]])
        .unwrap();
    assert_eq!(a.as_obj().var_items::<Items>(), Some(&[7u64, 8, 9, 10][..]));
    let b = ObjRef::new_var_copied(&PLAIN_ITEMS, Items { n: 4 }, &[7, 8, 9, 10]).unwrap();
    assert_eq!(a.as_obj().allocated_size(), b.as_obj().allocated_size());
    drop((a, b));
    assert_eq!(allocated_blocks(), base);
}

#[test]
#[should_panic(expected = "item count differs")]
fn items_copied_from_parts_must_match_the_head() {
    let _ = ObjRef::new_var_copied_parts(&PLAIN_ITEMS, Items { n: 3 }, &[&[1], &[2]]);
}

/// A body whose drop runs code (the long death path), counting its drops.
struct Counted(#[allow(dead_code)] String);
impl Body for Counted {}
impl Drop for Counted {
    fn drop(&mut self) {
        DROPS.with(|d| d.set(d.get() + 1));
    }
}
thread_local! {
    static DROPS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

static COUNTED: TypeInfo = TypeInfo::new("counted", BodyVTable::of::<Counted>());

#[test]
fn trivial_and_dropping_bodies_both_give_their_blocks_back() {
    gc::collect(2);
    let base = allocated_blocks();
    // No drop, no GC head, no free list: the trivial death frees the block by address
    // (variable size) or by its known size (fixed).
    let vars: Vec<ObjRef> = (1..=6)
        .map(|n| ObjRef::new_var(&PLAIN_ITEMS, Items { n }, (0..n as u64).map(|x| x * 3)).unwrap())
        .collect();
    let sums: Vec<u64> = vars
        .iter()
        .map(|o| o.as_obj().var_items::<Items>().unwrap().iter().sum())
        .collect();
    assert_eq!(sums, [0, 3, 9, 18, 30, 45]);
    let counted: Vec<ObjRef> = (0..4)
        .map(|i| ObjRef::new(&COUNTED, Counted(format!("c{i}"))).unwrap())
        .collect();
    assert_eq!(allocated_blocks(), base + 10);
    drop(vars);
    assert_eq!(allocated_blocks(), base + 4);
    drop(counted);
    assert_eq!(
        DROPS.with(|d| d.get()),
        4,
        "every dropping body was dropped once"
    );
    assert_eq!(allocated_blocks(), base);
}
