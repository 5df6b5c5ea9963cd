"""types.GenericAlias for pymm: what `list[int]` and the other built-in generic types
make (CPython's Objects/genericaliasobject.c, in Python). Imported by the interpreter
on the first subscription of a built-in type."""


def _repr_item(p):
    # ga_repr_item: nested aliases by repr, classes by (module.)qualname.
    if p is Ellipsis:
        return '...'
    if hasattr(p, '__origin__') and hasattr(p, '__args__'):
        return repr(p)
    try:
        qualname = p.__qualname__
        module = p.__module__
    except AttributeError:
        return repr(p)
    if module == 'builtins':
        return qualname
    return f'{module}.{qualname}'


# Attributes an alias answers itself; every other one is its origin's (ga_getattro).
_OWN = frozenset({'__origin__', '__args__', '__parameters__', '__mro_entries__',
                  '__reduce_ex__', '__reduce__', '__copy__', '__deepcopy__'})


class GenericAlias:
    """Represent a PEP 585 generic type

E.g. for t = list[int], t.__origin__ is list and t.__args__ is (int,)."""

    __module__ = 'types'

    def __init__(self, origin, args):
        if not isinstance(args, tuple):
            args = (args,)
        object.__setattr__(self, '__origin__', origin)
        object.__setattr__(self, '__args__', args)
        object.__setattr__(self, '__parameters__', ())

    def __repr__(self):
        args = self.__args__
        inner = ', '.join(_repr_item(a) for a in args) if args else '()'
        return f'{_repr_item(self.__origin__)}[{inner}]'

    def __call__(self, *args, **kwargs):
        result = self.__origin__(*args, **kwargs)
        try:
            result.__orig_class__ = self
        except (AttributeError, TypeError):
            pass
        return result

    def __getitem__(self, item):
        # An alias of a built-in type has no type variables left to fill.
        raise TypeError(f"{self!r} is not a generic class")

    def __mro_entries__(self, bases):
        return (self.__origin__,)

    def __getattr__(self, name):
        if name in _OWN:
            raise AttributeError(name)
        return getattr(self.__origin__, name)

    def __eq__(self, other):
        if not isinstance(other, GenericAlias):
            return NotImplemented
        return self.__origin__ == other.__origin__ and self.__args__ == other.__args__

    def __hash__(self):
        return hash(self.__origin__) ^ hash(self.__args__)

    def __or__(self, other):
        import types
        return types._union_or(self, other)

    def __ror__(self, other):
        import types
        return types._union_or(other, self)

    def __instancecheck__(self, obj):
        raise TypeError("isinstance() argument 2 cannot be a parameterized generic")

    def __subclasscheck__(self, cls):
        raise TypeError("issubclass() argument 2 cannot be a parameterized generic")

    def __reduce__(self):
        return GenericAlias, (self.__origin__, self.__args__)
