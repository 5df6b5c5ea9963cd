# eval/exec/compile with namespaces
print(eval("2 ** 10"), eval("[x * 2 for x in range(3)]"), eval("a + b", {"a": 1, "b": 2}))
g = {"__builtins__": {"len": len}}
print(eval("len('abc')", g))
try:
    eval("print('x')", g)
except NameError as e:
    print("NameError:", e)
ns = {}
exec("""
class K:
    def __init__(self, v):
        self.v = v
    def twice(self):
        return self.v * 2
items = [K(i).twice() for i in range(4)]
total = sum(items)
""", ns)
print(ns["items"], ns["total"], type(ns["K"]).__name__, "__builtins__" in ns)
loc = {}
exec("x = 5\ny = x * 2", {}, loc)
print(sorted(loc.items()))
code = compile("a * b", "<expr>", "eval")
print(eval(code, {"a": 6, "b": 7}), code.co_filename, type(code).__name__)
try:
    eval("1 +")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.lineno)
try:
    exec("def f(:\n pass")
except SyntaxError as e:
    print("SyntaxError:", e.msg)
try:
    compile("x = ", "<s>", "exec")
except SyntaxError as e:
    print("SyntaxError:", e.msg, e.filename)
def outer():
    z = 10
    return eval("z + 1")
print(outer())
counter = 0
exec("counter += 1")
exec("counter += 1", globals())
print(counter)
src = "\n".join(f"v{i} = {i} * {i}" for i in range(5))
env = {}
exec(src, env)
print([env["v%d" % i] for i in range(5)])
print(eval("(lambda n: n * n)(9)"), eval("'%s-%s' % ('a', 'b')"), eval(repr([1, "x", (2.5, None)])))
exec("import math as m_alias\nr = m_alias.floor(2.7)", env)
print(env["r"])
single = compile("1 + 1", "<single>", "single")
print(type(single).__name__)
print(eval("__name__"), eval("__name__", {"__name__": "custom"}))
