# f.__call__ on functions, builtins and bound methods, and ** keys that are not
# strings.
def g(**k): return k
for f in [lambda: g(**{1: 2}), lambda: dict(**{1: 2}), lambda: print(**{1: 2}), lambda: (lambda **k: k)(**{"a": 1, 2: 3})]:
    try: print(f())
    except TypeError as e: print("TypeError:", e)
print((lambda: 5).__call__(), print.__call__("x") is None, type.__call__(int, "3"), int.__call__("4"))
class A:
    def m(self): return 1
print(A().m.__call__())
