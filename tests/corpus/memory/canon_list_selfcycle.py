# canonical: a list containing itself -> 1
import gc
gc.disable()
gc.collect()
l = []
l.append(l)
del l
print(gc.collect())
l = [1, 2, 3]
l.append(l); l.append(l)
del l
print('twice', gc.collect())
a = []; b = []
a.append(b); b.append(a)
del a, b
print('pair', gc.collect())
ls = [[] for i in range(10)]
for i in range(10):
    ls[i].append(ls[(i + 1) % 10])
del ls
print('ring 10', gc.collect())
print(repr(gc.garbage))
