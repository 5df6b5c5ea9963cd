# weakrefs that are part of the garbage do not get their callbacks called
import weakref, gc
gc.disable()
gc.collect()
log = []
class T:
    pass
a = T(); b = T()
a.b = b; b.a = a
a.wr = weakref.ref(b, lambda r: log.append('a->b'))
ext = weakref.ref(a, lambda r: log.append('external->a'))
del a, b
print(gc.collect(), sorted(log))
c = T()
c.c = c
c.self_wr = weakref.ref(c, lambda r: log.append('self'))
del c
print(gc.collect(), sorted(log))
