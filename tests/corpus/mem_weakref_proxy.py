# weakref.proxy forwarding, callable proxies, and behaviour after death
import weakref
class Vec:
    def __init__(self, *xs):
        self.xs = list(xs)
    def __len__(self):
        return len(self.xs)
    def __iter__(self):
        return iter(self.xs)
    def __getitem__(self, i):
        return self.xs[i]
    def __add__(self, o):
        return Vec(*[a + b for a, b in zip(self.xs, o.xs)])
    def __repr__(self):
        return f"Vec{tuple(self.xs)}"
    def __bool__(self):
        return bool(self.xs)
    def __eq__(self, o):
        return list(self) == list(o)
    def norm(self):
        return sum(x * x for x in self.xs) ** 0.5
v = Vec(3, 4)
p = weakref.proxy(v)
print(len(p), list(p), p[1], p.norm(), p + Vec(1, 1), repr(p)[:10] if False else str(p), bool(p), p == Vec(3, 4), 4 in p)
p.xs.append(12)
print(v, p.norm(), type(p).__name__, isinstance(p, Vec), weakref.getweakrefcount(v))
try:
    hash(p)
except TypeError as e:
    print("TypeError:", e)
def func(x):
    return x * 2
cp = weakref.proxy(func)
print(type(cp).__name__, cp(21))
log = []
p2 = weakref.proxy(v, lambda pr: log.append("proxy callback"))
print(p2 is p, weakref.getweakrefcount(v))
del v
print(log)
for action in (lambda: p.xs, lambda: len(p), lambda: p + p, lambda: bool(p), lambda: str(p)):
    try:
        action()
        print("no error")
    except ReferenceError as e:
        print("ReferenceError:", e)
class Node:
    def __init__(self, name, parent=None):
        self.name = name
        self.parent = weakref.proxy(parent) if parent is not None else None
        self.children = []
        if parent is not None:
            parent.children.append(self)
    def path(self):
        return (self.parent.path() + "/" if self.parent is not None else "") + self.name
root = Node("root")
child = Node("child", root)
leaf = Node("leaf", child)
print(leaf.path(), [c.name for c in root.children])
del root
try:
    leaf.path()
except ReferenceError as e:
    print("after root died:", e)
