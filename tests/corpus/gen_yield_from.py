# yield from: delegation, return values, send/throw pass-through
def inner():
    x = yield "i1"
    print("inner got", x)
    yield "i2"
    return "inner-result"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
    yield from "ab"
    return "outer-result"
g = outer()
print(next(g), g.send("hello"), list(g))
def chain(*its):
    for it in its:
        yield from it
print(list(chain([1, 2], (3,), {4: 0}, "xy", range(5, 7))))
def flatten(x):
    if isinstance(x, list):
        for e in x:
            yield from flatten(e)
    else:
        yield x
print(list(flatten([1, [2, [3, [4, [5]]]], 6, [[7]]])))
def tree(n):
    if n == 0:
        return 1
    a = yield from tree(n - 1)
    yield n
    b = yield from tree(n - 1)
    return a + b
t = tree(3)
vals = []
try:
    while True:
        vals.append(next(t))
except StopIteration as e:
    print(vals, "leaves", e.value)
def sub():
    try:
        yield 1
        yield 2
    except ValueError:
        print("sub handled ValueError")
        yield "recovered"
    finally:
        print("sub finally")
def deleg():
    yield from sub()
    yield "after"
d = deleg()
print(next(d), d.throw(ValueError), next(d))
d.close()
d2 = deleg()
next(d2)
d2.close()
print("d2 closed")
def counter():
    n = 0
    while True:
        v = yield n
        if v is None:
            return n
        n += v
def wrapper():
    res = yield from counter()
    yield "final %d" % res
w = wrapper()
next(w)
w.send(5)
print(w.send(7), w.send(None))
def gen_of_gens():
    yield from (x * 2 for x in range(4))
print(list(gen_of_gens()))
def depth(n):
    if n:
        yield from depth(n - 1)
    yield n
print(sum(depth(200)))
