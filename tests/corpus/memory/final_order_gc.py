# GC path: __del__ runs in unreachable-list order (allocation order)
import gc
gc.disable()
gc.collect()
log = []
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append(self.n)
a = D(1); b = D(2); c = D(3)
a.nxt = b; b.nxt = c; c.nxt = a
del a, b, c
print(gc.collect(), log); log.clear()
a = D(1); b = D(2); c = D(3)
c.nxt = b; b.nxt = a; a.nxt = c
del a, b, c
print(gc.collect(), log); log.clear()
objs = [D(i) for i in range(6)]
for i in range(6):
    objs[i].nxt = objs[5 - i]
    objs[i].all = objs
del objs
print(gc.collect(), log)
