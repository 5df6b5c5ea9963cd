# sys.getsizeof of core objects (must match CPython 3.11 exactly; see spec section 7)
import sys
gs = sys.getsizeof
print("None", gs(None), "Ellipsis", gs(...), "NotImplemented", gs(NotImplemented), "object", gs(object()))
print("ints", [gs(v) for v in (True, False, 0, 1, -1, 2 ** 30 - 1, 2 ** 30, 2 ** 60 - 1, 2 ** 60, 2 ** 90, 2 ** 120, -(2 ** 100), 10 ** 100)])
print("floats", gs(1.0), gs(-0.0), gs(float("inf")), "complex", gs(1j))
print("str", [gs(s) for s in ("", "a", "abc", "a" * 100, "\xe9", "\xe9" * 2, "\u20ac", "\u20ac" * 2, "\U0001F600", "\U0001F600" * 2)])
print("str lens", [gs("x" * n) for n in (0, 1, 7, 8, 15, 16, 100, 1000)])
print("bytes", gs(b""), gs(b"abc"), gs(b"x" * 100), gs(bytes(10)))
print("bytearray", gs(bytearray()), gs(bytearray(b"abc")))
print("tuple", gs(()), gs((1,)), gs((1, 2, 3)), gs(tuple(range(10))))
print("list literal", gs([]), gs([1]), gs([1, 2, 3]), gs([None] * 10))
l = []
sizes = []
for i in range(80):
    l.append(i)
    sizes.append(gs(l))
print("list append growth", sorted(set(sizes)))
print("list(range(n))", [gs(list(range(n))) for n in range(12)])
print("comprehension", [gs([x for x in range(n)]) for n in (0, 1, 5, 9, 17)])
l = list(range(100))
pops = []
while l:
    l.pop()
    pops.append(gs(l))
print("pop shrink", sorted(set(pops), reverse=True))
print("dict", gs({}), [gs({i: i for i in range(n)}) for n in (1, 5, 6, 10, 11, 21, 22, 42, 43, 85, 86)])
print("dict str keys", [gs({"k%d" % i: i for i in range(n)}) for n in (1, 5, 6, 10, 11, 21, 22)])
d = {i: i for i in range(50)}
d.clear()
print("cleared dict", gs(d))
print("set", gs(set()), gs(frozenset()), gs(frozenset({1})), [gs(set(range(n))) for n in (4, 5, 18, 19, 76, 77)])
print("range", gs(range(10)), gs(range(10 ** 20)), "slice", gs(slice(1)))
class Plain:
    pass
class Slots2:
    __slots__ = ("a", "b")
class Slots0:
    __slots__ = ()
class SlotsDict:
    __slots__ = ("a", "b", "__dict__")
class L(list):
    pass
class I(int):
    pass
print("instances", gs(Plain()), gs(Slots2()), gs(Slots0()), gs(SlotsDict()), gs(L()), gs(I(5)))
def fn():
    pass
def outer():
    v = 1
    def inner():
        return v
    return inner
print("function", gs(fn), gs(lambda: 0), gs(outer()), "builtin method", gs([].append), "bound method", gs(Plain().__init__))
def gen0():
    yield 1
def gen4(a, b):
    c = a + b
    d = c * 2
    yield d
print("generators", gs(gen0()), gs(gen4(1, 2)))
print("types", gs(int), gs(type), "module sys", gs(sys), "builtin len", gs(len))
print("class", gs(Plain))
print("exceptions", gs(ValueError()), "memoryview", gs(memoryview(b"ab")))
print("staticmethod", gs(staticmethod(fn)), "property", gs(property()), "super", gs(super(Plain, Plain())))
print("iterators", gs(enumerate([])), gs(zip()), gs(map(str, [])), gs(iter([])))
print("getsizeof default", gs(1, 99))
class BadSizeof:
    def __sizeof__(self):
        return -1
class StrSizeof:
    def __sizeof__(self):
        return "big"
class GoodSizeof:
    def __sizeof__(self):
        return 1000
print("custom", gs(GoodSizeof()))
try:
    gs(BadSizeof())
except ValueError as e:
    print("ValueError:", e)
try:
    gs(StrSizeof())
except TypeError as e:
    print("TypeError:", e)
print(gs(StrSizeof(), 7))
ba = bytearray()
bs = []
for i in range(90):
    ba.append(1)
    bs.append(gs(ba))
print("bytearray growth", sorted(set(bs)))
