# An instance of a class defined in Python is CPython 3.11's 56 bytes (GC head, the
# values and dict pointers, header, __weakref__) plus its values array: tracemalloc
# sees the same blocks, and materialising __dict__ makes a dict of its own.
import sys
import tracemalloc


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Mixed:
    __slots__ = ("a", "__dict__")

    def __init__(self):
        self.a = 1
        self.b = 2


def traced_per_object(make, n=200):
    keep = [None] * n
    tracemalloc.start()
    before = tracemalloc.get_traced_memory()[0]
    for i in range(n):
        keep[i] = make(i)
    after = tracemalloc.get_traced_memory()[0]
    tracemalloc.stop()
    return (after - before) / n, keep


for _ in range(3):  # the classes' shared keys settle
    Point(0, 0), Mixed()

per, points = traced_per_object(lambda i: Point(i + 1000, i + 2000))
print("Point", sys.getsizeof(points[0]), round(per, 1))
mixed = [Mixed() for i in range(3)]
print("Mixed", sys.getsizeof(mixed[0]))
per, plain = traced_per_object(lambda i: object())
print("object", sys.getsizeof(plain[0]), round(per, 1))

# Asking for __dict__ moves the values into a dict of their own.
tracemalloc.start()
before = tracemalloc.get_traced_memory()[0]
dicts = [p.__dict__ for p in points[:50]]
grown = (tracemalloc.get_traced_memory()[0] - before) / 50
tracemalloc.stop()
print("materialised", grown > 0, points[0].x, vars(points[1]))
points[2].z = 3
print(sorted(vars(points[2])), mixed[0].a, vars(mixed[0]))
