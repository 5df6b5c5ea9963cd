# circular imports between helper modules, module caching and attributes
import _mod_cycle_a
import _mod_cycle_b
print(_mod_cycle_a.a_func(), _mod_cycle_b.b_func())
import sys
print([m for m in sorted(sys.modules) if m.startswith("_mod_cycle")])
import _mod_cycle_a as again
print(again is _mod_cycle_a, _mod_cycle_a.__name__, type(_mod_cycle_a).__name__)
_mod_cycle_a.dynamic = 42
import _mod_cycle_a as third
print(third.dynamic)
del sys.modules["_mod_cycle_b"]
import _mod_cycle_b as fresh
print(fresh is _mod_cycle_b, fresh.B_VALUE)
