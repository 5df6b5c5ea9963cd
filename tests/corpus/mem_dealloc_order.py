# deallocation order on the refcount path (spec section 3)
order = []
class T:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        order.append(self.name)
def show(label):
    print(label, order)
    order.clear()
l = [T("l0"), T("l1"), T("l2"), T("l3")]
del l
show("list (last to first):")
t = (T("t0"), T("t1"), T("t2"))
del t
show("tuple (last to first):")
d = {"a": T("k-a"), "b": T("k-b"), "c": T("k-c")}
del d
show("dict values (insertion order):")
d = {T("key1"): T("val1"), T("key2"): T("val2")}
del d
show("dict keys and values:")
class H:
    pass
h = H()
h.z = T("attr-z")
h.a = T("attr-a")
h.m = T("attr-m")
del h
show("instance attributes (insertion order):")
class S:
    __slots__ = ("p", "q")
s = S()
s.q = T("slot-q")
s.p = T("slot-p")
del s
show("slots:")
st = {1: None}
nested = [T("outer"), [T("inner0"), T("inner1")], T("last")]
del nested
show("nested list:")
chain = None
for i in range(5):
    c = T("chain%d" % i)
    c.next = chain
    chain = c
del c
chain = None
show("linked chain (head first):")
class Parent:
    def __init__(self):
        self.kids = [T("kid0"), T("kid1")]
    def __del__(self):
        order.append("parent")
p = Parent()
del p
show("__del__ then contents:")
x = T("rebound")
x = T("replacement")
show("rebinding:")
def f():
    a = T("local-a")
    b = T("local-b")
    return None
f()
show("function locals:")
g = (T("gen-held") for _ in range(1))
del g
show("genexp holding object:")
import sys
big = [T("deep")]
for _ in range(200):
    big = [big]
del big
show("deeply nested list:")
del x
show("end:")
