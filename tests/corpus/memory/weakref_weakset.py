# WeakSet membership follows the referents' lifetimes
import weakref
class T:
    def __init__(self, n):
        self.n = n
s = weakref.WeakSet()
items = [T(i) for i in range(6)]
for it in items:
    s.add(it)
print(len(s), sorted(x.n for x in s))
del items[::2]
print(len(s), sorted(x.n for x in s))
t = T(100)
s.add(t)
print(t in s, T(5) in s, len(s))
s.discard(t)
print(t in s, len(s))
del it
items.clear()
print(len(s), list(s))
try:
    s.add(1)
except TypeError as e:
    print("TypeError:", e)
