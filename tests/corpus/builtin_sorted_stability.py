# sorted/min/max: stability, reverse stability, keys returning tuples, errors
recs = [("b", 2), ("a", 2), ("c", 1), ("d", 3), ("e", 1), ("f", 2)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(list(reversed(sorted(recs, key=lambda r: r[1]))))
print(sorted(sorted(recs), key=lambda r: r[1]), sorted(recs, key=lambda r: (r[1], r[0])))
print(min(recs, key=lambda r: r[1]), max(recs, key=lambda r: r[1]), min([3, 1, 1.0, True]), max([1, 1.0, True]))
print(max([[1], [1, 0], [0, 9]]), min("banana"), max("apple", "apricot"), min((2, "b"), (2, "a")), max(range(5), key=lambda x: x % 3))
calls = []
def key(x):
    calls.append(x)
    return -x
print(sorted([3, 1, 2], key=key), calls)
data = list(range(20))
print(sorted(data, key=lambda x: x % 4), sorted(data, key=lambda x: x % 4, reverse=True)[:8])
class NoLt:
    pass
try:
    sorted([NoLt(), NoLt()])
except TypeError as e:
    print("TypeError:", e)
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min(1, 2, key=None, default=0)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, 2], cmp=None)
except TypeError as e:
    print("TypeError:", e)
import functools
def cmp(a, b):
    return (a > b) - (a < b)
print(sorted([5, 2, 9], key=functools.cmp_to_key(lambda a, b: cmp(b, a))), sorted(["B", "a", "C"], key=str.lower))
l = [5, 4, 3]
try:
    l.sort(key=lambda x: (l.append(x), x)[1])
except ValueError as e:
    print("ValueError:", e)
print(sorted([0.0, -0.0, 0]), sorted([-0.0, 0.0]), max(0.0, -0.0), min(-0.0, 0.0))
nan = float("nan")
print(sorted([3, nan, 1]) == sorted([3, nan, 1]) or "nan-dependent", max(nan, 1), max(1, nan))
