# get_stats: three dicts with cumulative counters per collected generation
import gc
gc.disable()
stats = gc.get_stats()
print(type(stats).__name__, len(stats))
for s in stats:
    print(sorted(s), all(isinstance(v, int) for v in s.values()))
def snap():
    return [(s['collections'], s['collected'], s['uncollectable']) for s in gc.get_stats()]
gc.collect()
b = snap()
gc.collect(0)
a = snap()
print([tuple(x - y for x, y in zip(p, q)) for p, q in zip(a, b)])
gc.collect(1)
c = snap()
print([tuple(x - y for x, y in zip(p, q)) for p, q in zip(c, a)])
l = []
l.append(l)
del l
gc.collect(2)
d = snap()
print([tuple(x - y for x, y in zip(p, q)) for p, q in zip(d, c)])
m = []
m.append(m)
del m
gc.collect(0)
e = snap()
print([tuple(x - y for x, y in zip(p, q)) for p, q in zip(e, d)])
