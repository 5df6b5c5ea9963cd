# Subclasses of weakref.ref: always new references, after the basic ones, with attributes
# and __slots__, collected with their dict; the constructor's argument errors.
import weakref, gc, sys
class R(weakref.ref): pass
class T: pass
o = T()
r = R(o, tag=1) if False else R(o)
print(type(r).__name__, r() is o, isinstance(r, weakref.ref), weakref.getweakrefcount(o), r == weakref.ref(o), hash(r) == hash(weakref.ref(o)))
r.extra = [r]
print(gc.is_tracked(r), r.extra[0] is r)
del r
print("collected", gc.collect())
class K(weakref.ref):
    __slots__ = ('key',)
    def __new__(cls, ob, callback, key):
        self = super().__new__(cls, ob, callback)
        self.key = key
        return self
    def __init__(self, ob, callback, key):
        super().__init__(ob, callback)
seen = []
k = K(o, lambda w: seen.append(w.key), 'the-key')
print(k.key, k() is o, hasattr(k, '__dict__'))
try: R()
except TypeError as e: print("TypeError:", e)
try: R(o, None, 3)
except TypeError as e: print("TypeError:", e)
try: R(5)
except TypeError as e: print("TypeError:", e)
del o
print(seen, k())
