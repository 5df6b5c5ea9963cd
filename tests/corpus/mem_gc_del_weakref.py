# __del__ and weakref callbacks under the cycle collector (spec 4.6 / 6)
import gc, weakref
gc.disable()
gc.collect()
events = []
class D:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        events.append(("__del__", self.name))
x = D("self"); x.me = x; del x
print(gc.collect(), events, gc.garbage)
events.clear()
a, b = D("a"), D("b")
a.other = b; b.other = a
del a, b
print(gc.collect(), events)
events.clear()
objs = [D(str(i)) for i in range(3)]
objs[0].n = objs[2]; objs[2].n = objs[1]; objs[1].n = objs[0]
del objs
print(gc.collect(), events)
events.clear()
class W:
    def __del__(self):
        events.append(("__del__", wr() is not None))
w = W(); w.me = w
wr = weakref.ref(w, lambda r: events.append("wr-callback"))
del w
print(gc.collect(), events, wr())
events.clear()
w = W()
wr = weakref.ref(w, lambda r: events.append("wr-callback"))
del w
print("refcount path", events)
events.clear()
class C:
    pass
c = C(); c.me = c
c.ref = weakref.ref(c, lambda r: events.append("never"))
del c
print("self-held ref", gc.collect(), events)
class Lazarus:
    saved = None
    def __del__(self):
        events.append("lazarus __del__")
        Lazarus.saved = self
z = Lazarus(); z.me = z; del z
print("resurrect", gc.collect(), events, Lazarus.saved is not None, gc.is_finalized(Lazarus.saved))
events.clear()
Lazarus.saved = None
print("second death", gc.collect(), events)
class Coll:
    def __del__(self):
        events.append(("nested collect", gc.collect()))
q = Coll(); q.me = q; del q
print(gc.collect(), events)
events.clear()
gc.set_debug(gc.DEBUG_SAVEALL)
s = []; s.append(s)
del s
print("saveall", gc.collect(), len(gc.garbage), type(gc.garbage[0]).__name__)
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect(), gc.get_debug())
