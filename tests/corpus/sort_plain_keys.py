# Sorting by keys of built-in types with a total order (exact ints, strs, tuples of
# them) must give exactly CPython's order: stable, `reverse` keeping equal items in
# their original order, and the general path for everything else.
import random

random.seed(12345)
ints = [random.randrange(-1000, 1000) for _ in range(2000)]
print(sorted(ints)[:10], sorted(ints)[-5:])
print(sorted(ints, reverse=True)[:10])

# Stability: equal keys keep their input order, also with reverse=True.
tagged = [(v % 7, i) for i, v in enumerate(ints[:60])]
print(sorted(tagged, key=lambda t: t[0])[:12])
print(sorted(tagged, key=lambda t: t[0], reverse=True)[:12])

words = ["pear", "Apple", "apple", "été", "zèbre", "Ωmega", "apple", "", "a", "ab", "b"]
print(sorted(words))
print(sorted(words, reverse=True))
print(sorted(range(len(words)), key=lambda i: words[i]))
print(sorted(words, key=len))
print(sorted(["\U0001F600x", "\U0001F600", "ÿ", "Ā", "a"]))

recs = [(v % 5, str(v), v) for v in ints[:200]]
recs.sort()
print(recs[:5], recs[-3:])
recs.sort(key=lambda t: t[1], reverse=True)
print(recs[:5])
print(sorted([(1, "b"), (1,), (0, "z", 3), (1, "a", 0), ()]))

# Ints past a machine word, bools, floats and mixtures take the general path.
big = [2**70, -2**70, 5, 2**63, -2**63 - 1, 0]
print(sorted(big))
print(sorted([True, 2, False, -1, 1]))
print(sorted([3.5, 1, 2.25, -7]))
print(sorted([(1, "x"), (1, 2.5)], key=lambda t: t[0]))
print(sorted([(2, "x"), (1, 2)]))
try:
    sorted([(1, "x"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)

class MyInt(int):
    def __lt__(self, other):
        print("MyInt.__lt__")
        return int(self) < int(other)

print(sorted([MyInt(3), MyInt(1)]))
l = [5, 3, 1]
l.sort(key=lambda v: -v)
print(l)
