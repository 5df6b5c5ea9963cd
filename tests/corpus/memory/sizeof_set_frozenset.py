# set and frozenset sizes
import sys
res = []
s = set()
prev = sys.getsizeof(s)
res.append((0, prev))
for i in range(1, 100):
    s.add(i)
    z = sys.getsizeof(s)
    if z != prev:
        res.append((i, z))
        prev = z
print(res)
print(sys.getsizeof(set()), sys.getsizeof(frozenset()), sys.getsizeof(frozenset({1})))
print([sys.getsizeof(frozenset(range(n))) for n in (0, 4, 5, 18, 19, 76, 77)])
print([sys.getsizeof(set(range(n))) for n in (0, 4, 5, 18, 19, 76, 77)])
