# classes in cycles
import gc
gc.disable()
gc.collect()
class A:
    pass
A.me = A
del A
print('class attr to itself', gc.collect())
class B:
    pass
class C(B):
    pass
B.sub = C
del B, C
print('base knows subclass', gc.collect())
def f():
    class Local:
        pass
    return Local()
o = f()
del o
print('local class + instance', gc.collect())
class M(type):
    pass
class X(metaclass=M):
    pass
del X
print('metaclass instance', gc.collect())
