# weakref semantics (spec 6)
import weakref, gc, sys
class T:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return "T(%d)" % self.n
log = []
t = T(1)
r = weakref.ref(t)
print(r() is t, r(), weakref.getweakrefcount(t), weakref.ref(t) is r, weakref.ref(t, None) is r)
r2 = weakref.ref(t, lambda w: log.append("cb2"))
r3 = weakref.ref(t, lambda w: log.append("cb3"))
print(r2 is r, weakref.getweakrefcount(t), r == r2, hash(r) == hash(t))
p = weakref.proxy(t)
print(p.n, repr(p.n), weakref.getweakrefcount(t), weakref.proxy(t) is p)
del t
print(log, r(), r2(), r == r2, r2.__callback__)
try:
    p.n
except ReferenceError as e:
    print("ReferenceError:", e)
for v in (1, "s", (), [], {}, None, 1.5):
    try:
        weakref.ref(v)
    except TypeError as e:
        print("TypeError:", e)
try:
    weakref.ref(T(0), callback=None)
except TypeError as e:
    print("TypeError:", type(e).__name__)
def func():
    pass
print(weakref.ref(func)() is func, weakref.ref(T)() is T, weakref.ref({1}.copy) if False else "skip")
wvd = weakref.WeakValueDictionary()
a, b = T(10), T(20)
wvd["a"] = a
wvd["b"] = b
print(sorted(wvd.keys()), len(wvd))
del a
print(sorted(wvd.keys()), len(wvd))
wkd = weakref.WeakKeyDictionary()
k1, k2 = T(1), T(2)
wkd[k1] = "one"
wkd[k2] = "two"
del k1
print(len(wkd), list(wkd.values()))
ws = weakref.WeakSet()
x, y = T(5), T(6)
ws.add(x); ws.add(y)
del y
print(len(ws), list(ws))
fin_log = []
obj = T(99)
f = weakref.finalize(obj, fin_log.append, "finalized")
print(f.alive)
del obj
print(f.alive, fin_log, f())
obj2 = T(7)
f2 = weakref.finalize(obj2, lambda: "ran")
print(f2(), f2(), f2.alive)
obj3 = T(8)
f3 = weakref.finalize(obj3, print, "detached?")
det = f3.detach()
print(det[0], det[1] is print, det[2], f3.alive)
class M:
    def meth(self):
        return "m"
m = M()
wm = weakref.WeakMethod(m.meth)
print(wm()())
del m
print(wm())
c1 = T(3)
refs = [weakref.ref(c1, lambda w, i=i: log.append("order%d" % i)) for i in range(3)]
log.clear()
del c1
print(log)
