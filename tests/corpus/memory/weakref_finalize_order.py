# several finalizers: run in reverse creation order on death
import weakref
class T:
    pass
order = []
o = T()
for i in range(4):
    weakref.finalize(o, order.append, i)
del o
print(order)
a = T()
wr = weakref.ref(a, lambda r: order.append('ref-cb'))
fin = weakref.finalize(a, order.append, 'fin')
del a
print(order)
