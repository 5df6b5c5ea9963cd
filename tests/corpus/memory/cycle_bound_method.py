# an instance storing its own bound method (test_method)
import gc
gc.disable()
gc.collect()
class A:
    def __init__(self):
        self.init = self.__init__
a = A()
del a
print(gc.collect())
class B:
    def m(self):
        pass
b = B()
b.methods = [b.m, b.m]
del b
print('list of bound methods', gc.collect())
