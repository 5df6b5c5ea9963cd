# canonical: gc.collect() inside __del__ during a GC -> 0
import gc
gc.disable()
gc.collect()
results = []
class D:
    def __del__(self):
        results.append(gc.collect())
d = D()
d.me = d
del d
print(gc.collect(), results)
e = D()
del e
print('refcount path', results)
