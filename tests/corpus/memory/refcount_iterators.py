# iterators reference their container
import sys
lst = [1, 2, 3]
base = sys.getrefcount(lst)
it = iter(lst)
print("list iterator", sys.getrefcount(lst) - base)
next(it); next(it); next(it)
print("partially used", sys.getrefcount(lst) - base)
try:
    next(it)
except StopIteration:
    print("exhausted", sys.getrefcount(lst) - base)
del it
d = {'a': 1}
dbase = sys.getrefcount(d)
views = [d.keys(), d.values(), d.items()]
print("dict views", sys.getrefcount(d) - dbase)
its = [iter(d), iter(d.values())]
print("dict iterators", sys.getrefcount(d) - dbase)
del views, its
print("released", sys.getrefcount(d) - dbase)
t = (1, 2)
tbase = sys.getrefcount(t)
e = enumerate(t)
print("enumerate", sys.getrefcount(t) - tbase)
r = reversed(lst)
print("reversed list", sys.getrefcount(lst) - base)
z = zip(lst, t)
print("zip", sys.getrefcount(lst) - base, sys.getrefcount(t) - tbase)
del e, r, z
print("end", sys.getrefcount(lst) - base, sys.getrefcount(t) - tbase)
def gen(seq):
    yield from seq
g = gen(lst)
print("generator arg", sys.getrefcount(lst) - base)
del g
print("generator freed", sys.getrefcount(lst) - base)
