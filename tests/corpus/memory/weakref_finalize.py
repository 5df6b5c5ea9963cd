# weakref.finalize: alive, call once, detach, peek
import weakref
class T:
    pass
log = []
o = T()
f = weakref.finalize(o, log.append, 'done')
print(f.alive, log)
print(f.peek()[1:] == (log.append, ('done',), {}))
del o
print(f.alive, log)
print(f(), f.alive)
o2 = T()
g = weakref.finalize(o2, lambda a, b=0: a + b, 1, b=2)
print(g(), g(), g.alive)
o3 = T()
h = weakref.finalize(o3, log.append, 'h')
obj, func, args, kw = h.detach()
print(obj is o3, args, kw, h.alive, h.detach())
del obj, o3
print(log)
o4 = T()
i = weakref.finalize(o4, log.append, 'i')
print(i.atexit)
i.atexit = False
del o4
print(log)
