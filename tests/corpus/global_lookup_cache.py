# LOAD_GLOBAL sees every change: globals rebound, added over a builtin, deleted again,
# builtins changed, the same code run with other globals.
import builtins


def f():
    return len, x


x = 1
for i in range(3):
    print(f()[1], f()[0] is builtins.len)
x = 2
print(f()[1])
len = lambda s: 42
print(f()[0]("abc"), f()[1])
del len
print(f()[0]("abc"))
builtins.len = lambda s: -1
print(f()[0]("abc"))
del builtins.len
try:
    f()
except NameError as e:
    print("NameError:", e)
builtins.len = lambda s: 3
print(f()[0]("ab"))

code = compile("y = z * 2", "<g>", "exec")
g1 = {"z": 1}
g2 = {"z": 10}
for g in (g1, g2, g1, g2):
    exec(code, g)
    print(g["y"])


def g():
    return zz


for k in range(4):
    globals()["zz"] = k
    print(g())
    if k == 2:
        del globals()["zz"]
        try:
            g()
        except NameError as e:
            print("NameError:", e)
for k in range(20):
    globals()["pad%d" % k] = k
    if k % 7 == 0:
        globals()["zz"] = -k
        print(g())
