# in-place set methods and mixed set/frozenset behaviour
s = set(range(10))
s.intersection_update(range(5, 15))
print(sorted(s))
s.difference_update({5, 6}, [7])
print(sorted(s))
s.symmetric_difference_update({9, 10, 11})
print(sorted(s))
s.update("ab" if False else [20, 21], (22,))
print(sorted(s), len(s))
print({1, 2} == frozenset({1, 2}), {frozenset({1}): "a"}[frozenset([1])], {1, 2} | frozenset({3}), frozenset({3}) | {1})
print(type({1} & frozenset({1})).__name__, type(frozenset({1}) & {1}).__name__, type(frozenset({1}).copy()).__name__)
pairs = {(i, j) for i in range(3) for j in range(3) if i < j}
print(sorted(pairs), (0, 1) in pairs, (1, 0) in pairs)
nested = {frozenset({1, 2}), frozenset({2, 1}), frozenset()}
print(len(nested), frozenset() in nested)
a = set("abracadabra")
b = set("alacazam")
print(sorted(a), sorted(b), sorted(a - b), sorted(a | b), sorted(a & b), sorted(a ^ b))
print(a.isdisjoint("xyz"), a.issubset("abcdrz"), a.issuperset("ab"), a <= set("abcdr"), a < set("abcdr"))
print({-1, -2, 0, 1, 2}, {10, 1, 100, 1000}, {0.5, 1.5} == {1.5, 0.5}, {True, 1, 1.0}, {0, False, 0.0, -0.0})
s2 = {1, 2, 3}
for x in list(s2):
    if x % 2:
        s2.discard(x)
print(s2)
try:
    for x in s2:
        s2.add(x + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
print(set.union(*[{1}, {2}, {3}]), set().union(), frozenset.intersection(frozenset([1, 2]), [2, 3]))
e = set()
e.add(())
e.add((1,))
e.add(None)
print(len(e), None in e, () in e)
print(sorted({x * x % 11 for x in range(100)}), len(set(range(10000)) - set(range(0, 10000, 2))))
