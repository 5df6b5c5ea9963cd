# list comprehensions
print([x for x in range(10)], [x * x for x in range(10) if x % 2], [c for c in "hello" if c in "aeiou"])
print([(x, y) for x in range(3) for y in range(3) if x != y])
print([[i * j for j in range(1, 4)] for i in range(1, 4)])
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([row[i] for row in matrix for i in range(len(row)) if i == 1], [[row[i] for row in matrix] for i in range(3)])
print([n for row in matrix for n in row if n % 2 == 0], [sum(row) for row in matrix], [max(col) for col in zip(*matrix)])
print([x if x > 0 else -x for x in [-2, -1, 0, 1, 2]], [str(i) * i for i in range(4)], [len(w) for w in "a bb ccc".split()])
x = "outer"
res = [x for x in range(3)]
print(x, res)
print([i for i in range(20) if i % 2 if i % 3], [(i, c) for i, c in enumerate("abc")], [a + b for a, b in zip("abc", "xyz")])
fs = [lambda: i for i in range(3)]
print([f() for f in fs])
print([y for x in [[1, 2], [3]] for y in x], [[y * 2 for y in x] for x in [[1, 2], [3]]])
primes = [n for n in range(2, 60) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(primes)
print([[0] * 3 for _ in range(2)], [i for i in range(0)], [None for _ in "ab"])
words = ["apple", "Banana", "cherry", "date", "Elder"]
print([w.lower() for w in words if w[0].isupper()], [w[::-1] for w in sorted(words, key=str.lower)])
print([(w, len(w)) for w in words if len(w) > 4], sorted([w for w in words], key=lambda w: w[-1]))
class K:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(K.doubled)
print([i for i in range(5) if (sq := i * i) > 4], sq)
big = [i % 7 for i in range(10000)]
print(len(big), sum(big), big.count(3))
