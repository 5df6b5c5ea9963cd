# default argument values are held by the function object
import sys
class T:
    pass
v = T()
base = sys.getrefcount(v)
def f(a=v, b=v):
    return a
print("two defaults", sys.getrefcount(v) - base)
def g(*, k=v):
    return k
print("kw default", sys.getrefcount(v) - base)
print(f() is v, g() is v)
print(type(f.__defaults__).__name__, len(f.__defaults__), list(g.__kwdefaults__))
f.__defaults__ = None
print("defaults cleared", sys.getrefcount(v) - base)
del g
print("g deleted", sys.getrefcount(v) - base)
lam = lambda x=v: x
print("lambda default", sys.getrefcount(v) - base)
del lam
print("end", sys.getrefcount(v) - base)
