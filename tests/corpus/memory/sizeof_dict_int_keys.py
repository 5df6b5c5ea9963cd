# dict size by number of int keys
import sys
res = []
d = {}
prev = sys.getsizeof(d)
res.append((0, prev))
for i in range(1, 180):
    d[i] = i
    s = sys.getsizeof(d)
    if s != prev:
        res.append((i, s))
        prev = s
print(res)
for i in range(1, 150):
    del d[i]
print(len(d), sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d))
