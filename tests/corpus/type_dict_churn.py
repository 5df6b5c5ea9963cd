# dict insertion/deletion churn keeps insertion order and correct contents
import random
random.seed(7)
d = {}
ref = []
for step in range(3000):
    k = random.randint(0, 200)
    op = random.random()
    if op < 0.6:
        if k not in d:
            ref.append(k)
        d[k] = step
    elif k in d:
        del d[k]
        ref.remove(k)
print(len(d), list(d) == ref, list(d)[:10], sum(d.values()))
e = dict.fromkeys(range(100))
for i in range(0, 100, 2):
    del e[i]
for i in range(0, 100, 4):
    e[i] = "back"
print(list(e)[:8], list(e)[-8:], len(e))
s = {}
for i in range(50):
    s["k%03d" % i] = i
for i in range(0, 50, 3):
    s.pop("k%03d" % i)
s["new"] = -1
print(list(s.items())[:5], list(s)[-3:], len(s))
while s:
    k, v = s.popitem()
    if v < 40:
        break
print(k, v, len(s))
big = {}
for i in range(20000):
    big[i] = i
for i in range(19990):
    del big[i]
print(list(big.items()), len(big))
big.update((i, -i) for i in range(5))
print(list(big)[-6:], big[3])
od = {}
for w in "the cat sat on the mat with the hat".split():
    od[w] = od.pop(w, 0) + 1
print(od)
cp = dict(od)
cp.clear()
print(cp, od == dict(sorted(od.items(), key=lambda kv: list(od).index(kv[0]))))
t = {}
t[1] = "a"; t[1.0] = "b"; t[True] = "c"
print(t, list(t.keys()), type(list(t)[0]).__name__)
