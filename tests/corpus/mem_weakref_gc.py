# weak references and the cycle collector (spec 4.3 step 7, section 5)
import gc, weakref
gc.disable()
gc.collect()
log = []
class C:
    def __init__(self, name):
        self.name = name
a, b = C("a"), C("b")
a.other, b.other = b, a
wa = weakref.ref(a, lambda r: log.append("a died"))
wb = weakref.ref(b, lambda r: log.append("b died"))
del a, b
print("before collect:", wa() is not None, wb() is not None, log)
print("collected:", gc.collect(), sorted(log), wa(), wb())
log.clear()
x = C("x")
x.self = x
owner = [weakref.ref(x, lambda r: log.append("cb ran"))]
def dropper(r):
    log.append("dropper ran")
    owner.clear()
holder = [weakref.ref(x, dropper)]
del x
n = gc.collect()
print("collected", n, sorted(log))
log.clear()
class D:
    def __init__(self):
        self.ref = None
d1, d2 = D(), D()
d1.ref = weakref.ref(d2, lambda r: log.append("d2 cb (not expected)"))
d2.ref = weakref.ref(d1, lambda r: log.append("d1 cb (not expected)"))
d1.partner, d2.partner = d2, d1
del d1, d2
print("mutual weakrefs in trash:", gc.collect(), log)
wvd = weakref.WeakValueDictionary()
for i in range(5):
    o = C(str(i))
    o.cycle = o
    wvd[i] = o
del o
print("weak values before collect:", len(wvd))
gc.collect()
print("weak values after collect:", len(wvd))
ws = weakref.WeakSet()
objs = [C(str(i)) for i in range(4)]
for o in objs:
    ws.add(o)
del o
objs.pop()
objs.pop(0)
print("weakset:", sorted(o.name for o in ws))
fin = []
z = C("z")
z.me = z
weakref.finalize(z, fin.append, "z finalized")
del z
print("finalize before collect:", fin)
gc.collect()
print("finalize after collect:", fin)
gc.enable()
