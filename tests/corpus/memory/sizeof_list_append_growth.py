# list over-allocation when appending one at a time
import sys
l = []
sizes = [sys.getsizeof(l)]
changes = []
for i in range(100):
    l.append(i)
    s = sys.getsizeof(l)
    if s != sizes[-1]:
        changes.append((len(l), s))
    sizes.append(s)
print(changes)
print('capacities', [(n, (s - 56) // 8) for n, s in changes])
