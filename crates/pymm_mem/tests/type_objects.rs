//! Run-time types (CPython's heap types): instances own a reference to their type
//! object, the descriptor does not, so a type object is freed once its instances are
//! gone and its descriptor is then retired.

use pymm_mem::{Body, BodyVTable, ObjRef, TypeInfo, Visitor, allocated_blocks};

#[derive(Debug)]
struct Meta;
impl Body for Meta {}

#[derive(Debug)]
struct Inst(#[allow(dead_code)] u64);
impl Body for Inst {}

fn no_refs(_o: pymm_mem::Obj<'_>, _v: &mut Visitor<'_>) {}

/// The metatype: its objects may be type objects.
static META: TypeInfo = TypeInfo::new("meta", BodyVTable::of::<Meta>())
    .gc(no_refs)
    .type_objects();
/// A type whose objects may not.
static PLAIN: TypeInfo = TypeInfo::new("plain", BodyVTable::of::<Meta>());

fn instance_info() -> TypeInfo {
    TypeInfo::new("inst", BodyVTable::of::<Inst>()).gc(no_refs)
}

#[test]
fn instances_own_their_type_object_and_the_descriptor_does_not() {
    let base = allocated_blocks();
    let ty = ObjRef::new(&META, Meta).expect("alloc");
    let info = instance_info().leak_with_type_object(&ty);
    assert_eq!(ty.refcnt(), 1, "the descriptor holds no reference");
    let a = ObjRef::new(info, Inst(1)).expect("alloc");
    let b = ObjRef::new(info, Inst(2)).expect("alloc");
    assert_eq!(ty.refcnt(), 3, "each instance holds one");
    assert!(
        a.as_obj()
            .type_object()
            .is_some_and(|t| t.addr() == ty.as_obj().addr())
    );
    // The type object outlives the handle while instances exist.
    drop(ty);
    let t = a.as_obj().type_object().expect("type object");
    assert_eq!(t.refcnt(), 2);
    drop(a);
    drop(b);
    // Everything is freed; the retired descriptor refuses new instances.
    assert_eq!(allocated_blocks(), base);
    assert!(ObjRef::new(info, Inst(3)).is_err());
    assert_eq!(allocated_blocks(), base);
}

#[test]
#[should_panic(expected = "not marked as type objects")]
fn a_type_object_must_come_from_a_metatype() {
    let ty = ObjRef::new(&PLAIN, Meta).expect("alloc");
    let _ = instance_info().leak_with_type_object(&ty);
}

#[derive(Debug)]
struct Other(#[allow(dead_code)] u64);
impl Body for Other {}

/// `__class__` assignment: the instance's reference moves to the new type object, the
/// old one is freed when that was its last user, and a descriptor of other storage is
/// refused without any change.
#[test]
fn set_type_info_moves_the_type_object_reference() {
    let base = allocated_blocks();
    let old_ty = ObjRef::new(&META, Meta).expect("alloc");
    let new_ty = ObjRef::new(&META, Meta).expect("alloc");
    let old_info = instance_info().leak_with_type_object(&old_ty);
    let new_info = instance_info().leak_with_type_object(&new_ty);
    let other_info = TypeInfo::new("other", BodyVTable::of::<Other>())
        .gc(no_refs)
        .leak_with_type_object(&new_ty);
    let no_gc = TypeInfo::new("nogc", BodyVTable::of::<Inst>()).leak_with_type_object(&new_ty);
    let a = ObjRef::new(old_info, Inst(1)).expect("alloc");
    assert_eq!((old_ty.refcnt(), new_ty.refcnt()), (2, 1));
    assert!(!a.as_obj().set_type_info(other_info), "another body type");
    assert!(!a.as_obj().set_type_info(no_gc), "no GC head");
    assert_eq!((old_ty.refcnt(), new_ty.refcnt()), (2, 1));
    assert!(a.as_obj().set_type_info(new_info));
    assert_eq!((old_ty.refcnt(), new_ty.refcnt()), (1, 2));
    assert!(
        a.as_obj()
            .type_object()
            .is_some_and(|t| t.addr() == new_ty.as_obj().addr())
    );
    // The old class goes once nothing uses it; its descriptor is then refused.
    drop(old_ty);
    assert!(!a.as_obj().set_type_info(old_info));
    drop(a);
    assert_eq!(new_ty.refcnt(), 1);
    drop(new_ty);
    assert_eq!(allocated_blocks(), base);
}
