# helper for mod_import_cycle.py: circular import with _mod_cycle_b
print("a: start")
import _mod_cycle_b
A_VALUE = "a-value"
def a_func():
    return "a_func sees " + _mod_cycle_b.B_VALUE
print("a: end, b has", sorted(n for n in vars(_mod_cycle_b) if n.endswith("VALUE")))
