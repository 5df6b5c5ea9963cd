# A generator is one block laid out as CPython 3.11's: its getsizeof grows with the
# frame's variables and value stack, stays the same while it runs and after it
# finishes, and tracemalloc charges that one block to the line that made it.
import gc
import sys
import tracemalloc
import weakref


def empty():
    yield 1


def wide(a, b, c):
    x = a + b
    y = [x, c]

    def inner():
        return x

    yield x
    yield (a, b, c, x, y, inner)


def nested(n):
    for i in range(n):
        yield [[i, [i, (i, i)]]]


for f, args in ((empty, ()), (wide, (1, 2, 3)), (nested, (3,))):
    c = f.__code__
    g = f(*args)
    before = sys.getsizeof(g)
    slots = c.co_nlocals + len(c.co_cellvars) + len(c.co_freevars) + c.co_stacksize
    print(f.__name__, before, before == 168 + 8 * slots)
    for v in g:
        assert sys.getsizeof(g) == before
    print(" after", sys.getsizeof(g), g.gi_frame)

print("genexpr", sys.getsizeof(x for x in range(3)))
print("genexpr 2", sys.getsizeof((x, y) for x in range(3) for y in range(x)))


# tracemalloc charges a generator's getsizeof to the line that creates it.
gens = [None] * 50
tracemalloc.start()
for i in range(50): gens[i] = wide(i, i, i)
snap = tracemalloc.take_snapshot()
tracemalloc.stop()
line = sys._getframe().f_lineno - 3
here = sum(t.size for t in snap.traces if t.traceback[0].lineno == line)
print("traced per generator", here // 50, sys.getsizeof(gens[0]))


# The suspended frame's variables are the generator's references.
def keeper():
    held = [1, 2, 3]
    yield
    yield held


k = keeper()
next(k)
print([type(r).__name__ for r in gc.get_referents(k)])
print(next(k))


# A cycle through a suspended frame's variable is collected.
def selfish():
    me = yield
    while True:
        yield me


gc.collect()
s = selfish()
next(s)
s.send(s)
r = weakref.ref(s)
del s
print("alive", r() is not None)
print("collected", gc.collect(), r())
