# gc.get_count()[0] bookkeeping (spec 4.2): +1 per GC allocation, -1 per GC free
import gc
gc.disable()
class T:
    pass
def delta(label, fn):
    gc.collect()
    before = gc.get_count()[0]
    keep = fn()
    after = gc.get_count()[0]
    print(label, after - before)
    return keep
k = delta("one instance:", lambda: T())
del k
gc.collect()
t = T()
b = gc.get_count()[0]
del t
print("del instance:", gc.get_count()[0] - b)
k = delta("11 lists:", lambda: [[] for _ in range(11)])
b = gc.get_count()[0]
del k
print("delete 11 lists (free list):", gc.get_count()[0] - b)
k = delta("tuple/float temporaries:", lambda: sum((i * 0.5, i)[0] for i in range(100)))
k = delta("10 dicts kept:", lambda: [{} for _ in range(10)])
k = delta("5 sets kept:", lambda: [set() for _ in range(5)])
k = delta("20 instances kept:", lambda: [T() for _ in range(20)])
k = delta("ints and strs:", lambda: [str(i) * 3 for i in range(50)])
def g():
    yield 1
k = delta("3 generators:", lambda: [g() for _ in range(3)])
k = delta("closure:", lambda: (lambda: k))
gc.collect()
print("after collect:", gc.get_count())
gc.collect(0)
print("after collect(0):", gc.get_count())
