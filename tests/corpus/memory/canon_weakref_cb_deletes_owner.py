# canonical: external ref-with-cb whose only owner is deleted by the cb -> 2
import weakref
import gc
gc.disable()
gc.collect()
class X:
    pass
holder = {}
calls = []
x = X()
x.me = x
def cb(r):
    calls.append('cb')
    del holder['w']
holder['w'] = weakref.ref(x, cb)
del x
print(gc.collect())
print(calls, holder)
