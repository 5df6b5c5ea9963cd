# __del__ on the GC path still sees the other objects of the cycle intact
import gc
gc.disable()
gc.collect()
log = []
class A:
    def __del__(self):
        log.append(('A', type(self.other).__name__, hasattr(self.other, 'other')))
class B:
    def __del__(self):
        log.append(('B', type(self.other).__name__, self.other.name))
a = A(); b = B()
a.other = b; b.other = a
a.name = 'a'
del a, b
print(gc.collect())
for e in sorted(log):
    print(e)
