# bytearray growth when appending
import sys
b = bytearray()
res = [(0, sys.getsizeof(b))]
for i in range(1, 90):
    b.append(65)
    s = sys.getsizeof(b)
    if s != res[-1][1]:
        res.append((i, s))
print(res)
c = bytearray(b'x' * 10)
c.extend(b'y' * 100)
print(len(c), sys.getsizeof(c))
del c[:100]
print(len(c), sys.getsizeof(c))
