# pymm's inspect subset: predicates, members, source lines of functions, methods and
# classes, docstrings and generator states, compared with CPython 3.11's inspect.
import functools
import inspect


def plain(a, b=2):
    """Add two numbers.

        Indented detail.
    """
    return a + b


def gen():
    yield 1
    yield 2


@functools.lru_cache(maxsize=None)
def cached(x):
    return x * 2


class Base:
    """Base docstring."""

    attr = 5

    def method(self):
        return self.attr

    @property
    def prop(self):
        return 1


class Child(Base):
    pass


for obj in (plain, gen, gen(), Base, Base().method, len, inspect, Base.prop, 5):
    print(inspect.isfunction(obj), inspect.isgeneratorfunction(obj), inspect.isgenerator(obj),
          inspect.isclass(obj), inspect.ismethod(obj), inspect.isbuiltin(obj),
          inspect.ismodule(obj), inspect.isroutine(obj), inspect.isdatadescriptor(obj))

print([name for name, _ in inspect.getmembers(Child) if not name.startswith("__")])
print([name for name, _ in inspect.getmembers(Base(), inspect.ismethod)])
print(inspect.getmro(Child) == (Child, Base, object))
print(inspect.getdoc(plain))
print(inspect.getdoc(Child))
print(repr(inspect.cleandoc("  first\n    second\n      third\n\n")))
print(inspect.indentsize("\t  x"))

lines, start = inspect.getsourcelines(plain)
print(start, len(lines), lines[0].rstrip(), lines[-1].rstrip())
print(inspect.getsource(Base.method), end="")
print(inspect.getsourcelines(cached)[1], inspect.unwrap(cached) is cached.__wrapped__)
print(inspect.getsource(gen), end="")
print(inspect.getsourcefile(plain) == __file__, inspect.getfile(Base) == __file__)
print(inspect.getmodule(plain).__name__, inspect.getmodule(Base).__name__)
print(inspect.getsourcelines(Child))

g = gen()
print(inspect.getgeneratorstate(g))
next(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))
list(g)
print(inspect.getgeneratorstate(g), inspect.getgeneratorlocals(g))

try:
    inspect.getfile(5)
except TypeError as e:
    print("TypeError:", e)
