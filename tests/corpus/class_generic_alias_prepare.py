# PEP 585 aliases of the built-in generic types, PEP 560 __mro_entries__ and
# __orig_bases__, metaclass __prepare__, and __instancecheck__/__subclasscheck__ of
# objects that are not classes.
import types

print(repr(list[int]), repr(dict[str, list[int]]), repr(tuple[()]), repr(tuple[int, ...]))
print(repr(type[int]), list[int, str], dict[int], set[frozenset[int]], frozenset[bytes])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a.__name__, a.append is list.append)
print(a([1, 2]), a == list[int], a == list[str], a != dict[str, int], hash(a) == hash(list[int]))
print(types.GenericAlias is type(a), types.GenericAlias(list, (int,)), type(a).__module__)
for check in (lambda: isinstance([], list[int]), lambda: issubclass(list, list[int])):
    try:
        check()
    except TypeError as e:
        print("TypeError:", e)


class L(list[int]):
    pass


print(L.__bases__, L.__orig_bases__, L([3]), "__orig_bases__" in vars(list))


def f(x: list[int]) -> dict[str, "int"]:
    pass


print(f.__annotations__)


class Entries:
    def __mro_entries__(self, bases):
        print("mro_entries", len(bases))
        return (dict,)


class D(Entries(), metaclass=type):
    pass


print(D.__mro__, len(D.__orig_bases__))


class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", name, bases, kw)
        return {"injected": 42}

    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")))
        return super().__new__(mcls, name, bases, dict(ns))

    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)


class P(metaclass=Meta, flavour="x"):
    y = 1


print(P.injected, P.y)


class BadMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 7


try:
    class Q(metaclass=BadMeta):
        pass
except TypeError as e:
    print("TypeError:", e)


class Checker:
    def __instancecheck__(self, obj):
        return obj == 5

    def __subclasscheck__(self, cls):
        return cls is bool


print(isinstance(5, Checker()), isinstance(6, Checker()), issubclass(bool, Checker()))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    list[int][str]
except TypeError as e:
    print("TypeError:", e)
