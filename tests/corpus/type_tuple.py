# tuples
t = (1, 2, 3, 2, 1)
print(t, len(t), t[0], t[-1], t[1:3], t.count(2), t.index(3), t + (4,), t * 2, 2 in t)
print((), (1,), tuple(), tuple([1, 2]), tuple("ab"), tuple(range(3)), tuple({1: 2}))
a = 1, 2
print(a, type(a).__name__, (1) == 1, (1,) == 1)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested, len(nested))
print((1, 2) < (1, 3), (1, 2) < (1, 2, 3), (2,) > (1, 9, 9), (1, "a") == (1, "a"), max([(1, 2), (1, 3), (0, 9)]))
print(hash((1, 2)) == hash((1, 2)), hash(()), hash((1,)), hash((1, 2, 3)), hash(((1, 2), 3)))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
l = [1]
tt = (l, 2)
l.append(3)
print(tt)
try:
    tt[0] += [4]
except TypeError as e:
    print("TypeError:", e)
print(tt)
from collections import namedtuple
Point = namedtuple("Point", "x y")
p = Point(3, 4)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), Point._fields, tuple(p), p == (3, 4))
x, y = p
print(x + y, sum(p), sorted([Point(2, 1), Point(1, 2)]))
print(tuple(i * i for i in range(5)), tuple(reversed(t)), sorted(t), min(t), max(t), sum(t))
print(repr((1, "a", None, 2.5)), str(("x",)), (1, 2) + tuple([3]))
d = {(1, 2): "a", (3,): "b"}
print(d[(1, 2)], d[3,])
