# Packages on sys.path: __init__.py runs once, submodules become attributes of their
# package, `import a.b` binds `a`, `import a.b as c` binds the submodule, and the
# errors for missing names, non-packages and failing modules.
import sys

import _mod_pkg
print(_mod_pkg.X, hasattr(_mod_pkg, "sub"), type(_mod_pkg.__path__).__name__)
print(_mod_pkg.__file__.endswith("__init__.py"))
import _mod_pkg.sub
print(_mod_pkg.sub.Y, "_mod_pkg.sub" in sys.modules)
import _mod_pkg.sub as s
print(s.Y, s is _mod_pkg.sub, s.__name__)
from _mod_pkg import sub
print(sub is s)
from _mod_pkg.sub import Y
print(Y)
import _mod_helper
print(hasattr(_mod_helper, "__path__"), _mod_helper.__file__.endswith("_mod_helper.py"))
import collections.abc
print(collections.__name__, collections.abc.__name__)

for src in ["import _mod_helper.nothing", "import _mod_pkg.nothing",
            "import sys.nothing", "from sys import nothing"]:
    try:
        exec(src)
    except ImportError as e:
        print(type(e).__name__, e, e.name)
try:
    from _mod_pkg import nothing
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0], e.name)
for attempt in range(2):
    try:
        import _mod_pkg.failing
    except ValueError as e:
        print(attempt, e, "_mod_pkg.failing" in sys.modules)
