# smoke test: dict literals, lookup, update, iteration, tuples
d = {"a": 1, "b": 2}
d["c"] = 3
print(d)
print(d["b"], len(d), "a" in d, "z" in d)
print(d.get("z", 0))
for k in d:
    print(k, d[k])
for k, v in d.items():
    print(k, "->", v)
del d["a"]
print(d, list(d.keys()), list(d.values()))
t = (1, "two", 3.0)
print(t, t[1], len(t))
a, b, c = t
print(a, b, c)
counts = {}
for ch in "banana":
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
