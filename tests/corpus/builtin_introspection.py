# isinstance, issubclass, hasattr/getattr/setattr/delattr, type, callable, vars, dir, id
class A:
    cls_attr = 1
    def meth(self):
        pass
class B(A):
    def __init__(self):
        self.inst = 2
b = B()
print(isinstance(b, A), isinstance(b, (int, B)), isinstance(1, (str, (float, int))), isinstance(True, int), isinstance(None, object))
print(issubclass(B, A), issubclass(A, B), issubclass(bool, (str, int)), issubclass(A, object), issubclass(type, object))
print(type(b), type(b).__name__, type(B), type(type), type(1), type("s"), type(None), type(len), type(A.meth), type(b.meth))
print(type(b) is B, type(b) == A, type(1.0).__name__, type([]).__name__, type({}).__name__, type(()).__name__, type(set()).__name__)
print(hasattr(b, "inst"), hasattr(b, "cls_attr"), hasattr(b, "meth"), hasattr(b, "nope"), hasattr(1, "real"))
print(getattr(b, "inst"), getattr(b, "nope", None), getattr(A, "cls_attr"), getattr([], "append").__name__)
setattr(b, "dyn", [1])
setattr(A, "added", "class-level")
print(b.dyn, b.added, B.added)
delattr(b, "dyn")
print(hasattr(b, "dyn"))
print(callable(b), callable(B), callable(b.meth), callable(len), callable(None), callable(lambda: 0), callable("s"))
print(vars(b), sorted(k for k in vars(A) if not k.startswith("__")))
print([n for n in dir(B) if not n.startswith("__")], [n for n in dir(b) if not n.startswith("__")])
print("append" in dir([]), "keys" in dir({}), "__len__" in dir(""), len([n for n in dir(int) if not n.startswith("_")]))
x = [1]
y = x
z = [1]
print(id(x) == id(y), id(x) == id(z), x is y, x is not z, id(None) == id(None))
T = type("T", (A,), {"v": 5, "get": lambda self: self.v})
t = T()
print(T.__name__, t.get(), isinstance(t, A), T.__bases__, T.__mro__[1].__name__)
try:
    vars(1)
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(b, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(1, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(int, type), isinstance(A, type), isinstance(b.meth, object), type(A).__name__)
print(A.__dict__["cls_attr"], B.__base__.__name__, B.__name__, B.__qualname__, A.meth.__qualname__, len.__name__, len.__module__)
import math
print(type(math).__name__, math.__name__, hasattr(math, "pi"), getattr(math, "tau") == 2 * math.pi)
print(int.__name__, str.__mro__, bool.__mro__, object.__bases__, type.__bases__)
