# canonical: a dict containing itself -> 1
import gc
gc.disable()
gc.collect()
d = {}
d['d'] = d
del d
print(gc.collect())
d = {1: 2}
d[3] = d
del d
print('value', gc.collect())
a = {}; b = {}
a['b'] = b; b['a'] = a
del a, b
print('pair', gc.collect())
d = {}
d['l'] = [d]
del d
print('dict-list', gc.collect())
d = {}
d[(1,)] = [d]
del d
print('tuple key', gc.collect())
