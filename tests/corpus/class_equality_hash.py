# custom __eq__/__hash__ in dicts and sets; hash of user objects consistent
class Key:
    def __init__(self, a, b):
        self.a, self.b = a, b
    def __eq__(self, other):
        print("eq", self.a, other.a if isinstance(other, Key) else other)
        return isinstance(other, Key) and (self.a, self.b) == (other.a, other.b)
    def __hash__(self):
        return hash((self.a, self.b))
    def __repr__(self):
        return f"Key({self.a},{self.b})"
d = {Key(1, 2): "first"}
print(d[Key(1, 2)])
d[Key(1, 2)] = "replaced"
print(len(d), list(d.values()))
s = {Key(0, 0), Key(0, 0), Key(1, 1)}
print(len(s))
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 42
    def __eq__(self, o):
        return isinstance(o, Collide) and self.v == o.v
    def __repr__(self):
        return "C%d" % self.v
cs = {Collide(i): i for i in range(20)}
print(len(cs), cs[Collide(13)], list(cs)[:3])
del cs[Collide(5)]
print(len(cs), Collide(5) in cs, Collide(6) in cs)
class NaNish:
    def __eq__(self, o):
        return False
    __hash__ = object.__hash__
n = NaNish()
lst = [n]
print(n in lst, lst.count(n), lst.index(n), {n: 1}[n])
class IntLike:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o
    def __hash__(self):
        return hash(self.v)
print({1: "int"}[IntLike(1)] if IntLike(1) in {1: "int"} else "miss", IntLike(2) in {2, 3}, {IntLike(3): "x"}.get(3))
class Mutable:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, o):
        return self.v == o.v
m = Mutable(1)
ms = {m}
m.v = 2
print(m in ms, Mutable(1) in ms, Mutable(2) in ms, len(ms))
class Unhashable:
    __hash__ = None
try:
    {Unhashable()}
except TypeError as e:
    print("TypeError:", e)
class Child(Key):
    pass
print(Key(1, 1) == Child(1, 1), hash(Child(3, 4)) == hash((3, 4)))
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__ is None, EqOnly() == 5, 5 == EqOnly(), EqOnly() != 5)
class NeCustom:
    def __eq__(self, o):
        return "eq-result"
    def __ne__(self, o):
        return "ne-result"
print(NeCustom() == 1, NeCustom() != 1)
