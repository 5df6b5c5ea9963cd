# Weak references to instances of subclasses of built-in types: allowed where CPython
# can add __weakref__ (list, dict, set, frozenset, str, float), refused for the
# variable-size ones (int, tuple, bytes) and for __slots__ that leave it out; callbacks
# run on both deaths, and the sizes stay CPython's.
import gc
import sys
import weakref

for base in (list, dict, set, frozenset, str, float, int, tuple, bytes):
    T = type('T' + base.__name__, (base,), {})
    t = T()
    try:
        r = weakref.ref(t, lambda r, n=base.__name__: print("  callback", n))
    except TypeError as e:
        print(base.__name__, "TypeError:", e)
        continue
    print(base.__name__, r() is t, weakref.getweakrefcount(t), hasattr(T, '__weakref__'),
          T.__weakrefoffset__ > 0, sys.getsizeof(t))
    del t
    print("  dead:", r() is None)

class L(list):
    __slots__ = ()
try:
    weakref.ref(L())
except TypeError as e:
    print("TypeError:", e)

class D(dict):
    __slots__ = ('__weakref__',)
d = D(a=1)
wd = weakref.ref(d)
print(wd() == {'a': 1}, hasattr(d, '__dict__'))

# In a cycle: the weakref is cleared by the collection, its callback runs.
gc.collect()
class N(list):
    pass
a, b = N(), N()
a.append(b)
b.append(a)
ra = weakref.ref(a, lambda r: print("  cycle callback"))
del a, b
print("collected", gc.collect(), ra() is None)

# The usual companions: WeakValueDictionary and WeakSet over such instances.
cache = weakref.WeakValueDictionary()
x = N([1, 2])
cache['x'] = x
print(list(cache.keys()), cache['x'])
del x
print(list(cache.keys()))
ws = weakref.WeakSet()
s = type('S', (str,), {})('hello')
ws.add(s)
print(len(ws), 'hello' in ws)
del s
print(len(ws))
