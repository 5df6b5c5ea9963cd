# sizes of functions, methods, generators, classes, modules, weakrefs
import sys, weakref
def f():
    pass
def mk():
    x = 1
    def g():
        return x
    return g
class C:
    def m(self):
        pass
def gen0():
    yield 1
def gen4(a, b):
    c = a + b
    d = c
    yield d
print(sys.getsizeof(f), sys.getsizeof(lambda: 0), sys.getsizeof(mk()))
print(sys.getsizeof(C().m), sys.getsizeof(gen0()), sys.getsizeof(gen4(1, 2)))
print(sys.getsizeof(C) > 1000, sys.getsizeof(int), sys.getsizeof(type))
print(sys.getsizeof(sys), sys.getsizeof(len))
o = C()
print(sys.getsizeof(weakref.ref(o)), sys.getsizeof(weakref.proxy(o)))
print(sys.getsizeof(mk().__closure__[0]), sys.getsizeof(staticmethod(f)), sys.getsizeof(property()))
print(sys.getsizeof(ValueError()), sys.getsizeof(enumerate([])), sys.getsizeof(zip()))
print(sys.getsizeof(map(len, [])), sys.getsizeof(iter([])))
