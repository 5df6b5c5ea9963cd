# functools: reduce, partial, lru_cache, total_ordering, singledispatch, wraps, cache
import functools
print(functools.reduce(lambda a, b: a * b, range(1, 10)), functools.reduce(max, [3, 9, 2], 0), functools.reduce(lambda a, b: a + [b], "abc", []))
pw = functools.partial(pow, 2)
print(pw(10), pw(5), functools.partial(sorted, reverse=True)([3, 1, 2]), repr(functools.partial(int, base=16).keywords))
@functools.lru_cache(maxsize=3)
def sq(n):
    print("computing", n)
    return n * n
for n in (1, 2, 1, 3, 4, 1, 2):
    sq(n)
print(sq.cache_info())
sq.cache_clear()
print(sq.cache_info())
@functools.cache
def fact(n):
    return 1 if n < 2 else n * fact(n - 1)
print(fact(30), fact.cache_info().currsize)
@functools.total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return ".".join(map(str, self.parts))
vs = [Version(s) for s in ("1.10", "1.2", "1.2.1", "0.9")]
print(sorted(vs), max(vs), Version("1.0") >= Version("0.99"), Version("2.0") <= Version("2.0"))
@functools.singledispatch
def describe(x):
    return "object"
@describe.register
def _(x: int):
    return "int %d" % x
@describe.register(list)
def _(x):
    return "list of %d" % len(x)
@describe.register(str)
def _(x):
    return "str " + x
print(describe(5), describe([1, 2]), describe("s"), describe(2.5), describe(True))
def deco(f):
    @functools.wraps(f)
    def w(*a, **k):
        return f(*a, **k)
    return w
@deco
def documented(x):
    """Doc string."""
    return x
print(documented.__name__, documented.__doc__, documented.__wrapped__.__name__)
print(functools.cmp_to_key(lambda a, b: a - b)(3) < functools.cmp_to_key(lambda a, b: a - b)(4))
class C:
    @functools.cached_property
    def val(self):
        print("computing val")
        return 99
c = C()
print(c.val, c.val)
pm = functools.partialmethod
class D:
    def set(self, k, v):
        return (k, v)
    set_a = pm(set, "a")
print(D().set_a(1))
