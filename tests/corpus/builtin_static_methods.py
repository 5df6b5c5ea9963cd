# Static methods of built-in types (tp_new wrappers, maketrans): reprs, __self__, __module__.
print(int.__new__.__module__, int.__new__.__self__, str.maketrans.__self__, str.maketrans.__module__)
for f in (int.__new__, str.maketrans, type.__new__, object.__new__, bytes.maketrans, list.__new__, dict.__new__, float.__new__):
    r = repr(f)
    print(r.split(' at 0x')[0], ' at ' in r)
print(int.__new__(int, 5), str.maketrans('ab', 'cd'), object.__new__(object).__class__.__name__, type(int.__new__).__name__, type(str.maketrans).__name__)
class I(int):
    def __new__(cls, v): return int.__new__(cls, v * 2)
print(I(4), len.__self__, len.__module__, repr(len))
import math; print(math.sqrt.__module__, repr(math.sqrt))
