# Unpacking, *rest, swaps, nested
a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *mid, tail = range(6)
print(head, mid, tail)
x, *y = (9,)
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[s, [t, u]] = ["s", ("t", "u")]
print(s, t, u)
for i, (k, v) in enumerate({"a": 1, "b": 2}.items()):
    print(i, k, v)
print(*[1, 2, 3], sep="-")
print([*range(3), *"ab", *(7, 8)])
print({**{"a": 1}, **{"b": 2, "a": 3}})
print({*[1, 2], *(2, 3)})
print((*"xy",))
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
a = b = c = [0]
a.append(1)
print(a, b, c, a is c)
x, y, z = "xyz"
print(z, y, x)
d = {}
d["k"], d["j"] = 1, 2
print(d)
lst = [0, 0, 0]
i = 0
i, lst[i] = 1, 5
print(i, lst)
def ret():
    return 1, (2, 3)
one, (two, three) = ret()
print(one + two + three)
m = [[1, 2], [3, 4], [5, 6]]
print([a * b for a, b in m])
print(list(zip(*m)))
