# __del__ on refcount path: deterministic ordering
log = []
class Tracked:
    def __init__(self, name):
        self.name = name
        log.append("init " + name)
    def __del__(self):
        log.append("del " + self.name)
        print("__del__", self.name)
a = Tracked("a")
b = a
del a
print("after del a")
del b
print("after del b")
def scope():
    t = Tracked("local")
    print("leaving scope")
scope()
print("after scope")
x = Tracked("x")
x = Tracked("y")
print("rebound")
lst = [Tracked("l1"), Tracked("l2"), Tracked("l3")]
del lst
print("list gone")
tup = (Tracked("t1"), Tracked("t2"))
del tup
d = {"k1": Tracked("d1"), "k2": Tracked("d2")}
d.pop("k1")
print("popped")
d.clear()
print("cleared")
class Holder:
    pass
h = Holder()
h.first = Tracked("attr1")
h.second = Tracked("attr2")
del h
print("holder gone")
def make_temp():
    return Tracked("temp")
make_temp()
print("temp discarded")
make_temp().name
print("attr of temp read")
class Resurrect:
    saved = []
    def __del__(self):
        print("resurrecting")
        Resurrect.saved.append(self)
r = Resurrect()
del r
print(len(Resurrect.saved))
r2 = Resurrect.saved.pop()
del r2
print("no second __del__", len(Resurrect.saved))
class Raises:
    def __del__(self):
        print("Raises.__del__ runs")
nested = [[Tracked("n1")], [Tracked("n2")]]
nested[0] = None
print("replaced n1")
nested = None
print(log)
y = Tracked("end")
print("script end")
