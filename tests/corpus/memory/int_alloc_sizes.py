# What tracemalloc sees for new ints: CPython 3.11 sizes an int's block by the path
# that made it (sys.getsizeof counts only the digits in use). A one-digit result of
# arithmetic or PyLong_FromLong takes sizeof(PyLongObject), 32 bytes; len() and the
# other Py_ssize_t results take 28; x_add keeps room for a carry digit; parsing sizes
# for the characters given.
import sys
import tracemalloc

N = 200
keep = [None] * N


def traced(make):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(N):
        keep[i] = make(i)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    sizes = {sys.getsizeof(x) for x in keep}
    for i in range(N):
        keep[i] = None
    return (after - before) / N, sorted(sizes)


L = list(range(5000))
S = "x" * 5000
big = 10**30
two = 2**40
cases = [
    ("medium add", lambda i: i + 1000),
    ("medium mul", lambda i: (i + 50000) * 70000),
    ("range item", lambda i: range(100000)[1000 + i]),
    ("len", lambda i: len(L)),
    ("str.find", lambda i: S.rfind("x")),
    ("list.index", lambda i: L.index(1000 + i)),
    ("bit_length", lambda i: (1 << (i + 300)).bit_length()),
    ("int('5000')", lambda i: int("5000")),
    ("int('1'*19)", lambda i: int("1" * 19)),
    ("int(hex)", lambda i: int("ffffffffff", 16)),
    ("two-digit + medium", lambda i: two + i),
    ("two-digit - medium", lambda i: two - i),
    ("equal tops cancel", lambda i: (two + 5000) - two),
    ("big + medium", lambda i: big + i),
    ("big * medium", lambda i: big * (i + 2)),
    ("big >> 70", lambda i: (big + i) >> 70),
    ("medium << 40", lambda i: (i + 1000) << 40),
    ("medium << 10", lambda i: (i + 1000) << 10),
    ("from_bytes", lambda i: int.from_bytes(b"\x01\x02", "big")),
    ("negation", lambda i: -(two + i)),
]
for name, make in cases:
    per_object, sizes = traced(make)
    print(f"{name:20} traced {per_object:7.2f}  getsizeof {sizes}")
