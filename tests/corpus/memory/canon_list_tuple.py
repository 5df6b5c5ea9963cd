# canonical: list <-> tuple -> 2
import gc
gc.disable()
gc.collect()
l = []
t = (l,)
l.append(t)
del t, l
print(gc.collect())
l = []
t = (1, 2, (3, l))
l.append(t)
del t, l
print('nested tuple', gc.collect())
l = []
l.append((l, l, l))
del l
print('3 refs', gc.collect())
s = set()
class H:
    pass
h = H()
h.s = s
s.add(h)
del s, h
print('set <-> instance', gc.collect())
