# dict basics: ordering, get/setdefault/pop/update/popitem
d = {"b": 1, "a": 2, "c": 3}
d["z"] = 26
d["a"] = 20
print(d, len(d), list(d), d["c"])
print(d.get("a"), d.get("q"), d.get("q", "def"), "a" in d, "q" not in d)
print(d.setdefault("a", 0), d.setdefault("n", []), d)
d["n"].append(1)
print(d.pop("b"), d.pop("missing", None), d)
d.update({"x": 1}, y=2)
d.update([("w", 0)])
print(d)
print(d.popitem(), d.popitem(), d)
del d["a"]
d["a"] = "again"
print(d)
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("abc", range(3))), dict.fromkeys("xyz", 0), dict.fromkeys([1, 2]))
print({1: "int", 1.0: "float", True: "bool"}, {0: "a", False: "b"})
keys = {(1, 2): "tuple", None: "none", 3.5: "float", frozenset([1]): "fs", "s": "str", b"b": "bytes"}
print(keys[(1, 2)], keys[None], keys[frozenset({1})], len(keys))
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    {}[[1]] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
try:
    {1: 2}.pop(3)
except KeyError as e:
    print("KeyError:", e)
c = {"a": [1]}
sh = c.copy()
sh["a"].append(2)
sh["b"] = 1
print(c, sh)
print({"a": 1} == {"a": 1}, {"a": 1, "b": 2} == {"b": 2, "a": 1}, {1: 2} != {1: 3})
print({**{"a": 1}, "b": 2} | {"c": 3}, {"a": 1} | {"a": 2})
m = {"a": 1}
m |= {"b": 2}
print(m)
counts = {}
for ch in "mississippi":
    counts[ch] = counts.get(ch, 0) + 1
print(counts, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv)
big = {i: i * i for i in range(1000)}
for i in range(0, 1000, 3):
    del big[i]
print(len(big), sum(big), list(big)[:5], list(big)[-3:])
big[0] = "back"
print(list(big.items())[-1])
rev = dict(reversed(list({"x": 1, "y": 2}.items())))
print(rev, list(reversed({"p": 1, "q": 2})))
print(str({}), repr({"k": "v"}), {1: {2: {3: 4}}}[1][2][3])
