# get_referrers scans tracked objects of gens 0-2
import gc
class T:
    pass
x = T()
a = [x]
b = {'k': x}
c = T()
c.ref = x
refs = gc.get_referrers(x)
print(any(r is a for r in refs), any(r is b for r in refs))
print(any(r is c for r in refs) or any(r is getattr(c, '__dict__', None) for r in refs))
tup = tuple([x])
print(any(r is tup for r in gc.get_referrers(x)))
print(gc.get_referrers() == [])
n = 12345678
print(isinstance(gc.get_referrers(n), list))
y = T()
print(len([r for r in gc.get_referrers(y) if isinstance(r, list)]))
