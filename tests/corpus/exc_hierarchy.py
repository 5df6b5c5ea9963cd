# builtin exception hierarchy
import builtins
names = ["BaseException", "SystemExit", "KeyboardInterrupt", "GeneratorExit", "Exception", "StopIteration",
         "StopAsyncIteration", "ArithmeticError", "FloatingPointError", "OverflowError", "ZeroDivisionError",
         "AssertionError", "AttributeError", "BufferError", "EOFError", "ImportError", "ModuleNotFoundError",
         "LookupError", "IndexError", "KeyError", "MemoryError", "NameError", "UnboundLocalError", "OSError",
         "FileNotFoundError", "PermissionError", "TimeoutError", "ConnectionError", "BrokenPipeError",
         "ReferenceError", "RuntimeError", "NotImplementedError", "RecursionError", "SyntaxError",
         "IndentationError", "TabError", "SystemError", "TypeError", "ValueError", "UnicodeError",
         "UnicodeDecodeError", "UnicodeEncodeError", "Warning", "DeprecationWarning", "UserWarning",
         "RuntimeWarning", "ResourceWarning"]
for n in names:
    cls = getattr(builtins, n)
    print(n, "->", cls.__bases__[0].__name__, [c.__name__ for c in cls.__mro__][-3:])
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(SystemExit, Exception))
print(IOError is OSError, EnvironmentError is OSError, issubclass(FileNotFoundError, OSError))
print(issubclass(UnicodeDecodeError, ValueError), issubclass(RecursionError, RuntimeError), issubclass(ModuleNotFoundError, ImportError))
def catch(exc):
    try:
        raise exc
    except Exception as e:
        return "Exception caught " + type(e).__name__
    except BaseException as e:
        return "BaseException caught " + type(e).__name__
for ex in (ValueError(), KeyboardInterrupt(), SystemExit(1), GeneratorExit(), StopIteration(), KeyError()):
    print(catch(ex))
print(SystemExit(3).code, SystemExit().code, SystemExit("m").code, StopIteration(5).value, StopIteration().value)
e = OSError(2, "ENOENT", "file.txt")
print(type(e).__name__, e.errno, e.strerror, e.filename, str(e))
print(type(OSError(2, "x")).__name__, type(OSError(13, "x")).__name__, type(OSError(1, 2, 3, 4)).__name__)
try:
    open("/nonexistent/definitely/missing.txt")
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno, e.filename)
k = KeyError("key")
print(k.args, str(k), repr(k))
u = UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")
print(u.encoding, u.object, u.start, u.end, u.reason, str(u))
ie = ImportError("msg", name="mod", path="/p")
print(ie.name, ie.path, ie.msg)
ne = NameError("n")
ae = AttributeError("a")
print(ne.args, ae.args, BaseException("x", 1).args, str(BaseException("x", 1)))
try:
    import no_such_module_abc
except ImportError as e:
    print(type(e).__name__, e.name, e)
def recurse(n):
    return recurse(n + 1)
try:
    recurse(0)
except RecursionError as e:
    print("RecursionError:", e)
