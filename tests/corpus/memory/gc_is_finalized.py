# is_finalized: set once __del__ has run (GC path or refcount path)
import gc
gc.disable()
class Lazarus:
    def __del__(self):
        global saved
        saved = self
class Plain:
    pass
saved = None
p = Plain()
print(gc.is_finalized(p), gc.is_finalized(1), gc.is_finalized([]))
l = Lazarus()
print(gc.is_finalized(l))
del l
print(saved is not None, gc.is_finalized(saved))
x = saved
saved = None
del x
print("second death, no second __del__:", saved is None)
c = Lazarus()
c.me = c
del c
print(gc.collect(), gc.is_finalized(saved))
try:
    gc.is_finalized()
except TypeError as e:
    print("TypeError:", e)
