# is_tracked: containers, functions, modules, instances
import gc, sys
class C:
    pass
class S:
    __slots__ = ()
class I(int):
    pass
class F(float):
    pass
def f():
    pass
def g():
    yield 1
rows = [('list', []), ('list1', [1]), ('set', set()), ('frozenset', frozenset()),
        ('frozenset1', frozenset([1])), ('module', sys), ('function', f),
        ('lambda', lambda: 0), ('class', C), ('instance', C()), ('slots0', S()),
        ('int subclass', I(5)), ('float subclass', F(1.5)), ('slice', slice(1)),
        ('bound method', C().__init__), ('method', [].append), ('generator', g()),
        ('list iter', iter([])), ('dict iter', iter({})), ('tuple iter', iter(())),
        ('enumerate', enumerate([])), ('zip', zip()), ('map', map(len, [])),
        ('cell', (lambda x: lambda: x)(1).__closure__[0]), ('property', property()),
        ('staticmethod', staticmethod(f)), ('code', f.__code__)]
for name, o in rows:
    print(name, gc.is_tracked(o))
