# The reprs of partial and partialmethod (which keeps CPython 3.11's empty ", " parts).
import functools

print(repr(functools.partial(max, 1, key=abs)), repr(functools.partial(min)))


class A:
    m = functools.partialmethod(max, 3)
    n = functools.partialmethod(max, key=abs)
    o = functools.partialmethod(max)
    p = functools.partialmethod(max, 1, 2, key=abs)


for name in "mnop":
    print(repr(A.__dict__[name]))
