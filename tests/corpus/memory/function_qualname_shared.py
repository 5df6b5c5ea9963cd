# A function shares its code object's name and qualified name (CPython's
# func_qualname = co_qualname): making a closure allocates the function object alone,
# of CPython's size.
import sys
import tracemalloc


def f():
    pass


def mk():
    return lambda: 0


a, b = mk(), mk()
print(f.__qualname__ is f.__code__.co_qualname, f.__name__ is f.__code__.co_name)
print(a.__qualname__ is b.__qualname__, a.__qualname__, a.__code__.co_qualname is a.__qualname__)
fs = [mk() for _ in range(10)]
tracemalloc.start()
fs = [None] * 1000
base = tracemalloc.get_traced_memory()[0]
for i in range(1000):
    fs[i] = mk()
per = (tracemalloc.get_traced_memory()[0] - base) / 1000
tracemalloc.stop()
# One function object each, of CPython's size, and no qualified-name string per closure.
print("bytes per function", round(per), "getsizeof", sys.getsizeof(fs[0]))
