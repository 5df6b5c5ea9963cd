# nested comprehensions and scoping details
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix, [[row[c] for row in matrix] for c in range(3)], [x for row in matrix for x in row if x % 2])
print({r: {c: r * c for c in range(3) if c <= r} for r in range(3)})
print([(a, b, c) for a in range(1, 20) for b in range(a, 20) for c in range(b, 20) if a * a + b * b == c * c])
print(sorted({frozenset((a, b)) for a in range(3) for b in range(3) if a != b}, key=sorted))
words = ["apple", "banana", "cherry"]
print({w: {ch: w.count(ch) for ch in sorted(set(w))} for w in words})
print([[c.upper() if i % 2 else c for i, c in enumerate(w)] for w in words])
print([list(g) for g in ([x] * x for x in range(4))])
y = 10
print([y for y in range(3)], y, [[y for y in range(2)] for _ in range(2)], y)
funcs = [[lambda i=i, j=j: (i, j) for j in range(2)] for i in range(2)]
print([[f() for f in row] for row in funcs])
gen = ((i, j) for i in range(3) for j in range(i))
print(list(gen))
print(sum(sum(row) for row in matrix), max(max(row) for row in matrix), [min(r) for r in zip(*matrix)])
data = {"a": [1, 2, 3], "b": [4, 5], "c": []}
print({k: sum(v) / len(v) for k, v in data.items() if v}, [(k, x) for k, v in data.items() for x in v if x % 2 == 0])
print([[(i, j) for j in range(i)] for i in range(4)], [i for i in range(10) if i % 2 == 0 if i % 3 == 0])
class C:
    base = 10
    vals = [v + 1 for v in (base, base * 2)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as e:
        bad = "NameError: " + str(e)
print(C.vals, C.bad)
print([x for x in [y for y in range(5) if y > 1] if x < 4], [[z for z in range(w)] for w in range(3)][2])
