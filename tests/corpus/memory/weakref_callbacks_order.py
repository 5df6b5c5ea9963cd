# callbacks run newest first, after all refs are cleared, with the ref as argument
import weakref
class T:
    pass
log = []
o = T()
def mk(tag):
    def cb(r):
        log.append((tag, type(r).__name__))
    return cb
r1 = weakref.ref(o, mk('cb1'))
r2 = weakref.ref(o, mk('cb2'))
p = weakref.proxy(o, mk('pcb'))
base = weakref.ref(o)
r3 = weakref.ref(o, mk('cb3'))
del o
print(log)
print(r1.__callback__, r3.__callback__)
o2 = T()
order = []
refs = [weakref.ref(o2, lambda r, i=i: order.append(i)) for i in range(5)]
del o2
print(order)
