# special methods: repr/str/eq/lt/hash/len/bool/iter/getitem/setitem/contains/call
import functools
@functools.total_ordering
class V:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __repr__(self):
        return "V(" + ", ".join(map(repr, self.xs)) + ")"
    def __str__(self):
        return "<" + " ".join(map(str, self.xs)) + ">"
    def __eq__(self, other):
        return isinstance(other, V) and self.xs == other.xs
    def __lt__(self, other):
        return self.xs < other.xs
    def __hash__(self):
        return hash(tuple(self.xs))
    def __len__(self):
        return len(self.xs)
    def __bool__(self):
        return any(self.xs)
    def __iter__(self):
        return iter(self.xs)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return V(*self.xs[i])
        return self.xs[i]
    def __setitem__(self, i, v):
        self.xs[i] = v
    def __delitem__(self, i):
        del self.xs[i]
    def __contains__(self, v):
        print("contains", v)
        return v in self.xs
    def __call__(self, k):
        return [x * k for x in self.xs]
    def __format__(self, spec):
        return "V[" + ",".join(format(x, spec) for x in self.xs) + "]"
v = V(1, 2, 3)
print(v, repr(v), str(v), [v], f"{v}", f"{v!r}", f"{v:>3}", "%s %r" % (v, v))
print(len(v), bool(v), bool(V(0, 0)), bool(V()), list(v), v[0], v[-1], v[1:], 2 in v, 9 in v)
v[0] = 10
del v[1]
print(v, v(3), V(1) == V(1), V(1) != V(2), V(1) < V(2), V(3) >= V(2), V(1) <= V(1), V(1) == 1)
print(hash(V(1, 2)) == hash((1, 2)), len({V(1), V(1), V(2)}), sorted([V(3), V(1), V(2)]), max(V(5), V(7)))
if V(0):
    print("truthy")
else:
    print("falsy")
a, b = V(4, 5)
print(a, b, *V(7, 8), sum(V(1, 2, 3)), sorted(V(3, 1, 2)), list(reversed(V(1, 2))) if hasattr(V, "__reversed__") else list(reversed(V(1, 2).xs)))
class OnlyGetitem:
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * i
print(list(OnlyGetitem()), 9 in OnlyGetitem(), 5 in OnlyGetitem())
for x in OnlyGetitem():
    print("it", x)
class LenOnly:
    def __len__(self):
        return 0
print(bool(LenOnly()), not LenOnly())
class NoEq:
    pass
n1, n2 = NoEq(), NoEq()
print(n1 == n1, n1 == n2, n1 != n2, hash(n1) == hash(n1))
class EqNoHash:
    def __eq__(self, o):
        return True
try:
    hash(EqNoHash())
except TypeError as e:
    print("TypeError:", e)
print(EqNoHash.__hash__)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadRepr:
    def __repr__(self):
        return 5
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
class Idx:
    def __index__(self):
        return 2
print([10, 20, 30][Idx()], bin(Idx()), range(5)[Idx()], "abc" * Idx())
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        print("eq called"); return NotImplemented
print(Cmp(1) == Cmp(1))
class Lt:
    def __init__(self, v): self.v = v
    def __gt__(self, o):
        print("reflected gt"); return self.v > o.v
class Plain:
    def __init__(self, v): self.v = v
print(Plain(1) < Lt(2))
