# set and frozenset operations (int elements; str sets printed sorted)
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b, a <= b, a >= {1}, {1, 2} < a, a.isdisjoint({9}))
print(a.union([7], (8,)), a.intersection(range(3)), a.difference({1}, {2}), a.symmetric_difference([4, 5]))
s = set()
s.add(5)
s.add(5)
s.update([1, 2], {3})
print(s, len(s), 5 in s, 9 in s)
s.discard(99)
s.remove(5)
print(s, s.pop() in {1, 2, 3}, len(s))
try:
    s.remove(99)
except KeyError as e:
    print("KeyError:", e)
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
c = {1, 2, 3}
c |= {4}
c &= {2, 3, 4}
c -= {3}
c ^= {9, 2}
print(c)
f = frozenset([1, 2, 3])
print(f, f | {4}, type(f | {4}).__name__, type({4} | f).__name__, hash(f) == hash(frozenset({3, 2, 1})), f == {1, 2, 3})
print({f: "ok"}[frozenset([3, 1, 2])], frozenset(), set(), frozenset("aa"), len(frozenset(range(100))))
try:
    hash({1})
except TypeError as e:
    print("TypeError:", e)
try:
    {[1]}
except TypeError as e:
    print("TypeError:", e)
try:
    f.add(1)
except AttributeError as e:
    print("AttributeError:", e)
words = {"pear", "apple", "fig", "apple"}
print(sorted(words), len(words), "fig" in words)
print({x % 7 for x in range(50)}, set(range(5)) == {0, 1, 2, 3, 4}, {1.0, 1, True})
print(sorted({-5, 3, -1, 100, 7}), min({4, 2, 8}), max(frozenset([3, 9])), sum({1, 2, 3}))
big = set(range(0, 10000, 3))
big2 = set(range(0, 10000, 5))
print(len(big), len(big & big2), len(big | big2), sorted(big & big2)[:5], 9999 in big)
for i in range(0, 10000, 2):
    big.discard(i)
print(len(big), min(big), max(big))
print(set([1, 2]).issubset([1, 2, 3]), set([1, 2, 3]).issuperset([1]), {1, 2}.copy(), set("abc") == set("cba"))
print(repr(set()), repr(frozenset()), repr({1}), str(frozenset({1})))
