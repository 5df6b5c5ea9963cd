# Classes are heap objects like any other: a class statement allocates the type, its
# dict, its bases and MRO tuples and the __dict__/__weakref__ descriptors; a deleted
# class is freed by the collector (it is always in a cycle through its MRO); its
# instances keep it alive; its bases forget it (__subclasses__).
import gc, sys, weakref
gc.disable()

def created(src):
    code = compile(src, 'x', 'exec')
    ns = {}
    exec(code, ns)
    gc.collect()
    before = gc.get_count()[0]
    exec(code, ns)
    return gc.get_count()[0] - before

print("class statement", created("class T: pass"))
print("class with method", created("class T:\n    def f(self): pass"))
print("three-argument type()", created("type('X', (), {})"))
print("exception subclass", created("class E(Exception): pass"))

gc.collect()
class A: pass
print("refcount", sys.getrefcount(A), "weakrefs", weakref.getweakrefcount(A))
print("mro is shared", A.__mro__ is A.__mro__, A.__mro__)
print("dict keys", list(A.__dict__))
d = A.__dict__['__dict__']
print(d, type(d).__name__, d.__name__, d.__qualname__, d.__objclass__ is A, sys.getsizeof(d))
a = A()
print("a.__weakref__", a.__weakref__, A.__weakref__)
r = weakref.ref(a)
print("first weakref", a.__weakref__ is r)
del r, a, d

gc.set_debug(gc.DEBUG_SAVEALL)
del A
print("deleted class collected:", gc.collect())
print(sorted(type(o).__name__ for o in gc.garbage))
gc.garbage.clear()
gc.set_debug(0)

class B:
    def f(self): return 1
b = B()
wb = weakref.ref(B)
del B
print("instance keeps its class:", gc.collect(), wb() is type(b), b.f())
del b
print("then both go:", gc.collect(), wb())

class Base: pass
class Sub1(Base): pass
class Sub2(Base): pass
print([c.__name__ for c in Base.__subclasses__()])
del Sub1
gc.collect()
print([c.__name__ for c in Base.__subclasses__()])
print([k for k in ('__dict__', '__weakref__') if k in type('I', (int,), {}).__dict__])
print([k for k in ('__dict__', '__weakref__') if k in type('S', (set,), {}).__dict__])
print([k for k in ('__dict__', '__weakref__') if k in type('L', (list,), {}).__dict__])
print([k for k in ('__dict__', '__weakref__') if k in type('C', (Base,), {}).__dict__])
