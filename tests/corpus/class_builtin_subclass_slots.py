# __slots__ on subclasses of built-in types: refused for tuple and int (variable size),
# stored with the object for the others, with or without a __dict__ beside them.
import gc, sys
class L(list):
    __slots__ = ('a', 'b')
l = L([1]); l.a = 'x'
print(l.a, hasattr(l, 'b'), hasattr(l, '__dict__'), l)
try: l.c = 1
except AttributeError as e: print("AttributeError:", e)
try: del l.b
except AttributeError as e: print("AttributeError:", e)
del l.a
print(hasattr(l, 'a'))
for base in (tuple, int):
    try:
        class T(base):
            __slots__ = ('tag',)
    except TypeError as e:
        print("TypeError:", e)
class T(list):
    __slots__ = ('tag',)
t = T((1, 2)); t.tag = t
print(t.tag is t, gc.is_tracked(t))
del t
print("collected", gc.collect())
class S(str):
    __slots__ = ('n',)
s = S('q'); s.n = 3; print(s.n, s, sys.getsizeof(S('q')) > 0)
class F(float):
    __slots__ = ('unit',)
i = F(5); i.unit = 'kg'; print(i, i.unit, i + 1)
class D(dict):
    __slots__ = ('default', '__weakref__')
d = D(x=1); d.default = 0; print(d, d.default)
import weakref; print(weakref.ref(d)() is d)
class C(D):
    pass
c = C(); c.default = 5; c.other = 6; print(c.default, c.other, c.__dict__)
print(vars(c), c.__dict__ is c.__dict__, hasattr(d, '__dict__'))
class LL(list): pass
ll = LL(); ll.z = 1; print(ll.__dict__, vars(ll))
ll.__dict__['w'] = 2; print(ll.w)
