# dict free list: 80 dict objects; counts do not move on reuse
import gc
def reuse():
    a = {'k': 1}
    i = id(a)
    del a
    b = {}
    return id(b) == i
print("reuse:", reuse())
def lifo(n):
    ds = [{'a': k} for k in range(n)]
    ids = [id(d) for d in ds]
    del ds
    ds2 = [dict(b=k) for k in range(n)]
    new = [id(d) for d in ds2]
    return new == ids, new == ids[::-1]
print("lifo 8:", lifo(8))
gc.collect()
gc.get_count()  # warm the 3-tuple free list
base = gc.get_count()[0]
keep = [{} for _ in range(7)]
print("7 dicts:", gc.get_count()[0] - base)
del keep
print("after del:", gc.get_count()[0] - base)
keep = [{} for _ in range(7)]
print("7 dicts reused:", gc.get_count()[0] - base)
del keep
gc.collect()
gc.get_count()  # warm the 3-tuple free list
base = gc.get_count()[0]
keep = [{} for _ in range(7)]
print("after full collect:", gc.get_count()[0] - base)
class D(dict):
    pass
gc.collect()
gc.get_count()  # warm the 3-tuple free list
base = gc.get_count()[0]
x = D()
print("subclass instance:", gc.get_count()[0] - base)
del x
print("subclass freed:", gc.get_count()[0] - base)
