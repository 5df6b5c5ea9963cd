# generator object attributes and inspect.getgeneratorstate
import inspect
def gen(n):
    for i in range(n):
        print("  running inside:", g.gi_running, inspect.getgeneratorstate(g))
        yield i
g = gen(2)
print(g.__name__, g.__qualname__, g.gi_code.co_name, inspect.getgeneratorstate(g), g.gi_frame is not None)
print(next(g), inspect.getgeneratorstate(g), sorted(g.gi_frame.f_locals))
print(list(g), inspect.getgeneratorstate(g), g.gi_frame)
def outer():
    yield from inner()
def inner():
    yield 1
    yield 2
o = outer()
next(o)
print(type(o.gi_yieldfrom).__name__, o.gi_yieldfrom.__name__)
list(o)
print(o.gi_yieldfrom)
class K:
    def method_gen(self):
        yield self
k = K()
mg = k.method_gen()
print(mg.__qualname__, next(mg) is k)
ge = (x for x in range(3))
print(ge.__name__, ge.__qualname__, inspect.isgenerator(ge), inspect.isgeneratorfunction(gen), inspect.isgeneratorfunction(lambda: 0))
g2 = gen(1)
g2.close()
print(inspect.getgeneratorstate(g2))
def selfref():
    yield 1
s = selfref()
print(iter(s) is s, hasattr(s, "__next__"), hasattr(s, "send"), type(s).__name__)
try:
    gen.__next__
except AttributeError as e:
    print("AttributeError:", e)
async def co():
    return 1
c = co()
print(inspect.iscoroutine(c), inspect.getcoroutinestate(c), c.__name__)
c.close()
print(inspect.getcoroutinestate(c))
