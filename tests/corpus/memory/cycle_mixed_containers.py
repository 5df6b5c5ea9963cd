# rings mixing instances, dicts, lists and tuples
import gc
gc.disable()
gc.collect()
class N:
    pass
n = N()
d = {'n': n}
l = [d]
t = (l,)
n.t = t
del n, d, l, t
print('instance-dict-list-tuple ring', gc.collect())
for size in (1, 2, 3, 10, 100):
    nodes = [[] for i in range(size)]
    for i in range(size):
        nodes[i].append(nodes[(i + 1) % size])
    del nodes
    print('list ring', size, gc.collect())
a = N(); b = N()
a.d = {'x': [b]}
b.d = {'y': (a,)}
a.__dict__; b.__dict__
del a, b
print('instances with materialised dicts', gc.collect())
