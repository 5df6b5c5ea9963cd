# proxies forward attribute access and operators
import weakref
class V:
    def __init__(self, x):
        self.x = x
    def __add__(self, o):
        return V(self.x + o)
    def __len__(self):
        return self.x
    def __getitem__(self, i):
        return i * 2
    def __iter__(self):
        return iter(range(self.x))
    def __call__(self, a):
        return a + self.x
    def __bool__(self):
        return self.x != 0
    def __repr__(self):
        return 'V(%d)' % self.x
    def __eq__(self, o):
        return isinstance(o, V) and o.x == self.x
    __hash__ = None
v = V(3)
p = weakref.proxy(v)
print(p.x, len(p), p[5], list(p), (p + 1).x, p(10), bool(p))
p.y = 7
print(v.y, 'y' in dir(p))
del p.y
print(hasattr(v, 'y'))
print(type(p).__name__, isinstance(p, V), type(p) is weakref.CallableProxyType)
print(p == V(3), str(p), repr(V(0)), bool(weakref.proxy(V(1))) if False else 'skip')
class N:
    pass
n = N()
q = weakref.proxy(n)
print(type(q) is weakref.ProxyType, weakref.ProxyTypes == (weakref.ProxyType, weakref.CallableProxyType))
try:
    hash(q)
except TypeError as e:
    print("TypeError:", e)
print(weakref.proxy(n) is q, weakref.proxy(n, lambda r: None) is q)
