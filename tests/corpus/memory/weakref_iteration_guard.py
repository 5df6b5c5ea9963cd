# deaths during iteration of weak containers are deferred
import weakref
class V:
    pass
d = weakref.WeakValueDictionary()
keep = {i: V() for i in range(6)}
for k, v in keep.items():
    d[k] = v
seen = []
for k in d:
    seen.append(k)
    if k == 2:
        del keep[4]
        del keep[5]
print(sorted(seen) if len(seen) >= 4 else seen, len(d))
del v
print(sorted(d.keys()))
s = weakref.WeakSet()
objs = [V() for i in range(4)]
for o in objs:
    s.add(o)
# Only the loop variable keeps an object alive once objs is cleared (set order follows
# addresses, so no other reference may survive).
del o
n = 0
for x in s:
    n += 1
    objs.clear()
print(n, len(s))
del x
print(len(s))
