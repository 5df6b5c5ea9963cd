# dicts start untracked and become tracked when a GC object is inserted
import gc
gc.disable()
print(gc.is_tracked({}), gc.is_tracked({1: 2}), gc.is_tracked(dict(a=1)))
print(gc.is_tracked(dict.fromkeys('abc')), gc.is_tracked({'a': 'b', 'c': 1.5}))
d = {}
d['x'] = []
print(gc.is_tracked(d))
d['x'] = 1
print(gc.is_tracked(d))
gc.collect(0)
print(gc.is_tracked(d))
gc.collect(1)
print(gc.is_tracked(d))
gc.collect()
print(gc.is_tracked(d))
t = tuple([1, 2])
e = {'t': t}
print('tracked tuple value', gc.is_tracked(e))
gc.collect()
f = {'t': t}
print('untracked tuple value', gc.is_tracked(t), gc.is_tracked(f))
print(gc.is_tracked({(1, 2): 3}), gc.is_tracked({1: (1, [])}))
g = {'a': []}
print(gc.is_tracked(g), gc.is_tracked(g.copy()))
h = {'a': 1}
print(gc.is_tracked(h.copy()))
class C:
    pass
c = C()
c.a = 1
c.b = 'x'
print('instance __dict__ atomics', gc.is_tracked(c.__dict__))
c.l = []
print('instance __dict__ with list', gc.is_tracked(c.__dict__))
print(gc.is_tracked({i: str(i) for i in range(5)}))
