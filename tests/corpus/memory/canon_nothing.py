# canonical: collect() with no garbage returns 0
import gc
gc.disable()
gc.collect()
print(gc.collect())
print(gc.collect(0), gc.collect(1), gc.collect(2))
x = [1, 2, 3]
y = {'a': x}
print(gc.collect())
del x, y
print(gc.collect())
print(gc.garbage)
