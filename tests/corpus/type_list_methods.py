# list methods
l = [3, 1, 4, 1, 5, 9, 2, 6]
l.append(5)
l.extend([3, 5])
l.insert(0, 0)
l.insert(100, 99)
l.insert(-1, 98)
print(l, len(l))
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l, l.index(5), l.index(5, 4), l.count(5), l.count(42))
l.reverse()
print(l)
c = l.copy()
c.clear()
print(c, l)
print([1, 2] + [3], [0] * 5, [[]] * 3, 5 in l, 42 not in l)
m = [[]] * 3
m[0].append("shared")
print(m)
nested = [[0] * 3 for _ in range(3)]
nested[1][1] = 5
print(nested)
print(list("abc"), list(range(3)), list((1, 2)), list({"a": 1, "b": 2}), list())
a = [1, 2, 3]
b = a
b += [4]
print(a, a is b)
b = b + [5]
print(a, b, a is b)
a *= 2
print(a)
print(min(l), max(l), sum(l), sorted(l), l == sorted(l), [1, 2, 3] < [1, 2, 4], [1, [2]] == [1, [2]])
try:
    [].pop()
except IndexError as e:
    print("IndexError:", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1].index(2)
except ValueError as e:
    print("ValueError:", e)
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    [1, 2][5] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    one = [1]
    one["a"]
except TypeError as e:
    print("TypeError:", e)
stack = []
for i in range(5):
    stack.append(i * i)
while stack:
    print("pop", stack.pop(), end="; ")
print()
rec = [1, 2]
rec.append(rec)
print(rec, len(rec))
print(repr([None, True, 1.5, "s", b"b", (1,), {}, set()]))
big = list(range(1000))
print(sum(big), big[500], big[-1], len(big[::7]), big.index(999))
