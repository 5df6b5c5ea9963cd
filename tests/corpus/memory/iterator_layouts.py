# Built-in iterators: each type's name, size, GC tracking, and what it does when its
# container changes or runs out (CPython 3.11's listiterobject, rangeiterobject,
# dictiterobject, setiterobject, enumobject, zipobject, ...).
import array
import gc
import sys

samples = [
    ("list", iter([1, 2])),
    ("tuple", iter((1, 2))),
    ("range", iter(range(3))),
    ("long range", iter(range(2**70, 2**70 + 3))),
    ("ascii str", iter("ab")),
    ("latin-1 str", iter("é")),
    ("wide str", iter("\u20ac\U0001f600")),
    ("bytes", iter(b"ab")),
    ("bytearray", iter(bytearray(b"ab"))),
    ("array", iter(array.array("i", [1]))),
    ("memoryview", iter(memoryview(b"ab"))),
    ("dict", iter({1: 2})),
    ("dict values", iter({1: 2}.values())),
    ("dict items", iter({1: 2}.items())),
    ("reversed dict", reversed({1: 2})),
    ("reversed values", reversed({1: 2}.values())),
    ("reversed items", reversed({1: 2}.items())),
    ("set", iter({1})),
    ("frozenset", iter(frozenset({1}))),
    ("reversed list", reversed([1])),
    ("reversed tuple", reversed((1,))),
    ("reversed range", reversed(range(3))),
    ("reversed str", reversed("ab")),
    ("enumerate", enumerate([1])),
    ("zip", zip([1], [2])),
    ("map", map(abs, [1])),
    ("filter", filter(None, [1])),
    ("callable", iter(int, 1)),
]
for label, it in samples:
    print(label, type(it).__name__, sys.getsizeof(it), gc.is_tracked(it))

print(type(iter([])) is type(iter([])), type(iter([])) is type(iter(())))

# Contents, forwards and backwards.
print(list(iter("\u20ac\U0001f600é")), list(reversed("abc")))
print(list(reversed(range(-5, 20, 7))), list(reversed(range(0))))
print(list(reversed(range(2**64, 2**64 + 10, 3))))
print(list(range(2**63 - 3, 2**63 + 2)), list(reversed(range(-2**63, -2**63 + 3))))
print(list(reversed(range(2**63 - 3, -2**63, -2**62))))
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
d["d"] = 4
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
print(list(iter(bytearray(b"xyz"))), list(array.array("d", [1.5, 2.5])), list(memoryview(b"hi")))
print(list(enumerate("ab", 2**63 - 1)), list(enumerate("ab", -2)), list(enumerate("ab", True)))
try:
    enumerate([], "a")
except TypeError as e:
    print("TypeError:", e)

# A changed size is an error on every later call too; a dict whose keys changed at
# the same size goes on.
d = {1: 1}
it = iter(d)
d[2] = 2
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError:", e)
s = {1}
it = iter(s)
s.add(2)
for _ in range(2):
    try:
        next(it)
    except RuntimeError as e:
        print("RuntimeError:", e)
d = {1: 1, 2: 2}
it = iter(d)
del d[1]
d[3] = 3
print(list(it))

# Exhaustion releases the container (the iterator's reference is dropped).
data = [1, 2]
before = sys.getrefcount(data)
it = iter(data)
print(sys.getrefcount(data) - before)
list(it)
print(sys.getrefcount(data) - before, list(it))

# A list iterator sees appends; a reverse iterator stops when the list shrinks.
data = [1, 2, 3]
out = []
for x in data:
    out.append(x)
    if x == 1:
        data.append(4)
print(out)
data = [1, 2, 3]
r = reversed(data)
print(next(r))
data.clear()
print(list(r))


# The __getitem__ protocol and the sentinel form.
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10


it = iter(Seq())
print(type(it).__name__, sys.getsizeof(it), list(it), list(it))
counter = iter([1, 2, 3, 4]).__next__
print(list(iter(counter, 3)))

# map re-entered from its own function.
m = None


def f(x):
    if x == 1:
        return (x, next(m))
    return x


m = map(f, [1, 2, 3])
print(list(m))
print(list(zip("ab", range(3))), list(zip()))
try:
    list(zip("ab", "abc", strict=True))
except ValueError as e:
    print("ValueError:", e)

# Range iterators hold ints only: no GC object, no count.
gc.collect()
gc.disable()
c0 = gc.get_count()[0]
its = [iter(range(3)) for _ in range(5)]
print(gc.get_count()[0] - c0)
lits = [iter([]) for _ in range(5)]
print(gc.get_count()[0] - c0)
gc.enable()
