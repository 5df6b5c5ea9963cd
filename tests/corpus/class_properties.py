# property, staticmethod, classmethod, descriptors
class Temp:
    def __init__(self, c):
        self._c = c
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @staticmethod
    def info(x=1):
        return "static %s" % x
    @classmethod
    def freezing(cls):
        return cls(0)
t = Temp(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.celsius, t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
print(Temp.info(), t.info(2), Temp.freezing().celsius, type(Temp.__dict__["info"]).__name__, type(Temp.__dict__["freezing"]).__name__)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__, Temp.fahrenheit.fset)
class Desc:
    def __set_name__(self, owner, name):
        self.name = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, "unset") 
    def __set__(self, obj, value):
        print("Desc set", self.name, value)
        setattr(obj, self.name, value * 10)
class Holder:
    a = Desc()
    b = Desc()
h = Holder()
print(h.a)
h.a = 4
print(h.a, h.b, type(Holder.a).__name__)
class NonData:
    def __get__(self, obj, cls):
        return "from non-data"
class H2:
    x = NonData()
h2 = H2()
print(h2.x)
h2.__dict__["x"] = "instance wins"
print(h2.x)
class Cached:
    calls = 0
    @property
    def val(self):
        Cached.calls += 1
        return 42
c = Cached()
print(c.val, c.val, Cached.calls)
from functools import cached_property
class CP:
    n = 0
    @cached_property
    def heavy(self):
        CP.n += 1
        return [1, 2, 3]
cp = CP()
print(cp.heavy, cp.heavy, CP.n)
class GA:
    def __getattr__(self, name):
        return "dyn_" + name
    real = "real"
g = GA()
print(g.real, g.anything, getattr(g, "zz"))
class GAttr:
    def __init__(self):
        self.x = 1
    def __getattribute__(self, name):
        if name == "secret":
            return "intercepted"
        return object.__getattribute__(self, name)
    def __setattr__(self, name, value):
        print("setattr", name, value)
        object.__setattr__(self, name, value)
    def __delattr__(self, name):
        print("delattr", name)
        object.__delattr__(self, name)
ga = GAttr()
ga.y = 2
print(ga.x, ga.y, ga.secret)
del ga.y
class Count:
    instances = 0
    def __new__(cls, *a):
        cls.instances += 1
        return super().__new__(cls)
    def __init__(self, v):
        self.v = v
Count(1); Count(2)
print(Count.instances)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
