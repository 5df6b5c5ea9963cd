# canonical: cycles with __del__ are collected; each __del__ runs once
import gc
gc.disable()
gc.collect()
log = []
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        log.append(self.name)
d = D('self')
d.me = d
del d
print(gc.collect(), log, gc.garbage)
log.clear()
a = D('a'); b = D('b')
a.o = b; b.o = a
del a, b
print(gc.collect(), sorted(log), gc.garbage)
log.clear()
ring = [D(i) for i in range(4)]
for i in range(4):
    ring[i].n = ring[(i + 1) % 4]
del ring
print(gc.collect(), sorted(log), gc.garbage)
print(gc.collect(), log)
