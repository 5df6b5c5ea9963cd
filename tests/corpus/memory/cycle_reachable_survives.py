# objects reachable from outside a cycle are kept
import gc
gc.disable()
gc.collect()
class T:
    pass
a = T(); b = T()
a.b = b; b.a = a
keep = b
del a, b
print(gc.collect(), keep.a.b is keep)
del keep
print(gc.collect())
root = []
x = []; x.append(x)
root.append(x)
del x
print(gc.collect(), len(root))
root.clear()
print(gc.collect())
