# deep nesting with __del__ triggering collections (test_trashcan-like)
import gc
gc.disable()
gc.collect()
N = 0
class Ouch:
    def __del__(self):
        global N
        N += 1
        if N % 17 == 0:
            gc.collect()
t = []
for i in range(200):
    t = [t, Ouch()]
u = []
for i in range(200):
    u = (u, Ouch())
del t, u
print(N)
print(gc.collect())
