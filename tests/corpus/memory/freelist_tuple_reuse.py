# tuple free lists: sizes 1..20, keyed by length
import gc
def reuse(n):
    src = list(range(n))
    t = tuple(src)
    i = id(t)
    del t
    u = tuple(src)
    return id(u) == i
print([n for n in range(1, 26) if reuse(n)])
def other_size(n, m):
    a = tuple(range(n))
    i = id(a)
    del a
    b = tuple(range(m))
    return id(b) == i
print(other_size(3, 3), other_size(3, 4), other_size(5, 6))
def lifo():
    src = [1, 2]
    ts = [tuple(src) for _ in range(4)]
    ids = [id(t) for t in ts]
    del ts
    ts2 = [tuple(src) for _ in range(4)]
    new = [id(t) for t in ts2]
    return new == ids, new == ids[::-1]
print("lifo:", lifo())
class T(tuple):
    pass
def subclass_not_pushed():
    a = T((1, 2, 3))
    i = id(a)
    del a
    b = (1, 2, len('abc'))
    return id(b) == i
print("subclass:", subclass_not_pushed())
srcs = {n: list(range(n)) for n in range(1, 25)}
deltas = []
for n in (1, 2, 5, 20, 21, 24):
    gc.collect()
    gc.get_count()  # warm the 3-tuple free list
    base = gc.get_count()[0]
    t = tuple(srcs[n])
    c1 = gc.get_count()[0] - base
    del t
    c2 = gc.get_count()[0] - base
    t = tuple(srcs[n])
    c3 = gc.get_count()[0] - base
    del t
    deltas.append((n, c1, c2, c3))
for d in deltas:
    print(d)
