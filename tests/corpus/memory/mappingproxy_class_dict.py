# cls.__dict__ is a read-only mappingproxy (a new GC-tracked view per access, 40 bytes)
import sys, types
class A:
    x = 1
    def f(self): pass
d = A.__dict__
print(type(d).__name__, type(d) is types.MappingProxyType, d['x'], 'f' in d, len(d) > 3, d.get('zz', 5))
print(sorted(k for k in d if not k.startswith('__')), list(d.keys())[:2], sys.getsizeof(d))
print(d == dict(d), dict(d)['x'], A.__dict__ is A.__dict__, vars(A) == d)
try:
    d['y'] = 2
except TypeError as e:
    print(e)
try:
    del d['x']
except TypeError as e:
    print(e)
p = types.MappingProxyType({'a': 1})
print(p, p.copy(), repr(p), str(p))
try:
    types.MappingProxyType([1])
except TypeError as e:
    print(e)
print({**p}, bool(types.MappingProxyType({})))
print(type(int.__dict__).__name__, 'real' in int.__dict__ or True)
import gc
gc.disable(); gc.collect()
b = gc.get_count()[0]
for i in range(10):
    A.__dict__
print("ten views, all freed:", gc.get_count()[0] - b)
