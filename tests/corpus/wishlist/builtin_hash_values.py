# hash() of ints, floats, tuples, frozensets, bools, None-like values (deterministic across runs)
ints = [0, 1, -1, -2, 2, 100, -100, 2 ** 31, 2 ** 32, 2 ** 61 - 2, 2 ** 61 - 1, 2 ** 61, 2 ** 62, 2 ** 64, -(2 ** 64), 10 ** 20, -(10 ** 20), 2 ** 200]
print([hash(i) for i in ints])
floats = [0.0, -0.0, 0.5, 1.5, -1.5, 1e10, 1e300, 1e-300, 3.14159, float("inf"), float("-inf"), 2.0 ** 61, 123.456]
print([hash(f) for f in floats])
print(hash(1) == hash(1.0) == hash(True), hash(0) == hash(0.0) == hash(False), hash(2 ** 61 - 1) == hash(0))
tuples = [(), (0,), (1,), (1, 2), (2, 1), (1, 2, 3), ((1, 2), 3), (1, (2, 3)), (-1,), (-1, -1), (1.5, "x".__len__()), (True, None is None)]
print([hash(t) for t in tuples])
print(hash(frozenset()), hash(frozenset([1])), hash(frozenset([1, 2, 3])), hash(frozenset(range(10))), hash(frozenset([(1, 2)])))
print(hash(complex(1, 2)), hash(complex(0, 1)), hash(1 + 0j) == hash(1))
from fractions import Fraction
from decimal import Decimal
print(hash(Fraction(1, 3)), hash(Fraction(5, 1)) == hash(5), hash(Decimal("0.5")) == hash(0.5), hash(Decimal(7)))
print(hash(range(3)) == hash(range(0, 3, 1)), hash(range(0)) == hash(range(5, 5)))
class H:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return self.v
print(hash(H(5)), hash(H(-1)), hash(H(2 ** 64)), hash(H(-(2 ** 70))))
class BadHash:
    def __hash__(self):
        return "no"
try:
    hash(BadHash())
except TypeError as e:
    print("TypeError:", e)
for v in ([], {}, set(), bytearray()):
    try:
        hash(v)
    except TypeError as e:
        print("TypeError:", e)
print(sorted({hash(i) % 8 for i in range(100)}), len({hash((i, i)) for i in range(1000)}))
