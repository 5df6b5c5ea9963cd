# Closures, global, nonlocal, lambda
counter_total = 0

def make_counter(start=0):
    n = start
    def inc(step=1):
        nonlocal n
        global counter_total
        n += step
        counter_total += step
        return n
    return inc

c1 = make_counter()
c2 = make_counter(100)
print(c1(), c1(), c1(5), c2(), c2(10))
print("total", counter_total)

def adders():
    return [lambda x, i=i: x + i for i in range(5)]

print([f(10) for f in adders()])

def late_binding():
    return [lambda x: x + i for i in range(5)]

print([f(10) for f in late_binding()])

def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    return middle()()

print(outer())

def cell_sharing():
    fs = []
    v = 1
    def get():
        return v
    def put(nv):
        nonlocal v
        v = nv
    return get, put

g, p = cell_sharing()
print(g()); p(42); print(g())
print(type(g.__closure__).__name__, len(g.__closure__), g.__closure__[0].cell_contents)

square = lambda x: x * x
compose = lambda f, g: lambda x: f(g(x))
print(square(7), compose(square, lambda y: y + 1)(3))
print(sorted(["bb", "a", "ccc"], key=lambda s: -len(s)))
print((lambda *a, **k: (a, sorted(k)))(1, 2, z=3, y=4))

x = 10
def read_global():
    return x
def shadow():
    x = 20
    return x
print(read_global(), shadow(), x)

def modify_global():
    global x
    x += 1
modify_global(); modify_global()
print(x)

def unbound():
    try:
        print(y_local)
    except NameError as e:
        print("NameError:", e)
    try:
        z = z + 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
unbound()

def gen_closure():
    acc = []
    def add(v):
        acc.append(v)
        return len(acc)
    return add, acc
add, acc = gen_closure()
for i in "abc":
    add(i)
print(acc)

def deep(n):
    if n == 0:
        return lambda: 0
    f = deep(n - 1)
    return lambda: f() + n
print(deep(30)())
