# generator expressions and lazy evaluation
log = []
def src(n):
    for i in range(n):
        log.append(i)
        yield i
g = (x * x for x in src(5))
print(log)
print(next(g), log)
print(list(g), log)
print(sum(x for x in range(100)), max(x % 7 for x in range(50)), min((len(w), w) for w in ["aa", "b", "ccc"]))
print(any(x > 3 for x in [1, 2, 5]), all(x > 0 for x in []), "".join(c for c in "hello" if c != "l"))
nested = ((i, j) for i in range(3) for j in range(i))
print(list(nested))
pipeline = (s.strip().upper() for s in ["  a ", "b  ", " c"] if s.strip())
print(list(pipeline))
evens = (n for n in range(20) if n % 2 == 0)
squares = (n * n for n in evens)
small = (n for n in squares if n < 100)
print(list(small))
x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
g = (i for i in range(3))
print(list(zip(g, g)))
import itertools
print(list(itertools.takewhile(lambda v: v < 10, (n * 3 for n in itertools.count()))))
print(list(itertools.chain.from_iterable((range(i) for i in range(4)))))
print(sorted((v for v in {3: 0, 1: 0, 2: 0}), reverse=True))
print(dict((k, len(k)) for k in ["one", "three"]), set(c for c in "mississippi") == set("misp"), tuple(n for n in range(3)))
try:
    list(1 / (n - 2) for n in range(5))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
genexp = (i for i in range(3))
print(type(genexp).__name__, iter(genexp) is genexp)
print(list(map(lambda t: t[0] * t[1], zip(range(5), range(5, 10)))))
print(sum(1 for line in "a\nb\n\nc".splitlines() if line))
