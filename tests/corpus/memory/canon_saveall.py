# canonical: DEBUG_SAVEALL self-cycle -> 1, object kept in gc.garbage
import gc
gc.disable()
gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)
l = []
l.append(l)
ident = id(l)
del l
print(gc.collect())
print(len(gc.garbage), id(gc.garbage[0]) == ident, gc.garbage[0][0] is gc.garbage[0])
class A:
    pass
a = A(); a.a = a
del a
print(gc.collect(), len(gc.garbage), type(gc.garbage[1]).__name__)
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect(), gc.garbage)
