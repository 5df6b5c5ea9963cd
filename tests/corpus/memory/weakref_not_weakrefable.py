# which objects cannot be weakly referenced, and the exact messages
import weakref
class Sl:
    __slots__ = ('a',)
class SlW:
    __slots__ = ('a', '__weakref__')
class I(int):
    pass
class Tu(tuple):
    pass
class L(list):
    pass
class D(dict):
    pass
def f():
    pass
cases = [('object', object()), ('int', 1), ('bool', True), ('str', 'x'), ('bytes', b'x'),
         ('tuple', (1,)), ('list', []), ('dict', {}), ('float', 1.0), ('None', None),
         ('bytearray', bytearray()), ('range', range(2)), ('property', property()),
         ('staticmethod', staticmethod(f)), ('bound method', [].append),
         ('slots', Sl()), ('int subclass', I(1)), ('tuple subclass', Tu()),
         ('ref', weakref.ref(f)), ('set', set()), ('frozenset', frozenset()),
         ('function', f), ('lambda', lambda: 0), ('builtin', len), ('type', int),
         ('slots+weakref', SlW()), ('list subclass', L()), ('dict subclass', D()),
         ('module', weakref), ('code', f.__code__)]
for name, o in cases:
    try:
        weakref.ref(o)
        print(name, 'ok')
    except TypeError as e:
        print(name, 'TypeError:', e)
