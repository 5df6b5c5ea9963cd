# cycles through many kinds of containers, each collected by gc.collect()
import weakref
import gc, sys
gc.disable()
gc.collect()
def report(label):
    print(f"{label:<40}", gc.collect())
class T:
    def method(self):
        return 1
d = {}; d["v"] = [d]
del d
report("dict -> list -> dict")
s = T(); s.items = {frozenset([1]): s}
del s
report("instance -> dict value -> instance")
def make_recursive_closure():
    def f(n):
        return 0 if n == 0 else f(n - 1)
    return f
f = make_recursive_closure()
del f
report("closure referring to itself (cell)")
t = T(); t.m = t.method
del t
report("instance holding its bound method")
def gen():
    g = yield
    yield g
g = gen(); next(g); g.send(g)
gref = weakref.ref(g)
del g
report("generator self-cycle (closed by finalizer)")
print("generator freed:", gref() is None)
def catch():
    try:
        raise ValueError("x")
    except ValueError as e:
        return e
e = catch()
e.self = e
del e
report("exception with traceback + self attr")
l = [[]]
l[0].append(l)
l.append(l)
del l
report("nested list cycle")
class Node:
    pass
a, b, c = Node(), Node(), Node()
a.n, b.n, c.n = b, c, a
del a, b, c
report("3-instance ring")
m = type(sys)("synthetic_module")
m.self_ref = m
del m
report("module object cycle")
cls = type("Dyn", (), {})
cls.me = cls
del cls
report("dynamic class with self reference")
big = [T() for _ in range(100)]
for i, o in enumerate(big):
    o.next = big[(i + 1) % 100]
    o.payload = [i, {"i": i}]
del big, o
report("100-ring with list and dict payloads")
keep = T(); keep.me = keep
report("reachable cycle (kept)")
del keep
report("released reachable cycle")
report("nothing left")
gc.enable()
