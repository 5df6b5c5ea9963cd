# Sorting tuples compares item by item: identity, then ==, then < on the first items
# that differ; NaNs, mixed types, subclasses and user classes behave as in CPython.
nan = float("nan")
data = [(3, "b"), (1, "z"), (3, "a"), (2, "y"), (1, "a"), (2,), (), (3, "a", 0)]
print(sorted(data))
print(sorted(data, reverse=True))
f = [(1.5, 2), (nan, 1), (0.5, 3), (nan, 0), (1.5, 1)]
print(sorted(f))
print(sorted([(nan, 2), (nan, 1)]))
print(sorted([(1, 2.0), (1, 1), (1.0, 0), (True, 5)]))
print(sorted([("b", 1), ("a", 2), ("a", 1), ("ab", 0)]))


class Loud:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other.v)
        return self.v == other.v

    def __lt__(self, other):
        print("lt", self.v, other.v)
        return self.v < other.v

    def __repr__(self):
        return "L%d" % self.v

    __hash__ = None


print(sorted([(1, Loud(2)), (1, Loud(1)), (0, Loud(3))]))


class I(int):
    pass


print(sorted([(I(2), "x"), (I(1), "y"), (2, "a")]))
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
print(sorted([(v % 7, str(v), v) for v in range(30)])[:6])
