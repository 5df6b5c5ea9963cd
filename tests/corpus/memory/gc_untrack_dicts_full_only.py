# dicts are untracked again only by a full collection; tuples by any
import gc
gc.disable()
gc.collect()
d = {'a': []}
t = tuple([[]])
d['a'] = 1
tt = (1, 'x', 2.5)
u = tuple([1, 2])
print(gc.is_tracked(d), gc.is_tracked(u))
gc.collect(0)
print(gc.is_tracked(d), gc.is_tracked(u))
gc.collect(1)
print(gc.is_tracked(d), gc.is_tracked(u))
gc.collect(2)
print(gc.is_tracked(d), gc.is_tracked(u))
d['b'] = [1]
print(gc.is_tracked(d))
del d['b']
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(t))
