# cooperative multiple inheritance with super() and **kwargs
class Base:
    def __init__(self, **kw):
        print("Base.__init__ leftover", sorted(kw))
        self.log = ["Base"]
    def describe(self):
        return ["Base"]
class Named(Base):
    def __init__(self, name="?", **kw):
        super().__init__(**kw)
        self.name = name
        self.log.append("Named")
    def describe(self):
        return ["Named(%s)" % self.name] + super().describe()
class Aged(Base):
    def __init__(self, age=0, **kw):
        super().__init__(**kw)
        self.age = age
        self.log.append("Aged")
    def describe(self):
        return ["Aged(%d)" % self.age] + super().describe()
class Person(Named, Aged):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Person")
    def describe(self):
        return ["Person"] + super().describe()
p = Person(name="ann", age=30, extra=1)
print(p.log, p.describe(), [c.__name__ for c in Person.__mro__])
class A:
    @classmethod
    def create(cls):
        return "A.create for " + cls.__name__
    @staticmethod
    def helper():
        return "A.helper"
class B(A):
    @classmethod
    def create(cls):
        return "B+" + super().create()
    @staticmethod
    def helper():
        return "B+" + super(B, B).helper()
print(B.create(), B().create(), B.helper())
class P:
    @property
    def value(self):
        return 10
class Q(P):
    @property
    def value(self):
        return super().value * 2
print(Q().value)
class Loggable:
    def __setattr__(self, name, value):
        print("set", name, "=", value)
        super().__setattr__(name, value)
class Point(Loggable):
    def __init__(self, x, y):
        self.x = x
        self.y = y
pt = Point(1, 2)
print(pt.x + pt.y)
class ListWithLog(list):
    def append(self, x):
        print("appending", x)
        super().append(x)
    def __getitem__(self, i):
        return ("item", super().__getitem__(i))
lw = ListWithLog()
lw.append(5)
lw.append(6)
print(lw, lw[1], len(lw))
class Outer:
    def method(self):
        def inner():
            return super(Outer, self).__repr__().startswith("<")
        return inner()
print(Outer().method())
try:
    class Broken:
        def m(self):
            return super().nothing()
    Broken().m()
except AttributeError as e:
    print("AttributeError:", e)
print(super(Person, p).describe()[:2], super(Named, p).describe()[:1])
