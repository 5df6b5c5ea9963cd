# Type layouts as CPython 3.11 computes them (type_new_descriptors): __basicsize__,
# __itemsize__, __dictoffset__ (negative: the managed dict in front of the object),
# __weakrefoffset__, and __slots__ as sorted, mangled member descriptors.
import sys
class I(int): pass
class T(tuple): pass
class L(list): pass
class E(Exception): pass
class S(set): pass
class P: pass
class Q(P): __slots__ = ('a',)
class R: __slots__ = ('a', '__dict__')
class W: __slots__ = ('b', '__weakref__')
for t in [object, int, bool, float, str, bytes, tuple, list, dict, set, type, I, T, L, E, S, P, Q, R, W]:
    print(f"{t.__name__:8} {t.__basicsize__:4} {t.__itemsize__:2} {t.__dictoffset__:5} {t.__weakrefoffset__:4}")
for o in [5, -5, 0, 2 ** 100, True, (1, 2), b'abc', [1, 2], 1.5, P(), Q()]:
    print(type(o).__name__, object.__sizeof__(o), sys.getsizeof(o))

class V:
    __slots__ = ('y', 'x', '__z')
    def setz(self, v): self.__z = v
    def getz(self): return self.__z
print(list(V.__dict__))
print(V.x, type(V.x).__name__, sys.getsizeof(V.x), V.x.__name__, V.x.__qualname__, V.x.__objclass__)
v = V()
try:
    v.x
except AttributeError as e:
    print(e)
V.x.__set__(v, 5)
print(V.x.__get__(v), v.x, V.x.__get__(None, V) is V.x)
V.x.__delete__(v)
print(hasattr(v, 'x'))
v.setz(3)
print(v.getz(), v._V__z)
class U(V):
    __slots__ = ('w',)
u = U(); u.w = 1; u.x = 2
print(list(U.__dict__), u.w, u.x, sys.getsizeof(u), sys.getsizeof(v))
try:
    class Bad:
        __slots__ = ('a',)
        a = 1
except ValueError as e:
    print("ValueError:", e)
