# A class's __setattr__/__delattr__ runs for every attribute, data descriptors
# included; object.__setattr__ then honours properties and descriptors.
class P:
    def __init__(self):
        self._x = 0
    @property
    def x(self):
        return self._x
    @x.setter
    def x(self, v):
        print("setter", v)
        self._x = v
    @x.deleter
    def x(self):
        print("deleter")
    def __setattr__(self, name, value):
        print("custom set", name)
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print("custom del", name)
        object.__delattr__(self, name)
p = P()
p.x = 5
print(p.x, p._x)
del p.x
class Q: pass
p.__class__ = P
try:
    p.__class__ = Q
except TypeError as e:
    print(e)
print(type(p).__name__)
class S:
    __slots__ = ("a",)
    def __setattr__(self, n, v):
        print("slots set", n)
        object.__setattr__(self, n, v)
s = S(); s.a = 3; print(s.a)
class L(list):
    @property
    def size(self): return len(self)
    def __setattr__(self, n, v):
        print("L set", n); super().__setattr__(n, v)
l = L([1]); l.y = 2; print(l.y)
try:
    l.size = 3
except AttributeError as e:
    print(e)
class D:
    class Desc:
        def __get__(self, o, t): return "got"
        def __set__(self, o, v): print("desc set", v)
    d = Desc()
    def __setattr__(self, n, v):
        print("D custom", n); object.__setattr__(self, n, v)
D().d = 1
