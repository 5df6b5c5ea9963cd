# gc.is_tracked rules (spec 4.5)
import gc
gc.disable()
t = gc.is_tracked
print("atomic", [t(v) for v in (None, 1, True, 1.5, 1j, "s", b"b", bytearray(), range(3), object(), int, ())])
class U:
    pass
class Sl:
    __slots__ = ()
class IntSub(int):
    pass
def fn():
    pass
def g():
    yield 1
print("containers", [t(v) for v in ([], set(), frozenset(), U(), Sl(), IntSub(3), fn, U, slice(1), g(), iter([]))])
print("dicts", t({}), t({1: 2}), t(dict(a=1)), t(dict.fromkeys("ab")), t({1: []}), t({"a": U()}))
d = {}
d["x"] = 1
print("dict atomic insert", t(d))
d["y"] = []
print("dict after list insert", t(d))
del d["y"]
print("still tracked", t(d))
gc.collect(1)
print("after collect(1)", t(d))
gc.collect()
print("after full collect", t(d))
tp = tuple([1, 2])
print("tuple before", t(tp))
gc.collect(0)
print("tuple after collect(0)", t(tp))
nested = tuple([tuple([1]), 2])
gc.collect(0)
print("nested once", t(nested))
gc.collect(0)
print("nested twice", t(nested))
tl = tuple([[], 1])
gc.collect()
print("tuple holding list", t(tl))
print("literal tuple", t((1, 2)), t((1, [])))
inst = U()
print("instance", t(inst), t(inst.__dict__))
inst.lst = []
print("instance dict with list", t(inst.__dict__))
print("copy", t({1: []}.copy()), t({1: 2}.copy()))
print("finalized", gc.is_finalized(U()))
