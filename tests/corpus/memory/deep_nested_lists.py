# 100,000-deep nested lists, tuples and dicts are freed without crashing
import gc
gc.disable()
x = []
for i in range(100000):
    x = [x]
del x
print('lists ok')
t = ()
for i in range(100000):
    t = (t,)
del t
print('tuples ok')
d = {}
for i in range(100000):
    d = {'d': d}
del d
print('dicts ok')
s = frozenset()
for i in range(20000):
    s = frozenset([s])
del s
print('frozensets ok')
print(gc.collect())
