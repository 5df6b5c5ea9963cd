# resurrecting some objects does not block collecting others
import gc
gc.disable()
gc.collect()
N = 10
survivors = []
class Z:
    def __init__(self, keep):
        self.keep = keep
    def __del__(self):
        if self.keep:
            survivors.append(self)
objs = []
for i in range(N):
    z = Z(i % 2 == 0)
    z.me = z
    objs.append(z)
del z, objs
t = gc.collect()
print(t, len(survivors))
survivors.clear()
print(gc.collect())
