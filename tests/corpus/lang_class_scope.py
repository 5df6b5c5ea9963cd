# class bodies as scopes, name resolution, __class__ cell, class attributes computed at definition
x = "global"
class A:
    x = "class"
    y = x + "!"
    def get_x(self):
        return x
    def get_class_x(self):
        return self.x, A.x, type(self).x
    lst = [x for _ in range(1)]
    items = [i * 2 for i in range(3)]
print(A.y, A().get_x(), A().get_class_x(), A.lst, A.items)
def factory(n):
    class Local:
        val = n
        def get(self):
            return n, self.val
    return Local
L1, L2 = factory(1), factory(2)
print(L1().get(), L2().get(), L1.__qualname__, L1 is not L2)
class B:
    def who(self):
        return __class__.__name__
class C(B):
    pass
print(C().who())
class Counter:
    total = 0
    def __init__(self):
        Counter.total += 1
        self.id = Counter.total
[Counter() for _ in range(3)]
print(Counter.total)
class Shadow:
    len = 5
    size = len
    def method(self):
        return len([1, 2])
print(Shadow.size, Shadow().method())
class Outer:
    a = 1
    class Inner:
        try:
            b = a
        except NameError as e:
            b = "NameError: " + str(e)
print(Outer.Inner.b)
def make():
    v = "enclosed"
    class K:
        v = "class-level"
        def m(self):
            return v
    return K
print(make()().m(), make().v)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["created_by"] = mcls.__name__
        ns["names"] = sorted(k for k in ns if not k.startswith("__"))
        return super().__new__(mcls, name, bases, ns)
class WithMeta(metaclass=Meta):
    b = 2
    a = 1
    def m(self):
        pass
print(WithMeta.created_by, WithMeta.names, type(WithMeta).__name__)
class Order:
    z = 1
    a = 2
    m = 3
print([k for k in Order.__dict__ if not k.startswith("__")])
