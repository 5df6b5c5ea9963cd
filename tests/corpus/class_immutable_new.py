# __new__ for immutable subclasses (tuple, str, int, float, frozenset)
class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
    def __repr__(self):
        return f"Pair{tuple.__repr__(self)}"
p = Pair(1, 2)
print(p, p.first, p[1], len(p), p + (3,), type(p + (3,)).__name__, isinstance(p, tuple), hash(p) == hash((1, 2)))
class Upper(str):
    def __new__(cls, s):
        return super().__new__(cls, s.upper())
    def shout(self):
        return self + "!"
u = Upper("hello")
print(u, u.shout(), type(u).__name__, type(u.shout()).__name__, u == "HELLO", u.lower(), len(u))
class Celsius(float):
    def __new__(cls, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        return super().__new__(cls, v)
    def to_f(self):
        return self * 9 / 5 + 32
c = Celsius(100)
print(c, c.to_f(), c + 1, type(c + 1).__name__, repr(c))
try:
    Celsius(-300)
except ValueError as e:
    print("ValueError:", e)
class Even(int):
    def __new__(cls, v):
        return super().__new__(cls, v - v % 2)
print(Even(7), Even(8), Even(7) + 1, type(Even(3) * 2).__name__, Even(9) == 8, str(Even(5)), f"{Even(11):03d}")
class Tags(frozenset):
    def __new__(cls, *tags):
        return super().__new__(cls, (t.lower() for t in tags))
t = Tags("A", "b", "B")
print(sorted(t), len(t), "a" in t, type(t | {"z"}).__name__)
class Cached:
    _cache = {}
    def __new__(cls, key):
        if key not in cls._cache:
            print("creating", key)
            inst = super().__new__(cls)
            inst.key = key
            cls._cache[key] = inst
        return cls._cache[key]
    def __init__(self, key):
        print("init", key)
a1, a2, b1 = Cached("a"), Cached("a"), Cached("b")
print(a1 is a2, a1 is b1)
class NoInit:
    def __new__(cls):
        return 42
print(NoInit(), type(NoInit()).__name__)
class Point3(tuple):
    __slots__ = ()
    def __new__(cls, x, y, z):
        return super().__new__(cls, (x, y, z))
    x = property(lambda s: s[0])
print(Point3(1, 2, 3).x, hasattr(Point3(1, 2, 3), "__dict__"))
