# canonical: two instances pointing at each other -> 2
import gc
gc.disable()
gc.collect()
class A:
    pass
a = A(); b = A()
a.b = b; b.a = a
del a, b
print(gc.collect())
objs = [A() for i in range(5)]
for i in range(5):
    objs[i].nxt = objs[(i + 1) % 5]
del objs
print('ring of 5', gc.collect())
chain = [A() for i in range(4)]
for i in range(3):
    chain[i].nxt = chain[i + 1]
del chain
print('chain, no cycle', gc.collect())
print(gc.collect())
