# weakref.ref basics: call, death, sharing of the basic ref
import weakref, sys
class T:
    pass
o = T()
r = weakref.ref(o)
print(r() is o, type(r).__name__, weakref.ReferenceType is weakref.ref)
print(weakref.ref(o) is r, weakref.ref(o, None) is r)
cb = lambda x: None
r2 = weakref.ref(o, cb)
print(r2 is r, r2() is o, r2.__callback__ is cb, r.__callback__)
print(weakref.getweakrefcount(o), len(weakref.getweakrefs(o)))
print(sys.getrefcount(o))
del o
print(r(), r2(), weakref.getweakrefcount(r))
try:
    weakref.ref(T(), callback=None)
except TypeError as e:
    print("TypeError:", e)
try:
    weakref.ref()
except TypeError as e:
    print("TypeError:", e)
