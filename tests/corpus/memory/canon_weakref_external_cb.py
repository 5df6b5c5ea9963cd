# canonical: self-cycle + external weakref.ref(x, cb) -> 1, callback runs
import weakref
import gc
gc.disable()
gc.collect()
calls = []
class X:
    pass
x = X()
x.me = x
def cb(r):
    calls.append(r is w)
w = weakref.ref(x, cb)
del x
print(gc.collect())
print(calls, w())
print(w.__callback__ is cb, w.__callback__ is None)
