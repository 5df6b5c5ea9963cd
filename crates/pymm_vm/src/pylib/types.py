"""Names for built-in types, for pymm.

pymm's own pure-Python version of CPython 3.11's types module: the type
objects are taken with type() of sample objects (so they are whatever
pymm's objects really are), plus SimpleNamespace, a read-only
MappingProxyType, coroutine(), new_class()/prepare_class()/resolve_bases()
and DynamicClassAttribute.  Imports only sys.
"""

import sys as _sys


def _f():
    pass


FunctionType = type(_f)
LambdaType = type(lambda: None)
CodeType = type(_f.__code__)


def _g():
    yield 1


GeneratorType = type(_g())


async def _c():
    pass


_co = _c()
CoroutineType = type(_co)
_co.close()
del _co


async def _ag():
    yield 1


AsyncGeneratorType = type(_ag())


class _C:
    def _m(self):
        pass


MethodType = type(_C()._m)
BuiltinFunctionType = type(len)
BuiltinMethodType = type([].append)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)


def _cell_factory():
    a = 1

    def f():
        return a
    return f.__closure__[0]


CellType = type(_cell_factory())

WrapperDescriptorType = type(object.__init__)
MethodWrapperType = type(object().__str__)
MethodDescriptorType = type(str.join)
ClassMethodDescriptorType = type(dict.__dict__['fromkeys'])


class _Slotted:
    __slots__ = ('_s',)


_member = _Slotted.__dict__.get('_s')
MemberDescriptorType = type(_member) if _member is not None else type(property())
GetSetDescriptorType = MemberDescriptorType
del _member

try:
    raise TypeError
except TypeError as _exc:
    TracebackType = type(_exc.__traceback__)
    del _exc

try:
    FrameType = type(_sys._getframe())
except AttributeError:
    FrameType = None

try:
    GenericAlias = type(list[int])
except TypeError:
    GenericAlias = None

def _union_repr(arg):
    if arg is type(None):
        return "None"
    if isinstance(arg, type) and not isinstance(arg, GenericAlias or ()):
        if arg.__module__ == "builtins":
            return arg.__qualname__
        return "%s.%s" % (arg.__module__, arg.__qualname__)
    return repr(arg)


class UnionType:
    """Represent a PEP 604 union type: `int | str`."""

    __slots__ = ("__args__",)

    def __init__(self, args):
        self.__args__ = args

    @property
    def __parameters__(self):
        params = []
        for a in self.__args__:
            for p in getattr(a, "__parameters__", ()):
                if p not in params:
                    params.append(p)
        return tuple(params)

    def __repr__(self):
        return " | ".join(_union_repr(a) for a in self.__args__)

    def __eq__(self, other):
        if not isinstance(other, UnionType):
            return NotImplemented
        return set(self.__args__) == set(other.__args__)

    def __hash__(self):
        return hash(frozenset(self.__args__))

    def __or__(self, other):
        return _union_or(self, other)

    def __ror__(self, other):
        return _union_or(other, self)

    def _check(self, what):
        for a in self.__args__:
            if GenericAlias is not None and isinstance(a, GenericAlias):
                raise TypeError("%s() argument 2 cannot be a parameterized generic" % what)

    def __instancecheck__(self, obj):
        self._check("isinstance")
        return isinstance(obj, self.__args__)

    def __subclasscheck__(self, cls):
        self._check("issubclass")
        return issubclass(cls, self.__args__)


def _unionable(x):
    return (x is None or isinstance(x, (type, UnionType))
            or (GenericAlias is not None and isinstance(x, GenericAlias)))


def _union_or(a, b):
    """`a | b` for classes, None, generic aliases and unions; NotImplemented otherwise."""
    if not (_unionable(a) and _unionable(b)):
        return NotImplemented
    args = []
    for x in (a, b):
        for y in (x.__args__ if isinstance(x, UnionType) else (x,)):
            y = type(None) if y is None else y
            if y not in args:
                args.append(y)
    if len(args) == 1:
        return args[0]
    return UnionType(tuple(args))


class SimpleNamespace:
    """A simple attribute-based namespace."""

    def __init__(self, /, *args, **kwargs):
        if args:
            raise TypeError('no positional arguments expected')
        for k, v in kwargs.items():
            setattr(self, k, v)

    _active = set()

    def __repr__(self):
        name = 'namespace' if type(self) is SimpleNamespace else type(self).__name__
        key = id(self)
        if key in SimpleNamespace._active:
            return name + '(...)'
        SimpleNamespace._active.add(key)
        try:
            items = ['%s=%r' % (k, v) for k, v in self.__dict__.items()]
        finally:
            SimpleNamespace._active.discard(key)
        return '%s(%s)' % (name, ', '.join(items))

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    __hash__ = None

    def __reduce__(self):
        return type(self), (), dict(self.__dict__)


if type(type.__dict__) is dict:
    class mappingproxy:
        """Read-only proxy of a mapping."""

        __slots__ = ('_mapping',)

        def __init__(self, mapping):
            if not hasattr(mapping, 'keys') or not hasattr(mapping, '__getitem__') \
                    or isinstance(mapping, (list, tuple)):
                raise TypeError('mappingproxy() argument must be a mapping, not %s'
                                % type(mapping).__name__)
            object.__setattr__(self, '_mapping', mapping)

        def __getitem__(self, key):
            return self._mapping[key]

        def __setitem__(self, key, value):
            raise TypeError("'mappingproxy' object does not support item assignment")

        def __delitem__(self, key):
            raise TypeError("'mappingproxy' object does not support item deletion")

        def __contains__(self, key):
            return key in self._mapping

        def __iter__(self):
            return iter(self._mapping)

        def __len__(self):
            return len(self._mapping)

        def __eq__(self, other):
            return self._mapping == other

        def __ne__(self, other):
            return self._mapping != other

        __hash__ = None

        def __reversed__(self):
            return reversed(self._mapping)

        def __or__(self, other):
            if isinstance(other, mappingproxy):
                other = other._mapping
            return dict(self._mapping) | other

        def __ror__(self, other):
            return other | dict(self._mapping)

        def get(self, key, default=None):
            return self._mapping.get(key, default)

        def keys(self):
            return self._mapping.keys()

        def values(self):
            return self._mapping.values()

        def items(self):
            return self._mapping.items()

        def copy(self):
            return self._mapping.copy()

        def __repr__(self):
            return 'mappingproxy(%r)' % (self._mapping,)

        def __str__(self):
            return str(self._mapping)

    MappingProxyType = mappingproxy
    del mappingproxy
else:
    MappingProxyType = type(type.__dict__)


class _GeneratorWrapper:
    """What coroutine() returns around a generator: awaitable and iterable."""

    def __init__(self, gen):
        self.__wrapped = gen
        self.__name__ = getattr(gen, '__name__', None)
        self.__qualname__ = getattr(gen, '__qualname__', None)

    def send(self, val):
        return self.__wrapped.send(val)

    def throw(self, *args):
        return self.__wrapped.throw(*args)

    def close(self):
        return self.__wrapped.close()

    @property
    def gi_code(self):
        return self.__wrapped.gi_code

    @property
    def gi_frame(self):
        return self.__wrapped.gi_frame

    @property
    def gi_running(self):
        return self.__wrapped.gi_running

    @property
    def gi_yieldfrom(self):
        return self.__wrapped.gi_yieldfrom

    cr_code = gi_code
    cr_frame = gi_frame
    cr_running = gi_running
    cr_await = gi_yieldfrom

    def __next__(self):
        return next(self.__wrapped)

    def __iter__(self):
        return self.__wrapped

    __await__ = __iter__


def coroutine(func):
    """Convert a regular generator function into a coroutine function."""
    if not callable(func):
        raise TypeError('types.coroutine() expects a callable')

    def wrapped(*args, **kwargs):
        result = func(*args, **kwargs)
        if isinstance(result, (GeneratorType, CoroutineType)) and \
                not hasattr(result, '__await__'):
            return _GeneratorWrapper(result)
        if isinstance(result, GeneratorType):
            return _GeneratorWrapper(result)
        return result

    for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
        try:
            setattr(wrapped, attr, getattr(func, attr))
        except AttributeError:
            pass
    wrapped.__wrapped__ = func
    return wrapped


def resolve_bases(bases):
    """Resolve MRO entries dynamically as specified by PEP 560."""
    new_bases = []
    changed = False
    for base in bases:
        if isinstance(base, type) or not hasattr(base, '__mro_entries__'):
            new_bases.append(base)
            continue
        entries = base.__mro_entries__(bases)
        changed = True
        if not isinstance(entries, tuple):
            raise TypeError('__mro_entries__ must return a tuple')
        new_bases.extend(entries)
    return tuple(new_bases) if changed else bases


def _calculate_meta(meta, bases):
    winner = meta
    for base in bases:
        base_meta = type(base)
        if issubclass(winner, base_meta):
            continue
        if issubclass(base_meta, winner):
            winner = base_meta
            continue
        raise TypeError('metaclass conflict: the metaclass of a derived class must be '
                        'a (non-strict) subclass of the metaclasses of all its bases')
    return winner


def prepare_class(name, bases=(), kwds=None):
    """Return (metaclass, namespace, kwds) as the class statement would."""
    kwds = {} if kwds is None else dict(kwds)
    if 'metaclass' in kwds:
        meta = kwds.pop('metaclass')
    else:
        meta = type(bases[0]) if bases else type
    if isinstance(meta, type):
        meta = _calculate_meta(meta, bases)
    if hasattr(meta, '__prepare__'):
        ns = meta.__prepare__(name, bases, **kwds)
    else:
        ns = {}
    return meta, ns, kwds


def new_class(name, bases=(), kwds=None, exec_body=None):
    """Create a class object dynamically using the appropriate metaclass."""
    resolved = resolve_bases(bases)
    meta, ns, kwds = prepare_class(name, resolved, kwds)
    if exec_body is not None:
        exec_body(ns)
    if resolved is not bases:
        ns['__orig_bases__'] = bases
    return meta(name, resolved, ns, **kwds)


class DynamicClassAttribute(property):
    """Route attribute access on a class to __getattr__."""

    def __get__(self, instance, ownerclass=None):
        if instance is None:
            if getattr(self, '__isabstractmethod__', False):
                return self
            raise AttributeError()
        return property.__get__(self, instance, ownerclass)


del _f, _g, _c, _ag, _C, _Slotted, _cell_factory

__all__ = [n for n in globals() if not n.startswith('_')]
