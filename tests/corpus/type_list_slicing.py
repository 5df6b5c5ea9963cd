# list slicing and slice assignment
l = list(range(10))
print(l[2:5], l[:3], l[7:], l[-3:], l[::2], l[1::3], l[::-1], l[8:2:-2], l[-1:-5:-1], l[5:5], l[100:], l[-100:2])
a = list(range(10))
a[2:5] = ["a", "b"]
print(a)
a[2:2] = [100, 200, 300]
print(a)
a[:] = a[::-1]
print(a)
a[::2] = [0] * len(a[::2])
print(a)
a[-2:] = []
print(a)
a[1:3] = "xyz"
print(a)
try:
    a[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
del a[::3]
print(a)
b = [1, 2, 3, 4, 5]
b[1:4] = b
print(b)
c = [1, 2, 3]
c[len(c):] = [4, 5]
c[:0] = [-1, 0]
print(c)
s = slice(1, 8, 2)
print(s, s.start, s.stop, s.step, list(range(10))[s], s.indices(5), slice(None).indices(3), slice(-3, None).indices(10))
print(slice(3), slice(1, 2), repr(slice(None, None, -1)), slice(1, 2) == slice(1, 2))
t = tuple(range(8))
print(t[1:4], t[::-2], "abcdefgh"[s], b"abcdefgh"[s], range(20)[s], range(20)[::-3])
m = list(range(20))
m[3:17:4] = ["A", "B", "C", "D"]
print(m)
e = []
e[:] = range(3)
print(e)
x = [1, 2, 3]
y = x[:]
y.append(4)
print(x, y, x[:] == x, x[:] is x)
print(l[True:], l[False:True])
class Idx:
    def __index__(self):
        return 3
print(l[Idx()], l[:Idx()], "hello"[Idx()])
