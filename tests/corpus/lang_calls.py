# call mechanics: argument binding, unpacking in calls, evaluation order
order = []
def v(x):
    order.append(x)
    return x
def f(a, b, c=3, *args, d, e=5, **kw):
    return (a, b, c, args, d, e, sorted(kw.items()))
print(f(v(1), v(2), d=v(4)))
print(order)
order.clear()
print(f(*[v(1), v(2)], v(3), *(v(6),), d=v(4), **{"z": v(9)}, y=v(8)))
print(order)
print(f(1, 2, 3, 4, 5, d=6, e=7, x=8))
print(f(b=2, a=1, d=0))
def g(*args, **kwargs):
    return args, kwargs
print(g(), g(1), g(a=1), g(*range(3), **dict(x=1, y=2)))
print(g(*"ab", *[1], **{"k": 1}, **{"j": 2}))
try:
    g(**{"a": 1}, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2, d=3, a=9)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1)
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    g(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
def h(a, /, b, *, c):
    return a, b, c
print(h(1, 2, c=3), h(1, b=2, c=3))
try:
    h(a=1, b=2, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    h(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
class C:
    def m(self, x, y=2):
        return (type(self).__name__, x, y)
    def __call__(self, *a):
        return ("called", a)
c = C()
print(c.m(1), C.m(c, 1, y=5), c(1, 2), getattr(c, "m")(x=0), (c.m)(9))
print(list(map(c.m, [1, 2])), sorted([3, 1, 2], key=abs), max(*[1, 5, 3]))
print((lambda *a, k=1: (a, k))(1, 2, k=3), (lambda: "no args")())
def rec_kw(**kw):
    if not kw:
        return 0
    k = sorted(kw)[0]
    kw.pop(k)
    return 1 + rec_kw(**kw)
print(rec_kw(a=1, b=2, c=3))
import functools
p = functools.partial(f, 1, d=4)
print(p(2), p(2, 3, e=0))
print(print.__call__("via __call__") is None)
