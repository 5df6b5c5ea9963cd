# namedtuple classes are tuple subclasses: isinstance, %-formatting, sizes, copies,
# fields, defaults, subclassing, match; and getsizeof of built-in subclasses with
# __slots__ = ().
from collections import namedtuple
import sys, copy, gc
Point = namedtuple('Point', 'x y')
p = Point(1, y=2)
print(p, isinstance(p, tuple), '%s-%s' % p, p + (3,), type(p + (3,)).__name__, p * 2, p[::-1], len(p), hash(p) == hash((1, 2)))
print(p == (1, 2), p < (1, 3), sorted([Point(2, 1), Point(1, 5)]), max(Point(0, 9), (1, 0)))
print(sys.getsizeof(p), sys.getsizeof((1, 2)), hasattr(p, '__dict__'), gc.is_tracked(p), gc.is_tracked(Point([], 1)))
q = copy.copy(p); r = copy.deepcopy(Point([1], 2))
print(q, q == p, r, type(r).__name__)
print(p._asdict(), p._replace(x=5), Point._make([7, 8]), Point._fields, p.x, p.y, tuple(p), list(p))
x, y = p; print(x, y, Point.__match_args__, Point.__doc__)
try: p.x = 3
except AttributeError as e: print('AttributeError:', e)
try: Point(1)
except TypeError as e: print('TypeError:', e)
P3 = namedtuple('P3', 'a b c', defaults=(0,))
print(P3(1, 2), P3._field_defaults, P3(1, 2, 3).c)
class Sub(Point):
    __slots__ = ()
    def norm(self): return (self.x ** 2 + self.y ** 2) ** 0.5
print(Sub(3, 4).norm(), Sub(3, 4), isinstance(Sub(3, 4), Point))
match Point(1, 2):
    case Point(x=1, y=yy):
        print('matched', yy)
print({p: 'v'}[(1, 2)], p.count(1), p.index(2), 1 in p, str(p), repr(p))
for b in (list, dict, tuple, float, bytes):
    T = type("T", (b,), {"__slots__": ()})
    print(b.__name__, sys.getsizeof(T()))
