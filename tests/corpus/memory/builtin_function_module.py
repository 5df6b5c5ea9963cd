# Native functions: __module__ and __self__ (the module of a module function, the object
# of a bound method), their referents, weak references, and their 72-byte objects.
import sys, gc, time
print(len.__module__, sys.getsizeof.__module__, [].append.__module__, print.__self__, [].append.__self__)
print(gc.get_referents(len)[:1], sys.getsizeof(len), sys.getsizeof([].append), time.time.__module__)
print(type(len.__self__).__name__, len.__self__.__name__, sys.getsizeof.__self__ is sys)
import weakref
print(weakref.ref(len)() is len)
print(len.__self__ is __builtins__ if not isinstance(__builtins__, dict) else True, [].append.__self__ == [])


# Bound methods are 64 bytes, as CPython's (function, self, weak list, entry point), and
# call through whatever their function is.
class K:
    def m(self, x, *, k=0):
        return (x, k)


bm = K().m
print(sys.getsizeof(bm), bm(1), bm(2, k=3), list(map(bm, [4])))

class L:
    @classmethod
    def c(cls, v):
        return (cls.__name__, v)


cm = L.c
print(sys.getsizeof(cm), cm(5), L().c(6))
