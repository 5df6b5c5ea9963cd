# Instances of classes whose __slots__ leave out __dict__ and __weakref__ keep the slot
# values in the object itself (CPython's layout): sizes, tracemalloc, gc, weakrefs,
# inheritance, __class__ assignment, copying and deletion behave as in CPython.
import copy
import gc
import sys
import tracemalloc
import weakref


class P:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class P3(P):
    __slots__ = ("z",)


class Many:
    __slots__ = tuple("abcdefghij")


class WithDict:
    __slots__ = ("x", "__dict__")


class WithWeak:
    __slots__ = ("x", "__weakref__")


class Plain:
    def __init__(self):
        self.x = 1


class Del:
    __slots__ = ("v",)

    def __del__(self):
        print("Del.__del__", self.v if isinstance(self.v, str) else type(self.v).__name__)


for cls in (P, P3, Many, WithDict, WithWeak, Plain):
    print(cls.__name__, sys.getsizeof(cls.__new__(cls)), cls.__basicsize__, cls.__itemsize__)

# Memory actually taken per instance: the slots save what the seeds say they save.
tracemalloc.start()
keep = [None] * 2000
base = tracemalloc.get_traced_memory()[0]
for i in range(2000):
    keep[i] = P(None, None)
print("P bytes per instance", round((tracemalloc.get_traced_memory()[0] - base) / 2000))
tracemalloc.stop()
del keep

p = P(1, 2)
q = P3(3, 4)
q.z = 5
print(p.x, p.y, q.x, q.y, q.z)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    del p.x
except AttributeError as e:
    print("AttributeError:", e)
try:
    p.w = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    weakref.ref(p)
except TypeError as e:
    print("TypeError:", e)
try:
    vars(p)
except TypeError as e:
    print("TypeError:", e)
print(hasattr(p, "__dict__"), "x" in dir(q), "z" in dir(q))
print(P.x.__get__(q), P3.z.__get__(q))

# Referents, tracking and cycles.
gc.collect()
a = P(None, None)
b = P(a, None)
a.x = b
print(gc.is_tracked(a), [type(r).__name__ for r in gc.get_referents(a)])
print(len(gc.get_referents(b)), gc.get_referents(b)[0] is a)
r = WithWeak()
w = weakref.ref(r)
r.x = r
del a, b, r
print(gc.collect(), w())

# __del__ and resurrection-free teardown, through refcounting and through the collector.
d = Del()
d.v = "refcount"
del d
gc.collect()
d = Del()
d.v = d
del d
print("collected", gc.collect())

# __class__ assignment between compatible layouts only.
class Q:
    __slots__ = ("x", "y")

q2 = P(7, 8)
q2.__class__ = Q
print(type(q2).__name__, q2.x, q2.y)
try:
    q2.__class__ = P3
except TypeError as e:
    print("TypeError:", e)
try:
    Plain().__class__ = P
except TypeError as e:
    print("TypeError:", e)

# copy uses the slots.
c = copy.copy(P(1, [2]))
print(c.x, c.y, type(c).__name__)
dc = copy.deepcopy(P3(1, [2]))
print(dc.x, dc.y, hasattr(dc, "z"))
m = Many()
for i, n in enumerate("abcdefghij"):
    setattr(m, n, i)
print(sum(getattr(m, n) for n in "abcdefghij"), sys.getsizeof(m))

# gc.get_referents visits each class's own slots, the most derived class first.
o = P3("x", "y")
o.z = "z"
print([r if isinstance(r, str) else type(r).__name__ for r in gc.get_referents(o)])
