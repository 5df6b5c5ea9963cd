# Calling a class: the plain path (object.__new__, __init__ in Python) and its
# neighbours, which must all behave as CPython's type_call does.
import gc
import sys


class Plain:
    def __init__(self, a, b):
        self.a = a
        self.b = b
        # The argument tuple type_call receives holds one more reference to each
        # argument while __init__ runs.
        self.seen = sys.getrefcount(a)


marker = object()
base = sys.getrefcount(marker)
p = Plain(marker, 2)
print(p.a is marker, p.b, p.seen - base)
print(sys.getrefcount(marker) - base)


class NoArgs:
    def __init__(self):
        self.x = 1


print(NoArgs().x)


class ReturnsValue:
    def __init__(self):
        return 42


try:
    ReturnsValue()
except TypeError as e:
    print("TypeError:", e)


class WrongArity:
    def __init__(self, a):
        self.a = a


for args in [(), (1, 2)]:
    try:
        WrongArity(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    WrongArity()
except TypeError as e:
    print("TypeError:", e)


class Defaults:
    def __init__(self, a, b=5):
        self.s = a + b


print(Defaults(1).s, Defaults(1, 2).s, Defaults(a=3).s)


class CustomNew:
    def __new__(cls, *args):
        print("__new__", cls.__name__, args)
        return super().__new__(cls)

    def __init__(self, a):
        print("__init__", a)


CustomNew(7)


class NotMine:
    def __new__(cls, a):
        return a

    def __init__(self, a):
        print("never printed")


print(NotMine([1]))


class Meta(type):
    def __call__(cls, *args):
        print("Meta.__call__", args)
        return super().__call__(*args)


class WithMeta(metaclass=Meta):
    def __init__(self, a):
        self.a = a


print(WithMeta(3).a)


class Inherits(Plain):
    pass


print(Inherits(1, 2).b)


class Raises:
    def __init__(self, a):
        raise ValueError("bad %r" % (a,))


try:
    Raises(9)
except ValueError as e:
    print("ValueError:", e)


class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print("TypeError:", e)

# Each instance is one GC allocation, and the argument tuple of a one-argument call
# comes from (and goes back to) the tuple free list, so count0 moves by one per call.
gc.collect()
gc.disable()
before = gc.get_count()[0]
keep = [WrongArity(i) for i in range(10)]
print(gc.get_count()[0] - before)
gc.enable()
