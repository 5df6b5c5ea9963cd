# weakref callback on an object in a cycle whose __del__ resurrects
import gc
gc.disable()
gc.collect()
import weakref
log = []
class C:
    def __del__(self):
        global keep
        keep = self
        log.append('C __del__')
c = C()
c.me = c
wr = weakref.ref(c, lambda r: log.append('C went away'))
del c
print(gc.collect(), log, wr())
keep = None
print(gc.collect(), log)
