# get_referents of cycle members and of functions/closures
import gc
l = []
l.append(l)
print(gc.get_referents(l)[0] is l)
d = {}
d['me'] = d
print(gc.get_referents(d)[0] is d)
def f(a=1):
    pass
r = gc.get_referents(f)
print(any(x is f.__code__ for x in r), any(x is f.__globals__ for x in r), any(x == (1,) for x in r))
c = (lambda x: lambda: x)([5])
r = gc.get_referents(c)
print(any(type(x).__name__ == 'tuple' and type(x[0]).__name__ == 'cell' for x in r))
print(gc.get_referents(c.__closure__[0]))
t = (1, [2], 'x')
print(gc.get_referents(t))
