# refcount path: __del__ first (sees the ref alive), GC path: callbacks first
import weakref, gc
gc.disable()
log = []
class T:
    def __del__(self):
        log.append(('__del__', wr() is not None))
o = T()
wr = weakref.ref(o, lambda r: log.append('wr-callback'))
del o
print(log)
log.clear()
o = T()
o.me = o
wr = weakref.ref(o, lambda r: log.append('wr-callback'))
del o
print(gc.collect(), log)
