# freeze/unfreeze/get_freeze_count
import gc
gc.disable()
gc.collect()
print(gc.get_freeze_count())
gc.freeze()
n = gc.get_freeze_count()
print(n > 0, gc.get_count())
x = []
x.append(x)
print(gc.collect(), "frozen objects not scanned but x is new")
class T:
    pass
y = T()
print(any(o is y for o in gc.get_objects()))
gc.freeze()
print(gc.get_freeze_count() > n, any(o is y for o in gc.get_objects()))
gc.unfreeze()
print(gc.get_freeze_count())
print(any(o is y for o in gc.get_objects(2)), any(o is y for o in gc.get_objects(0)))
del y
print(gc.collect())
try:
    gc.freeze(1)
except TypeError as e:
    print("TypeError:", e)
