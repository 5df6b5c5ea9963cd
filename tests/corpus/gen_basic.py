# generators: yield, next, StopIteration, return value, state
def count_up(n):
    print("start")
    i = 0
    while i < n:
        yield i
        i += 1
    print("end")
    return "done"
g = count_up(3)
print(type(g).__name__, g.__name__)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration", e.value)
print(next(g, "exhausted"))
print(list(count_up(4)), sum(count_up(5)))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(20)])
import itertools
print(list(itertools.islice(fib(), 30, 35)))
def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("finally in gen")
for x in gen_with_finally():
    print("got", x)
g2 = gen_with_finally()
print(next(g2))
del g2
print("after del g2")
def empty():
    return
    yield
print(list(empty()))
def nested():
    for i in range(3):
        for j in range(i):
            yield (i, j)
print(list(nested()))
def infinite_squares():
    n = 0
    while True:
        yield n * n
        n += 1
for sq in infinite_squares():
    if sq > 50:
        break
    print(sq, end=" ")
print()
gen = (c.upper() for c in "abc")
print(next(gen), list(gen), list(gen))
def state():
    x = yield "first"
    print("received", x)
    y = yield "second"
    print("received", y)
s = state()
print(next(s), s.send(10))
try:
    s.send(20)
except StopIteration:
    print("state finished")
def genret():
    yield 1
    return [1, 2]
try:
    gg = genret(); next(gg); next(gg)
except StopIteration as e:
    print("value", e.value, e.args)
g3 = count_up(2)
print(g3.gi_running, g3.gi_frame is not None)
list(g3)
print(g3.gi_frame)
def raiser():
    yield 1
    raise ValueError("inside generator")
try:
    for v in raiser():
        print("v", v)
except ValueError as e:
    print("ValueError:", e)
def stopper():
    yield 1
    raise StopIteration
try:
    list(stopper())
except RuntimeError as e:
    print("RuntimeError:", e)
