# types.ModuleType(name, doc): a new empty module, its errors, and a module cycle collected.
import sys, gc
M = type(sys)
m = M('x'); print(m, m.__dict__, M('y', 'doc').__doc__, M(name='z', doc='d').__doc__)
for args in [(), (1,), ('a', 'b', 'c')]:
    try: M(*args)
    except TypeError as e: print(e)
try: M('a', nope=1)
except TypeError as e: print(e)
m.f = lambda: m
m.self = m
import weakref
r = weakref.ref(m)
del m
print(gc.collect(), r())

# The constructor's argument errors, in the argument clinic's order.
for a, k in [(('a',), {'name': 'b'}), (('a', 'd'), {'doc': 'c'}), ((), {'doc': 'x'}), ((None,), {}), ((1,), {}), ((), {'name': 'n', 'doc': 'd'}), (('a',), {'x': 1}), (('a','b','c'), {})]:
    try: print(types.ModuleType(*a, **k))
    except TypeError as e: print(e)
