# dict views and iteration
d = {"one": 1, "two": 2, "three": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), "one" in k, 2 in v, ("two", 2) in it, ("two", 3) in it)
d["four"] = 4
print(list(k), list(v), list(it))
print(k & {"one", "five"}, sorted(k | {"x"}), sorted(k - {"one"}), sorted(k ^ {"one", "q"}))
print(it & {("one", 1)}, k == {"one", "two", "three", "four"}, k.isdisjoint({"z"}))
print(sorted(v), sum(v), max(d, key=d.get), min(d.items(), key=lambda x: x[1]))
for key in d:
    print(key, d[key], end=" | ")
print()
for key, val in d.items():
    print(f"{key}={val}", end=" ")
print()
try:
    for key in d:
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
try:
    for key in d:
        del d[key]
except RuntimeError as e:
    print("RuntimeError:", e)
print(d)
d2 = {i: str(i) for i in range(5)}
for key in list(d2):
    if key % 2:
        del d2[key]
print(d2, list(reversed(d2.keys())), list(reversed(d2.values())), list(reversed(d2.items())))
print(type(k).__name__, type(v).__name__, type(it).__name__, type(iter(d)).__name__)
itr = iter({"a": 1, "b": 2})
print(next(itr), next(itr), next(itr, "done"))
vw = {1: 1}.values()
print(vw == vw, list(vw) == [1])
from collections import OrderedDict, defaultdict, Counter
od = OrderedDict([("x", 1), ("y", 2)])
od.move_to_end("x")
print(od, list(od), od.popitem(last=False))
dd = defaultdict(list)
for w in ["apple", "avocado", "banana", "blueberry", "cherry"]:
    dd[w[0]].append(w)
print(dict(dd), dd["z"], len(dd))
cnt = Counter("abracadabra")
print(cnt.most_common(3), cnt["a"], cnt["z"], sorted(cnt.elements())[:6], sum(cnt.values()))
