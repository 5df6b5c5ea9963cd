# list shrinks when popped below half the allocation
import sys
l = [None] * 100
print(sys.getsizeof(l))
seen = []
while l:
    l.pop()
    s = sys.getsizeof(l)
    if not seen or seen[-1][1] != s:
        seen.append((len(l), s))
print(seen)
m = list(range(50))
del m[10:]
print(len(m), sys.getsizeof(m))
m.clear()
print(sys.getsizeof(m))
n = list(range(20))
n[:] = []
print(sys.getsizeof(n))
