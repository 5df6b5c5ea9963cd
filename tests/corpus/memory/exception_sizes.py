# sys.getsizeof of exceptions follows the fields each built-in exception class adds
# (NameError's name, OSError's errno/strerror/filename..., SyntaxError's location, ...),
# and only classes derived in Python take weak references.
import sys, weakref
names = ["BaseException", "ValueError", "KeyError", "NameError", "UnboundLocalError", "StopIteration", "SystemExit",
         "AttributeError", "ImportError", "ModuleNotFoundError", "OSError", "FileNotFoundError", "ConnectionResetError",
         "SyntaxError", "IndentationError", "TabError", "RecursionError"]
for n in names:
    e = getattr(__builtins__, n) if not isinstance(__builtins__, dict) else __builtins__[n]
    print(n, sys.getsizeof(e()))
for args in [("utf-8", b"x", 0, 1, "r")]:
    print(sys.getsizeof(UnicodeDecodeError(*args)))
print(sys.getsizeof(UnicodeEncodeError("utf-8", "x", 0, 1, "r")), sys.getsizeof(UnicodeTranslateError("x", 0, 1, "r")))
class E(Exception): pass
class F(OSError): pass
class G(E): pass
print(sys.getsizeof(E()), sys.getsizeof(F()), sys.getsizeof(G()))
for obj in [ValueError(), OSError(), E(), F()]:
    try:
        r = weakref.ref(obj)
        print(type(obj).__name__, "weakrefable", r() is obj)
    except TypeError as x:
        print(x)
print(sys.getsizeof(ExceptionGroup("m", [ValueError()])), sys.getsizeof(BaseExceptionGroup("m", [KeyboardInterrupt()])))
