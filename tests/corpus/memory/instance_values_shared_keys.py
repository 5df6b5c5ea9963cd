# CPython 3.11 keeps instance attributes in a values array sized by the class's shared
# keys: traversal goes by key index, and once the keys have no room left a new name
# gives that one instance a real __dict__.
import gc
import sys


class P:
    def __init__(self):
        self.a = 1
        self.b = 2


ps = [P() for _ in range(100)]
p = ps[-1]
print(gc.get_referents(p))
p.c = 3
print(gc.get_referents(p))
p.d = 4
print(gc.get_referents(p))
print(p.__dict__, sys.getsizeof(p))
q = P()
q.c = 5
print(gc.get_referents(q))
print(vars(q))
del q.a
print(gc.get_referents(q), vars(q))
q.a = 6
print(gc.get_referents(q), vars(q))


class Q:
    pass


q = Q()
q.y = [2]
q.x = [1]
print(gc.get_referents(q), list(vars(q)))
for i in range(35):
    setattr(q, "k%d" % i, i)
print(len(gc.get_referents(q)), len(vars(q)), gc.is_tracked(q.__dict__))


class S:
    __slots__ = ("u", "v", "__dict__")


s = S()
s.v = "v"
s.w = "w"
print(gc.get_referents(s)[:2], vars(s))
del s.v
try:
    del s.v
except AttributeError as e:
    print("AttributeError", e)
