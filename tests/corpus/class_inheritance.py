# inheritance, MRO, super()
class A:
    def __init__(self):
        print("A.__init__")
        self.trace = ["A"]
    def who(self):
        return "A"
    def hello(self):
        return "hello from " + self.who()
class B(A):
    def __init__(self):
        print("B.__init__")
        super().__init__()
        self.trace.append("B")
    def who(self):
        return "B"
class C(A):
    def __init__(self):
        print("C.__init__")
        super().__init__()
        self.trace.append("C")
    def who(self):
        return "C+" + super().who()
class D(B, C):
    def __init__(self):
        print("D.__init__")
        super().__init__()
        self.trace.append("D")
d = D()
print(d.trace, d.who(), d.hello())
print([k.__name__ for k in D.__mro__], [k.__name__ for k in D.mro()])
print(issubclass(D, A), issubclass(D, (int, C)), isinstance(d, B), D.__bases__, A.__subclasses__() == [B, C])
print(super(B, d).who(), super(C, d).who())
class Base:
    def greet(self, name="x"):
        return f"Base greet {name}"
    @classmethod
    def make(cls):
        return cls()
class Child(Base):
    def greet(self, name="y"):
        return "Child/" + super().greet(name)
print(Child().greet(), Child().greet("z"), type(Child.make()).__name__, Base.make().greet())
class X: pass
class Y: pass
class Z(X, Y): pass
try:
    class Bad(X, Z): pass
except TypeError as e:
    print("TypeError:", e)
class O1:
    def m(self): return "O1"
class O2(O1): pass
class O3(O1):
    def m(self): return "O3"
class O4(O2, O3): pass
print(O4().m(), [c.__name__ for c in O4.__mro__])
class Animal:
    sound = "..."
    def speak(self):
        return f"{type(self).__name__} says {self.sound}"
class Cat(Animal):
    sound = "meow"
class Lion(Cat):
    sound = "roar"
for a in (Animal(), Cat(), Lion()):
    print(a.speak())
class IntChild(int):
    def double(self):
        return self * 2
i = IntChild(21)
print(i, i.double(), i + 1, type(i + 1).__name__, isinstance(i, int))
class MyList(list):
    def push(self, x):
        self.append(x)
        return self
ml = MyList([1, 2]).push(3)
print(ml, len(ml), type(ml).__name__, ml[1:], type(ml[1:]).__name__)
class MyDict(dict):
    def __missing__(self, key):
        return key * 2
md = MyDict(a=1)
print(md["a"], md["zz"], md.get("q"), md)
class MyStr(str):
    def shout(self):
        return self.upper() + "!"
print(MyStr("hi").shout(), MyStr("a") + "b", type(MyStr("a") + "b").__name__)
class Init:
    def __init__(self, *args, **kw):
        self.args, self.kw = args, kw
class Sub(Init):
    pass
s = Sub(1, 2, k=3)
print(s.args, s.kw)
print(object.__subclasshook__ is not None, type(super(D, d)).__name__)
