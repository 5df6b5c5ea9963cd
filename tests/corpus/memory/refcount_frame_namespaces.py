# A function's frame borrows its globals from the function (CPython 3.11's
# _PyFrame_InitializeSpecials): nested calls, generators and class bodies do not add
# references to the module dict; the function and its code are counted.
import gc
import sys


def here():
    return sys.getrefcount(globals())


def nested(n):
    return here() if n == 0 else nested(n - 1)


def gen():
    yield sys.getrefcount(globals())
    yield sys.getrefcount(globals())


base = sys.getrefcount(globals())
print(here() - base, nested(5) - base)
g = gen()
print(next(g) - base, next(g) - base)
paused = [gen() for _ in range(3)]
for p in paused:
    next(p)
print(sys.getrefcount(globals()) - base)


class K:
    inside = sys.getrefcount(globals()) - base


print(K.inside)
print(sys.getrefcount(here) - sys.getrefcount(nested), sys.getrefcount(here.__code__))


def f_count():
    return sys.getrefcount(f_count)


print(f_count() - sys.getrefcount(f_count))
print(gc.get_referents(g)[:0], len([r for r in gc.get_referents(g) if r is globals()]))
