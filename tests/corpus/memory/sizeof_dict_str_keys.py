# dict size by number of str keys
import sys
res = []
d = {}
prev = sys.getsizeof(d)
res.append((0, prev))
for i in range(1, 180):
    d['k%d' % i] = i
    s = sys.getsizeof(d)
    if s != prev:
        res.append((i, s))
        prev = s
print(res)
d[1] = 1
print('mixed', sys.getsizeof(d))
print(sys.getsizeof({}), sys.getsizeof({'a': 1}), sys.getsizeof({1: 1}), sys.getsizeof(dict(a=1, b=2)))
print(sys.getsizeof(dict.fromkeys(range(10))), sys.getsizeof({i: i for i in range(10)}))
