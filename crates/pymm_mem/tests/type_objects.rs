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
