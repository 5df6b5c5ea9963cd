# list free list: 80 headers of exact lists; the item array is freed
import gc
def reuse():
    a = [1, 2, 3]
    i = id(a)
    del a
    b = [len('x')]
    return id(b) == i
print("reuse:", reuse())
def lifo(n):
    ls = [[k] for k in range(n)]
    ids = [id(x) for x in ls]
    ls.clear()
    ls2 = [[k] for k in range(n)]
    new = [id(x) for x in ls2]
    return new == ids, new == ids[::-1]
print("lifo 10:", lifo(10))
class L(list):
    pass
def subclass():
    a = L([1])
    i = id(a)
    del a
    b = [2]
    return id(b) == i
print("subclass header reused:", subclass())
gc.collect()
gc.get_count()  # warm the 3-tuple free list
base = gc.get_count()[0]
keep = [[] for _ in range(11)]
print("11 new lists:", gc.get_count()[0] - base)
del keep
print("after del:", gc.get_count()[0] - base)
again = [[] for _ in range(11)]
print("11 more (from free list):", gc.get_count()[0] - base)
del again
gc.collect()
gc.get_count()  # warm the 3-tuple free list
base = gc.get_count()[0]
fresh = [[] for _ in range(11)]
print("after full collect, 11 new lists:", gc.get_count()[0] - base)
del fresh
gc.collect()
gc.get_count()  # warm the 3-tuple free list
print(gc.get_count())
