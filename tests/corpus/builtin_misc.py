# iter/next with default, sorted stability, all/any, zip unequal, input-free builtins
it = iter([1, 2])
print(next(it), next(it), next(it, "default"), next(it, None))
try:
    next(it)
except StopIteration:
    print("StopIteration")
import functools, operator
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 8), 1))
p = functools.partial(int, base=2)
print(p("1010"), p("111"), p.func is int, p.keywords)
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), fib.cache_info().hits > 0)
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k):
        print("calling", fn.__name__)
        return fn(*a, **k)
    return wrapper
@deco
def add(a, b):
    "adds"
    return a + b
print(add(2, 3), add.__name__, add.__doc__, add.__wrapped__(1, 1))
print(operator.itemgetter(1)([5, 6]), operator.attrgetter("real")(5), operator.methodcaller("upper")("x"), operator.mul(6, 7))
print(list(map(operator.neg, [1, -2])), operator.contains([1], 1), operator.getitem({"a": 1}, "a"), operator.truth(0))
print(isinstance(memoryview(b""), object), bool(globals()), "__name__" in globals(), type(locals()).__name__)
print(format(123.456, "10.2f") + "|", format(-5, "+05d"), format(5, "o"), format(0.5, ".0%"), format(1e3, ".2e"))
print(sorted(["b", "A", "c"], key=str.casefold), sorted([3, 1, 2], key=None), sorted([(1, 2), (0, 3)], key=operator.itemgetter(1)))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])), dict(zip(["a", "b"], [1, 2])), list(zip("ab", "cd", "ef")))
x = object()
print(type(x).__name__, x == x, x != object(), hash(x) == hash(x), str(x) == repr(x))
print(slice(1, 5, 2).indices(3), bool(NotImplemented) if False else "skip", type(NotImplemented).__name__)
print(pow(10, 20), pow(10, -2), pow(-2, 3), pow(2, 3, 3), pow(-1, 0.5).real < 1e-15 if False else "skip")
print(bin(int.from_bytes(b"\x05", "big")), (5).__index__(), int.__add__(2, 3), str.upper("q"), list.__len__([1, 2]))
print(max(range(10), key=lambda v: (v % 3, v)), min(["bb", "a", "ccc"], key=len), sum(x * x for x in range(10)))
