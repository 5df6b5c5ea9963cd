# WeakValueDictionary drops entries when values die
import weakref, gc
class V:
    def __init__(self, n):
        self.n = n
d = weakref.WeakValueDictionary()
objs = [V(i) for i in range(5)]
for o in objs:
    d[o.n] = o
print(len(d), sorted(d.keys()))
del objs[1]
print(len(d), sorted(d))
o = None
objs.clear()
print(len(d), list(d.items()))
v = V(9)
d['x'] = v
print(d.get('x') is v, 'x' in d, d.get('nope', 'dflt'))
del v
print('x' in d, len(d))
c = V(1); c.me = c
d['c'] = c
del c
print('cycle value before collect', len(d))
gc.collect()
print('after collect', len(d))
try:
    d['missing']
except KeyError as e:
    print("KeyError:", e)
