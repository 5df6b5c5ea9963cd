# the collector never calls __getattr__ (test_boom)
import gc
gc.disable()
gc.collect()
class Boom:
    def __getattr__(self, name):
        del self.attr
        raise AttributeError(name)
a = Boom(); b = Boom()
a.attr = b; b.attr = a
garbage = len(gc.garbage)
del a, b
print(gc.collect(), len(gc.garbage) - garbage)
class Boom2:
    def __init__(self):
        self.x = 0
    def __getattr__(self, name):
        self.x += 1
        if self.x > 1:
            del self.attr
        raise AttributeError(name)
a = Boom2(); b = Boom2()
a.attr = b; b.attr = a
del a, b
print(gc.collect(), len(gc.garbage) - garbage)
class Boom3:
    def __getattribute__(self, name):
        raise AttributeError(name)
a = Boom3()
object.__setattr__(a, 'me', a)
del a
print(gc.collect())
