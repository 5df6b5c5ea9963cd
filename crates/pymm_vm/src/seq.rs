//! `tuple` and `list`: CPython 3.11 layouts (`PyTupleObject` with inline items,
//! `PyListObject` with an `ob_item` buffer grown by `list_resize`'s formula).

use pymm_mem::{Obj, ObjRef};

use crate::exc::{R, memory_error};
use crate::object::*;

/// A new tuple (the empty tuple is shared). Tracked unless empty.
#[inline]
pub fn new_tuple(items: Vec<ObjRef>) -> R {
    new_tuple_from(items.into_iter())
}

/// [`new_tuple`] from the items of an iterator of known length (no intermediate vector).
pub fn new_tuple_from(items: impl ExactSizeIterator<Item = ObjRef>) -> R {
    let size = items.len();
    if size == 0 {
        return Ok(crate::state::sg().empty_tuple.clone());
    }
    let o = ObjRef::new_var(&TUPLE_T, TupleBody { size }, items).map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

/// A tuple of new references to `items` (no intermediate vector).
pub fn new_tuple_cloned(items: &[ObjRef]) -> R {
    if items.is_empty() {
        return Ok(crate::state::sg().empty_tuple.clone());
    }
    let o = ObjRef::new_var(
        &TUPLE_T,
        TupleBody { size: items.len() },
        items.iter().cloned(),
    )
    .map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

/// The items of a tuple (empty for anything else).
#[inline]
pub fn tuple_items(o: Obj<'_>) -> &[ObjRef] {
    o.var_items::<TupleBody>().unwrap_or(&[])
}

/// Whether `o` is a tuple (or subclass).
#[inline]
pub fn is_tuple(o: Obj<'_>) -> bool {
    kind(o) == Kind::Tuple
}

/// Whether `o` is a list (or subclass).
#[inline]
pub fn is_list(o: Obj<'_>) -> bool {
    kind(o) == Kind::List
}

/// The list body.
#[inline]
pub fn list_body(o: Obj<'_>) -> Option<&ListBody> {
    o.downcast::<ListBody>()
}

/// A new list holding `items` (capacity exactly their number, as `PyList_New`).
pub fn new_list(items: Vec<ObjRef>) -> R {
    let body = ListBody::default();
    body.items.replace_all(items).map_err(|_| memory_error())?;
    let o = ObjRef::new(&LIST_T, body).map_err(|_| memory_error())?;
    o.track();
    Ok(o)
}

/// Copies of a list's items.
pub fn list_items(o: Obj<'_>) -> Vec<ObjRef> {
    list_body(o).map(|b| b.items.to_vec()).unwrap_or_default()
}

/// CPython's `list_resize`: the capacity for a list about to hold `newsize` items.
fn resize(b: &ListBody, newsize: usize) -> R<()> {
    let allocated = b.items.capacity();
    if allocated >= newsize && newsize >= allocated >> 1 {
        return Ok(());
    }
    let mut new_allocated = (newsize + (newsize >> 3) + 6) & !3;
    if newsize - b.items.len().min(newsize) > new_allocated - newsize {
        new_allocated = (newsize + 3) & !3;
    }
    if newsize == 0 {
        new_allocated = 0;
    }
    b.items
        .set_capacity(new_allocated.max(b.items.len()))
        .map_err(|_| memory_error())
}

/// `list.append`.
#[inline]
pub fn list_append(o: Obj<'_>, v: ObjRef) -> R<()> {
    let b = list_body(o).expect("list");
    let n = b.items.len();
    if n == b.items.capacity() {
        resize(b, n + 1)?;
    }
    b.items.push(v).map_err(|_| memory_error())
}

/// `list.insert`.
pub fn list_insert(o: Obj<'_>, i: usize, v: ObjRef) -> R<()> {
    let b = list_body(o).expect("list");
    resize(b, b.items.len() + 1)?;
    b.items.insert(i, v).map_err(|_| memory_error())
}

/// `list.extend` with already collected items.
pub fn list_extend(o: Obj<'_>, items: Vec<ObjRef>) -> R<()> {
    let b = list_body(o).expect("list");
    let n = b.items.len();
    if items.is_empty() {
        return Ok(());
    }
    if b.items.capacity() == 0 {
        // `list_preallocate_exact`: an empty list without a buffer gets exactly the
        // number of items rounded up to even.
        b.items
            .set_capacity((items.len() + 1) & !1)
            .map_err(|_| memory_error())?;
    } else {
        resize(b, n + items.len())?;
    }
    b.items.splice(n, n, items).map_err(|_| memory_error())?;
    Ok(())
}

/// `list *= n` (`list_inplace_repeat`): the buffer grows through `list_resize`, so
/// the result is over-allocated like an append would leave it; `n <= 0` clears the
/// list and frees its buffer, `n == 1` and an empty list change nothing.
pub fn list_inplace_repeat(o: Obj<'_>, n: i64) -> R<()> {
    let b = list_body(o).expect("list");
    let len = b.items.len();
    if n <= 0 {
        b.items.clear();
        return Ok(());
    }
    if len == 0 || n == 1 {
        return Ok(());
    }
    let n = n as usize;
    let total = len
        .checked_mul(n)
        .filter(|t| *t <= 1 << 40)
        .ok_or_else(memory_error)?;
    let items = b.items.to_vec();
    let mut extra = Vec::with_capacity(total - len);
    for _ in 1..n {
        extra.extend(items.iter().cloned());
    }
    resize(b, total)?;
    b.items
        .splice(len, len, extra)
        .map_err(|_| memory_error())?;
    Ok(())
}

/// Removes item `i` (shrinking as CPython does), returning it.
pub fn list_pop(o: Obj<'_>, i: usize) -> Option<ObjRef> {
    let b = list_body(o)?;
    let v = b.items.remove(i)?;
    let _ = resize(b, b.items.len());
    Some(v)
}

/// Replaces items `lo..hi` with `items` (slice assignment / deletion).
pub fn list_splice(o: Obj<'_>, lo: usize, hi: usize, items: Vec<ObjRef>) -> R<()> {
    let b = list_body(o).expect("list");
    let n = b.items.len();
    let newsize = n - (hi.min(n) - lo.min(hi.min(n))) + items.len();
    if newsize > b.items.capacity() {
        resize(b, newsize)?;
    }
    let mut removed = b.items.splice(lo, hi, items).map_err(|_| memory_error())?;
    let _ = resize(b, b.items.len());
    // `list_ass_slice` releases the replaced items last to first.
    while let Some(x) = removed.pop() {
        drop(x);
    }
    Ok(())
}

/// Deletes the `m` items at `lo`, `lo + step`, ... (`del l[a:b:c]`) in one pass; the
/// removed items are released after the list is consistent, lowest index first, as
/// CPython's `list_ass_subscript` does.
pub fn list_delete_stepped(o: Obj<'_>, lo: usize, step: usize, m: usize) -> R<()> {
    let b = list_body(o).expect("list");
    let all = b.items.truncate(0);
    let mut kept = Vec::with_capacity(all.len().saturating_sub(m));
    let mut garbage = Vec::with_capacity(m);
    for (i, x) in all.into_iter().enumerate() {
        let removed = i >= lo && (i - lo).is_multiple_of(step) && (i - lo) / step < m;
        if removed {
            garbage.push(x);
        } else {
            kept.push(x);
        }
    }
    let r = list_splice(o, 0, 0, kept);
    drop(garbage);
    r
}

/// The number of items.
pub fn list_len(o: Obj<'_>) -> usize {
    list_body(o).map_or(0, |b| b.items.len())
}

/// Item `i`.
#[inline]
pub fn list_get(o: Obj<'_>, i: usize) -> Option<ObjRef> {
    list_body(o)?.items.get(i)
}

/// Normalises a possibly negative index against `len`.
pub fn norm_index(i: i64, len: usize) -> Option<usize> {
    let i = if i < 0 { i + len as i64 } else { i };
    if i < 0 || i as usize >= len {
        None
    } else {
        Some(i as usize)
    }
}

/// `slice.indices(len)` → (start, stop, step, slicelength).
pub fn slice_indices(
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    len: usize,
) -> R<(i64, i64, i64, usize)> {
    let (start, stop, step, n) = slice_indices_wide(start, stop, step, len as i128)?;
    // With len < 2**64 every result fits: bounds within [-1, len], n <= len.
    Ok((start as i64, stop as i64, step as i64, n as usize))
}

/// [`slice_indices`] in 128 bits, for sequences longer than `i64::MAX` (ranges).
pub fn slice_indices_wide(
    start: Option<i64>,
    stop: Option<i64>,
    step: Option<i64>,
    len: i128,
) -> R<(i128, i128, i128, i128)> {
    let step = step.unwrap_or(1) as i128;
    if step == 0 {
        return Err(crate::exc::value_error("slice step cannot be zero"));
    }
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let fix = |v: Option<i64>, default: i128| -> i128 {
        match v.map(i128::from) {
            None => default,
            Some(v) if v < 0 => (v + len).max(lower),
            Some(v) => v.min(upper),
        }
    };
    let start = fix(start, if step < 0 { upper } else { lower });
    let stop = fix(stop, if step < 0 { lower } else { upper });
    let n = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    Ok((start, stop, step, n))
}
