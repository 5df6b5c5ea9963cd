# get_referents traversal order for builtin containers
import gc
print(gc.get_referents([1, 'a', None]))
print(gc.get_referents((1, 'a', None)))
print(gc.get_referents({'x': 1, 'y': 2}))
print(gc.get_referents({1: 'a', 2: 'b'}))
print(gc.get_referents(1, 'abc', 2.5))
print(gc.get_referents())
print(gc.get_referents([1], (2,)))
print(sorted(gc.get_referents({3, 1, 2})))
class C:
    pass
c = C()
c.a = 'A'
c.b = 'B'
r = gc.get_referents(c)
print(r[:-1], r[-1] is C)
class S:
    __slots__ = ('p', 'q')
s = S()
s.p = 'P'
s.q = 'Q'
r = gc.get_referents(s)
print(r[:-1], r[-1] is S)
print(gc.get_referents([1, 1, 1]))
