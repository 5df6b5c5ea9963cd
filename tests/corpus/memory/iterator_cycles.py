# Cycles through iterators are collected with the objects CPython counts: enumerate,
# zip and dict item iterators own a preallocated result tuple.
import gc
gc.collect()
l = []
it = iter(l)
l.append(it)
del l, it
print(gc.collect())
d = {}
e = enumerate(iter(d.values()))
d["e"] = e
del d, e
print(gc.collect())
z = []
zz = zip(z, z)
z.append(zz)
del z, zz
print(gc.collect())
d = {}
d["i"] = iter(d.items())
del d
print(gc.collect())
d = {}
d["k"] = reversed(d.items())
del d
print(gc.collect())
q = []
q.append(zip())
q.append(q)
del q
print(gc.collect())
print(list(enumerate("ab")), list(zip("ab", "cd")), list({1: 2}.items()))
