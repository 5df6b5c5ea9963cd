# deep structures dealloc without stack overflow (trashcan), and with __del__
import gc
gc.disable()
x = None
for i in range(200000):
    x = [x]
del x
print("nested lists freed")
t = ()
for i in range(200000):
    t = (t,)
del t
print("nested tuples freed")
d = {}
for i in range(100000):
    d = {"d": d}
del d
print("nested dicts freed")
class Node:
    __slots__ = ("next",)
    def __init__(self, n):
        self.next = n
n = None
for i in range(200000):
    n = Node(n)
del n
print("slot chain freed")
class Inst:
    pass
head = None
for i in range(100000):
    o = Inst()
    o.next = head
    head = o
del o, head
print("instance chain freed")
deleted = [0]
class WithDel:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        deleted[0] += 1
w = None
for i in range(50000):
    w = WithDel(w)
del w
print("chain with __del__ freed", deleted[0])
s = frozenset()
for i in range(50000):
    s = frozenset([s])
del s
print("nested frozensets freed")
cyc = None
for i in range(50000):
    cyc = [cyc]
cyc_head = cyc
inner = cyc_head
while inner[0] is not None:
    inner = inner[0]
inner[0] = cyc_head
del cyc, inner, cyc_head
print("deep cycle collected", gc.collect())
gc.enable()
