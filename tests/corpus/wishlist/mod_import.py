# importing helper modules beside the script and built-in modules
import _mod_helper
import _mod_helper as again
print(_mod_helper is again, _mod_helper.__name__, _mod_helper.__doc__, _mod_helper.VERSION)
print(_mod_helper.greet(), _mod_helper.greet("pymm"), _mod_helper.bump(), _mod_helper.bump(), _mod_helper.counter)
from _mod_helper import Square, greet as hello
print(Square(3), Square(3).area(), hello("x"), Square.sides)
import _mod_other
print(_mod_other.Triangle(2).area(), _mod_other.bump_twice(), _mod_helper.counter)
print(isinstance(_mod_other.Triangle(1), _mod_helper.Shape))
ns = {}
exec("from _mod_helper import *", ns)
print(sorted(k for k in ns if not k.startswith("__")))
import sys
print("_mod_helper" in sys.modules, sys.modules["_mod_other"] is _mod_other, type(sys.modules).__name__)
import math, time, random
print(math.__name__, type(time.time()).__name__, random.__name__)
from math import sqrt as root, pi
print(root(16), round(pi, 5))
try:
    import _mod_does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, e.name)
try:
    from _mod_helper import nothing_here
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
import importlib
m = importlib.import_module("_mod_helper")
print(m is _mod_helper, hasattr(m, "_private"), m._private)
print(sorted(n for n in dir(_mod_helper) if not n.startswith("__")))
def local_import():
    import json
    return json.dumps({"a": [1, 2, None]})
print(local_import())
