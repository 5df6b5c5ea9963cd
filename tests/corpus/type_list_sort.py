# sorting: key, reverse, stability, sorted on various types
data = [5, 2, 8, 1, 9, 3, 7, 2]
s = data[:]
s.sort()
print(s)
s.sort(reverse=True)
print(s)
print(sorted(data, key=lambda x: -x), sorted(data, key=lambda x: x % 3), sorted(data, key=lambda x: x % 3, reverse=True))
words = ["banana", "Apple", "cherry", "apple", "Banana", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=lambda w: (len(w), w)))
recs = [("alice", 30), ("bob", 25), ("carol", 30), ("dave", 25), ("eve", 35)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: r[1], reverse=True))
print(sorted(recs, key=lambda r: (-r[1], r[0])))
from operator import itemgetter, attrgetter
print(sorted(recs, key=itemgetter(1, 0)))
class P:
    def __init__(self, n, a):
        self.n, self.a = n, a
    def __repr__(self):
        return f"P({self.n},{self.a})"
ps = [P("x", 3), P("y", 1), P("z", 2)]
print(sorted(ps, key=attrgetter("a")), max(ps, key=attrgetter("a")), min(ps, key=lambda p: p.n))
print(sorted("hello world"), sorted((3, 1, 2)), sorted({3: "a", 1: "b"}), sorted({5, 1, 3}), sorted(range(5, 0, -1)))
print(sorted([1.5, -2, 3, 0.5, True]), sorted([[2, 1], [1, 2], [1, 1, 1]]), sorted([(1, "b"), (1, "a"), (0, "z")]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, None, 1].sort()
except TypeError as e:
    print("TypeError:", e)
import random
random.seed(12345)
big = [random.randint(0, 1000) for _ in range(500)]
sb = sorted(big)
print(sb[:10], sb[-5:], all(sb[i] <= sb[i + 1] for i in range(len(sb) - 1)))
stab = sorted([(i % 5, i) for i in range(30)], key=lambda t: t[0])
print(stab)
class Rev:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        return self.v > other.v
    def __repr__(self):
        return "R%d" % self.v
print(sorted([Rev(1), Rev(3), Rev(2)]))
print(list(reversed([1, 2, 3])), sorted([], reverse=True), sorted([1]))
x = [3, 2, 1]
print(x.sort(), x)
