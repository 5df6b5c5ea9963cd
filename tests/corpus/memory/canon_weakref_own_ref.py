# canonical: self-cycle holding its own ref(x, lambda) -> 3, callback not called
import weakref
import gc
gc.disable()
gc.collect()
calls = []
class X:
    pass
x = X()
x.me = x
x.wr = weakref.ref(x, lambda r: calls.append('called'))
del x
print(gc.collect())
print(calls)
y = X()
y.me = y
y.wr = weakref.ref(y)
del y
print('no callback', gc.collect())
print(calls)
