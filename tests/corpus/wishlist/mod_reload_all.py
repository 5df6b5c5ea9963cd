# __all__, import *, importlib.reload, __import__, module attributes
import importlib
import _mod_helper
first_counter = _mod_helper.bump()
print("counter before reload:", first_counter, _mod_helper.counter)
reloaded = importlib.reload(_mod_helper)
print("same module object:", reloaded is _mod_helper, "counter after reload:", _mod_helper.counter)
ns = {}
exec("from _mod_helper import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
m = __import__("_mod_helper")
print(m is _mod_helper, m.__name__, m.__doc__)
print(hasattr(_mod_helper, "__file__"), _mod_helper.__file__.endswith("_mod_helper.py"), _mod_helper.__spec__.name)
import sys
print(sys.modules["_mod_helper"] is _mod_helper, "_mod_helper" in dir())
from _mod_helper import Square
print(Square(5).area(), Square.__module__, Square.__qualname__)
del sys.modules["_mod_helper"]
import _mod_helper as fresh
print("fresh import is new object:", fresh is not _mod_helper, fresh.counter)
print("old class vs new class:", Square is fresh.Square, isinstance(Square(1), fresh.Shape))
