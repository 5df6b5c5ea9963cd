# Random dict operations (fixed seed: pymm's random is CPython's Mersenne Twister), with
# sys.getsizeof after each step: the table's growth, deletions, re-insertions, the switch
# from str-only keys to general keys, clear(), copy(), popitem() and iteration order.
import random
import sys

rng = random.Random(1234)
keys = ["k%d" % i for i in range(60)] + list(range(40)) + [(1, 2), 2.5, None, "", "é", "\u20ac"]
str_keys = keys[:60]
log = []
for trial in range(30):
    d = {}
    pool = str_keys if trial % 3 else keys
    for step in range(rng.randrange(5, 120)):
        op = rng.random()
        k = rng.choice(pool)
        if op < 0.55:
            d[k] = step
        elif op < 0.75:
            d.pop(k, None)
        elif op < 0.80 and d:
            d.popitem()
        elif op < 0.83:
            d.setdefault(k, -step)
        elif op < 0.85:
            d = d.copy()
        elif op < 0.86:
            d.clear()
        elif op < 0.87:
            d.update({rng.choice(pool): step, rng.choice(pool): -step})
        elif op < 0.88:
            d = dict(d) if step % 2 else {**d}
        elif op < 0.89:
            d.update({k2: step for k2 in rng.sample(pool, rng.randrange(1, 12))})
        elif op < 0.90:
            e = {}
            e.update(d)
            d = e
        else:
            _ = k in d, d.get(k)
        log.append(sys.getsizeof(d))
    print(trial, len(d), list(d.items())[:8], sys.getsizeof(d))
    print("  sizes", log[-12:])
    print("  order", list(d)[-6:], list(reversed(d))[:3])
# Deleting everything keeps the table until the next resize; clear() drops it.
d = {i: i for i in range(100)}
s1 = sys.getsizeof(d)
for i in range(100):
    del d[i]
print(s1, sys.getsizeof(d), len(d))
d["x"] = 1
print(sys.getsizeof(d))
d.clear()
print(sys.getsizeof(d), sys.getsizeof({}), sys.getsizeof(dict.fromkeys("abcdef")))
big = {("b%d" % i): i for i in range(50)}
print([sys.getsizeof(x) for x in (big.copy(), dict(big), {**big}, dict.fromkeys(big), dict.fromkeys(set(big)), dict.fromkeys(range(50)))])
for i in range(40):
    del big["b%d" % i]
print(sys.getsizeof(big), sys.getsizeof(big.copy()), list(big.copy())[:3])
