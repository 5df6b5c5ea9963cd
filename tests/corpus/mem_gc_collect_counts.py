# canonical gc.collect() results (spec section 5); automatic GC disabled for determinism
import gc, sys
gc.disable()
gc.collect()
print("nothing", gc.collect())
class Test(object):
    pass
x = Test(); x.obj = x; del x
print("self-cycle instance", gc.collect())
x = Test(); x.obj = x; x.__dict__; del x
print("self-cycle with materialised dict", gc.collect())
a, b = Test(), Test()
a.b = b; b.a = a
del a, b
print("two instances", gc.collect())
class S:
    __slots__ = ("o",)
s = S(); s.o = s; del s
print("slots self-cycle", gc.collect())
l = []; l.append(l); del l
print("list self-cycle", gc.collect())
d = {}; d["d"] = d; del d
print("dict self-cycle", gc.collect())
l = []; t = (l,); l.append(t); del l, t
print("list<->tuple", gc.collect())
def f():
    pass
f.f = f; del f
print("function self-cycle", gc.collect())
d = {}
exec("def f(): pass", d)
del d
print("exec'd function", gc.collect())
class A:
    pass
del A
print("class", gc.collect())
def catcher():
    try:
        1 / 0
    except ZeroDivisionError as e:
        err = e
catcher()
print("stored exception", gc.collect())
def frame_keeper():
    fr = sys._getframe()
frame_keeper()
print("frame in local", gc.collect())
class Big:
    pass
o = Big()
for i in range(40):
    setattr(o, "a%d" % i, i)
o.me = o
del o
print("instance with >30 attrs", gc.collect())
chain = [Test() for _ in range(10)]
for i in range(10):
    chain[i].next = chain[(i + 1) % 10]
del chain
print("ring of 10", gc.collect())
nodes = []
for i in range(5):
    n = []
    n.append(n)
    nodes.append(n)
del nodes, n
print("5 self-lists", gc.collect())
keep = []
keep.append(keep)
print("still referenced", gc.collect())
del keep
print("after release", gc.collect())
print("again", gc.collect())
print(gc.isenabled(), gc.get_threshold())
gc.enable()
print(gc.isenabled())
