# obj.__class__ = cls: the checks and errors of object_set_class, the type-object
# references moving between classes (getrefcount), methods and __del__ of the new class,
# and the attributes (moved into a real dict) staying.
import sys, gc
class A:
    def f(self): return "A.f"
class B:
    def f(self): return "B.f"
    def __del__(self): print("B.__del__")
class S:
    __slots__ = ("x",)
class S2:
    __slots__ = ("x",)
class S3:
    __slots__ = ("y",)
a = A(); a.v = 1; a.w = 2
print(sys.getrefcount(A), sys.getrefcount(B))
a.__class__ = B
print(type(a).__name__, a.f(), a.v, a.w, a.__dict__, isinstance(a, B), isinstance(a, A))
print(sys.getrefcount(A), sys.getrefcount(B))
for bad in [int, 1, S]:
    try:
        a.__class__ = bad
    except TypeError as e:
        print("TypeError:", e)
s = S(); s.x = 5
s.__class__ = S2
print(type(s).__name__, s.x)
try:
    s.__class__ = S3
except TypeError as e:
    print("TypeError:", e)
try:
    del a.__class__
except TypeError as e:
    print("TypeError:", e)
try:
    (1).__class__ = bool
except TypeError as e:
    print("TypeError:", e)
b2 = B()
b2.__class__ = A
del b2
print("after del b2")
del a
print("end")

# Through setattr() and object.__setattr__, and the attribute caches of a loop that
# sees the object before and after.
class P:
    def who(self):
        return "P"
class Q:
    def who(self):
        return "Q"
p = P()
p.n = 0
seen = []
for i in range(4):
    seen.append((p.who(), p.n))
    p.n += 1
    if i == 1:
        setattr(p, "__class__", Q)
    if i == 2:
        object.__setattr__(p, "__class__", P)
print(seen, p.__dict__)

# A cycle through an object whose class changed is collected with it; the old class
# dies once nothing uses it.
import weakref
def make():
    class Old:
        pass
    class New:
        pass
    x = Old()
    x.self = x
    x.__class__ = New
    return weakref.ref(Old), weakref.ref(New), weakref.ref(x)
old, new, x = make()
gc.collect()
print(old() is None, new() is None, x() is None)
print(sys.getsizeof(P()) == sys.getsizeof(Q()))
