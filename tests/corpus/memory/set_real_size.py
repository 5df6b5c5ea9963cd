# The bytes a set really occupies: tracemalloc sees the object (with its inline
# eight-slot table) and, past five keys, the separate table block.
import sys
import tracemalloc

N = 1000
keep = [None] * N


def traced_per_object(make):
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(N):
        keep[i] = make(i)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    for i in range(N):
        keep[i] = None
    return round((after - before) / N)


cases = [
    ("set()", lambda i: set()),
    ("{-1}", lambda i: {-1}),
    ("5 keys", lambda i: {-1, -2, -3, -4, -5}),
    ("6 keys", lambda i: {-1, -2, -3, -4, -5, -6}),
    ("frozenset of 5", lambda i: frozenset((-1, -2, -3, -4, -5))),
    ("20 keys", lambda i: set(range(-20, 0))),
]
traced_per_object(lambda i: set())  # warm up: first-call allocations
for name, make in cases:
    print(name, sys.getsizeof(make(0)), traced_per_object(make))

s = set()
sizes = []
for k in range(40):
    sizes.append(sys.getsizeof(s))
    s.add(-k - 1000)
print(sizes)
s.clear()
print("after clear", sys.getsizeof(s), len(s))
