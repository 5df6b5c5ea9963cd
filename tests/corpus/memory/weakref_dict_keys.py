# WeakKeyDictionary drops entries when keys die; cascading deletes
import weakref
class K:
    def __init__(self, n):
        self.n = n
    def __repr__(self):
        return 'K%d' % self.n
d = weakref.WeakKeyDictionary()
ks = [K(i) for i in range(4)]
for k in ks:
    d[k] = k.n * 10
print(len(d), sorted(d.values()))
del ks[0]
print(len(d), sorted(d.values()))
k = ks[0]
print(d[k], k in d, K(99) in d)
del k
ks.clear()
print(len(d))
chain = weakref.WeakKeyDictionary()
a = K(1); b = K(2); c = K(3)
chain[a] = b
chain[b] = c
chain[c] = 'end'
del b, c
print(len(chain))
del a
print(len(chain))
