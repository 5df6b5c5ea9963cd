# canonical: __slots__ instance self-cycle -> 1
import gc
gc.disable()
gc.collect()
class S:
    __slots__ = ('o',)
s = S()
s.o = s
del s
print(gc.collect())
class S2:
    __slots__ = ('a', 'b')
p = S2(); q = S2()
p.a = q; q.a = p; p.b = 5
del p, q
print(gc.collect())
class S3:
    __slots__ = ('o', '__dict__')
r = S3()
r.o = r
r.extra = 1
del r
print('with __dict__ slot', gc.collect())
class S4:
    __slots__ = ('o', '__weakref__')
t = S4()
t.o = t
del t
print('with __weakref__ slot', gc.collect())
