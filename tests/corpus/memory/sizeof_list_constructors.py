# list(range(n)), list(tuple), comprehension, extend sizes
import sys
print([sys.getsizeof(list(range(n))) for n in range(12)])
print([sys.getsizeof(list(tuple(range(n)))) for n in range(12)])
print([sys.getsizeof([i for i in range(n)]) for n in range(12)])
l = []
out = []
for k in (1, 2, 3, 5, 10, 20):
    l.extend(range(k))
    out.append((len(l), sys.getsizeof(l)))
print(out)
m = [0] * 4
m.extend([1] * 100)
print(len(m), sys.getsizeof(m))
print(sys.getsizeof(list('abcdefg')), sys.getsizeof(sorted(range(7))))
print(sys.getsizeof([1, 2] + [3]), sys.getsizeof([1, 2] * 3))
