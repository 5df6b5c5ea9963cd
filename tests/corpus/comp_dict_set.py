# dict and set comprehensions
print({x: x * x for x in range(6)}, {k: v for k, v in zip("abc", range(3))}, {v: k for k, v in {"a": 1, "b": 2}.items()})
print({x % 5 for x in range(20)}, {c for c in "mississippi"} == set("misp"), {(a, b) for a in range(2) for b in range(2)} == {(0, 0), (0, 1), (1, 0), (1, 1)})
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {w: words.count(w) for w in words}
print(freq)
print({w: len(w) for w in sorted(set(words))})
by_len = {}
for w in words:
    by_len.setdefault(len(w), []).append(w)
print(by_len, {k: sorted(set(v)) for k, v in sorted(by_len.items())})
print({i: {j: i * j for j in range(3)} for i in range(3)})
print({k: v for k, v in {"a": 1, "b": None, "c": 3}.items() if v is not None})
print(sorted({len(w) for w in words}), {x for x in range(10) if x % 3 == 0})
sq = {n: n ** 2 for n in range(1, 11)}
print(sum(sq.values()), max(sq, key=sq.get), list(sq.items())[:3])
keys = ["a", "b", "a", "c", "b"]
print({k: i for i, k in enumerate(keys)}, dict.fromkeys(keys), list(dict.fromkeys(keys)))
print({(i, j): i + j for i in range(2) for j in range(2)})
print(frozenset(x * 2 for x in range(5)) == {0, 2, 4, 6, 8}, {**{i: 0 for i in range(3)}, 1: "one"})
