# helper for mod_import_cycle.py: circular import with _mod_cycle_a
print("b: start")
import _mod_cycle_a
print("b: a is partially initialised:", hasattr(_mod_cycle_a, "A_VALUE"))
B_VALUE = "b-value"
def b_func():
    return "b_func sees " + _mod_cycle_a.A_VALUE
print("b: end")
