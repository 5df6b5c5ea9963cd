# Errors of * and ** arguments name the function as _PyObject_FunctionStr does
# (module.qualname(), no module for builtins), and every iterable unpacks.
def g(**k): pass
class A:
    def m(self, **k): pass
for f in [lambda: g(**{"a":1}, **{"a":2}), lambda: dict(a=1, **{"a":2}), lambda: A().m(**{"a":1}, **{"a":2}), lambda: len(**{"a":1}, **{"a":2}), lambda: g(**[1]), lambda: g(*1), lambda: dict(**[1])]:
    try: f()
    except TypeError as e: print(e)
def g(*a): return a
class I:
    def __iter__(self): return iter([7])
class G:
    def __getitem__(self, i):
        if i > 1: raise IndexError
        return i
import array
for x in [[1], "ab", range(2), {1: 2}, (i for i in [3]), iter([4]), I(), G(), b"z", bytearray(b"y"), {5}, frozenset([6]), array.array("i", [8]), {1:2}.keys(), memoryview(b"m")]:
    print(g(*x))
