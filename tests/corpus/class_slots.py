# __slots__
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__, type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
del p.x
try:
    p.x
except AttributeError as e:
    print("AttributeError:", e)
p.x = 10
print(p.x)
class Q(P):
    pass
q = Q(1, 2)
q.z = 3
print(q.z, hasattr(q, "__dict__"), vars(q))
class R(P):
    __slots__ = ("w",)
r = R(1, 2)
r.w = 5
print(r.x, r.w, hasattr(r, "__dict__"))
try:
    r.other = 1
except AttributeError as e:
    print("AttributeError:", e)
class D:
    __slots__ = ("a", "__dict__")
d = D()
d.a = 1
d.b = 2
print(d.a, d.__dict__)
class E:
    __slots__ = ()
try:
    E().x = 1
except AttributeError as e:
    print("AttributeError:", e)
class WithWeak:
    __slots__ = ("v", "__weakref__")
import weakref
ww = WithWeak()
ref = weakref.ref(ww)
print(ref() is ww)
try:
    weakref.ref(P(1, 2))
except TypeError as e:
    print("TypeError:", e)
class ClassVarConflict:
    __slots__ = ("a",)
print(sorted(n for n in dir(P) if not n.startswith("__")))
import sys
print(sys.getsizeof(P(1, 2)), sys.getsizeof(E()), sys.getsizeof(d))
class Point3:
    __slots__ = "x", "y", "z"
    def __init__(self, *c):
        self.x, self.y, self.z = c
    def __repr__(self):
        return "Point3(%r, %r, %r)" % (self.x, self.y, self.z)
    def __eq__(self, o):
        return (self.x, self.y, self.z) == (o.x, o.y, o.z)
pts = [Point3(i, i * 2, i * 3) for i in range(5)]
print(pts, pts[2] == Point3(2, 4, 6))
try:
    class Bad:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
