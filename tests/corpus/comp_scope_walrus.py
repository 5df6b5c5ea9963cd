# comprehension scopes: loop variables do not leak, walrus binds in the enclosing scope
x = "module x"
squares = [x * x for x in range(5)]
print(x, squares)
total = 0
running = [total := total + v for v in range(1, 6)]
print(running, total)
def f():
    found = None
    if any((found := w).startswith("b") for w in ["apple", "banana", "cherry"]):
        return found
    return None
print(f())
def g():
    data = [3, 8, 1, 9]
    big = [y for v in data if (y := v * 2) > 5]
    return big, y
print(g())
print([(i, j) for i in range(3) for j in range(i)], "i" in globals(), "j" in globals())
class C:
    items = [1, 2, 3]
    doubled = [i * 2 for i in items]
    try:
        scaled = [i * factor for i in items for factor in [10]]
    except NameError as e:
        scaled = str(e)
print(C.doubled, C.scaled)
try:
    exec("[i := 0 for i in range(3)]")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
gen = (n for n in range(3))
print(list(gen), "n" in globals())
nested = [[(r, c) for c in range(2)] for r in range(2)]
print(nested)
funcs = [lambda: k for k in range(3)]
print([fn() for fn in funcs])
funcs = [(lambda k=k: k) for k in range(3)]
print([fn() for fn in funcs])
print({k: [v for v in range(k)] for k in range(4)}, {(a, b) for a in range(2) for b in "xy"} == {(0, "x"), (0, "y"), (1, "x"), (1, "y")})
