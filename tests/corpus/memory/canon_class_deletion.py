# canonical: class A: pass; del A -> 6
import gc
gc.disable()
gc.collect()
class A:
    pass
del A
print(gc.collect())
class B(object):
    x = 1
    def m(self):
        pass
del B
print('with method', gc.collect())
class C:
    __slots__ = ()
del C
print('empty slots', gc.collect())
class P: pass
class Q(P): pass
del Q
print('subclass', gc.collect())
del P
print('base', gc.collect())
