# refcounts seen from inside functions
import sys
class T:
    pass
def f(a):
    return sys.getrefcount(a)
def g(a, b):
    return sys.getrefcount(a)
def h(*args):
    return sys.getrefcount(args[0])
def k(**kw):
    return sys.getrefcount(kw['a'])
def local_only():
    o = T()
    return sys.getrefcount(o)
def local_alias():
    o = T()
    p = o
    return sys.getrefcount(o)
x = T()
print("f(x)", f(x))
print("g(x, x)", g(x, x))
print("h(x)", h(x))
print("k(a=x)", k(a=x))
print("local", local_only())
print("alias", local_alias())
print("after calls", sys.getrefcount(x))
def nested(a):
    def inner():
        return sys.getrefcount(a)
    return inner()
print("nested", nested(x))
print("lambda", (lambda a: sys.getrefcount(a))(x))
def ret(a):
    return a
r = ret(x)
print("returned", sys.getrefcount(x))
del r
print("final", sys.getrefcount(x))
