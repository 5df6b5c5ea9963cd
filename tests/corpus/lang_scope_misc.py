# Module-level code, names, builtins shadowing, __name__, exec/eval
print(__name__)
import builtins
print(type(builtins).__name__, builtins.len is len)
len_orig = len
def len(x):
    return 42
print(len([1, 2]))
del len
print(len([1, 2]))
print(eval("1 + 2 * 3"), eval("x * 2", {"x": 21}))
ns = {}
exec("def sq(n):\n    return n * n\nres = sq(12)", ns)
print(ns["res"], ns["sq"](3))
g = {"a": 1}
l = {"b": 2}
print(eval("a + b", g, l))
code = compile("z = 5\nw = z * z", "<str>", "exec")
d = {}
exec(code, d)
print(d["w"])
class A:
    x = 1
    y = x + 1
    z = [v * 10 for v in (x, y)]
print(A.y, A.z)
def f():
    return locals()
print(f())
def g2(a, b=3):
    c = a + b
    return sorted(locals().items())
print(g2(1))
print(sorted(k for k in globals() if not k.startswith("__")))
i = 100
squares = [i * i for i in range(4)]
print(i, squares)
if True:
    block_var = "visible"
print(block_var)
try:
    undefined_name
except NameError as e:
    print(e)
print(callable(print), type(print).__name__, print.__name__)
