# exec/eval find built-ins through the globals' __builtins__ (a dict or a module), and
# insert the builtins dict when it is missing.
g = {}
exec("x = 1", g)
import builtins
print(type(g["__builtins__"]).__name__, g["__builtins__"] is builtins.__dict__)
m = {"__builtins__": builtins}
print(eval("len([1])", m))
try: eval("len", {"__builtins__": {}})
except NameError as e: print(e)
print(eval("abs(-1)", {"__builtins__": {"abs": abs}}))
ns = {"__builtins__": {"print": print, "len": len}}
exec("def f(): return len([1, 2])\nprint(f())", ns)
