# sys module: deterministic attributes
import sys
print(sys.version_info[:2], sys.version_info.major, sys.version_info >= (3, 11), sys.implementation.name in ("cpython", "pymm"))
print(sys.maxsize, sys.maxsize == 2 ** 63 - 1, sys.byteorder, sys.getrecursionlimit())
print(sys.float_info.max, sys.float_info.epsilon, sys.float_info.dig, sys.float_info.mant_dig, sys.int_info.bits_per_digit)
print(sys.hash_info.width, sys.hash_info.modulus, sys.hash_info.inf, sys.hash_info.nan if False else 0, sys.maxunicode)
print(sys.argv[0].endswith("lib_sys.py"), len(sys.argv), type(sys.path).__name__, "sys" in sys.modules, "builtins" in sys.builtin_module_names)
print(sys.getdefaultencoding(), sys.stdout.encoding.lower().replace("-", ""), sys.flags.optimize, sys.flags.dont_write_bytecode in (0, 1))
sys.setrecursionlimit(2000)
print(sys.getrecursionlimit())
sys.setrecursionlimit(1000)
def depth():
    return sys._getframe().f_code.co_name
print(depth(), sys._getframe().f_code.co_name)
try:
    raise ValueError("x")
except ValueError:
    et, ev, tb = sys.exc_info()
    print(et.__name__, ev, type(tb).__name__, sys.exception() is ev if hasattr(sys, "exception") else True)
print(sys.exc_info() == (None, None, None))
print(sys.intern("abc") is sys.intern("ab" + "c"))
try:
    sys.intern(1)
except TypeError as e:
    print("TypeError:", e)
sys.stdout.write("write to stdout\n")
sys.stderr.write("write to stderr\n")
print(sys.stdin is not None, hasattr(sys, "getsizeof"), callable(sys.exit), sys.platform.startswith("linux"))
print(isinstance(sys.getrefcount(object()), int), sys.getsizeof(0), sys.getsizeof([]))
print(sys.float_repr_style, sys.dont_write_bytecode in (True, False))
