"""Abstract base classes, for pymm.

pymm's own pure-Python implementation of CPython 3.11's abc module:
ABCMeta (abstract-method bookkeeping, register(), __subclasshook__,
isinstance/issubclass through __instancecheck__/__subclasscheck__), ABC,
abstractmethod and the abstract classmethod/staticmethod/property helpers.

Deviation: pymm does not call a metaclass's __call__, so the check that
refuses to instantiate a class with abstract methods lives in a __new__
that ABCMeta puts into the namespace of each root ABC class (a class none
of whose bases is an ABC); it then calls the next __new__ in the MRO.
Imports nothing.
"""

__all__ = ['ABC', 'ABCMeta', 'abstractmethod', 'abstractclassmethod',
           'abstractstaticmethod', 'abstractproperty', 'get_cache_token',
           'update_abstractmethods']


def abstractmethod(funcobj):
    """Decorator marking a method as abstract."""
    funcobj.__isabstractmethod__ = True
    return funcobj


class abstractclassmethod(classmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractstaticmethod(staticmethod):
    __isabstractmethod__ = True

    def __init__(self, callable):
        callable.__isabstractmethod__ = True
        super().__init__(callable)


class abstractproperty(property):
    __isabstractmethod__ = True


def _is_abstract(value):
    try:
        if getattr(value, '__isabstractmethod__', False):
            return True
    except Exception:
        return False
    if isinstance(value, property):
        return any(getattr(f, '__isabstractmethod__', False)
                   for f in (value.fget, value.fset, value.fdel))
    if isinstance(value, (classmethod, staticmethod)):
        return getattr(value.__func__, '__isabstractmethod__', False)
    return False


_token = [0]


def get_cache_token():
    return _token[0]


def _abc_instantiate(cls, *args, **kwargs):
    abstracts = getattr(cls, '__abstractmethods__', None)
    if abstracts:
        names = sorted(abstracts)
        raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                        % (cls.__name__, 's' if len(names) > 1 else '', ', '.join(names)))
    # the next __new__ after the (first) class holding this one
    found = False
    for klass in cls.__mro__:
        n = klass.__dict__.get('__new__')
        if n is None:
            continue
        if getattr(n, '__func__', n) is _abc_instantiate:
            found = True
            continue
        if not found:
            continue
        if klass is object:
            break
        return getattr(n, '__func__', n)(cls, *args, **kwargs)
    return object.__new__(cls)


def _compute_abstracts(cls, namespace, bases):
    abstracts = set()
    for name, value in namespace.items():
        if _is_abstract(value):
            abstracts.add(name)
    for base in bases:
        for name in getattr(base, '__abstractmethods__', ()):
            if name in abstracts:
                continue
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    return frozenset(abstracts)


def _issub(sub, cls):
    # pymm's issubclass() does not consult a metaclass __subclasscheck__
    if isinstance(cls, ABCMeta):
        return cls.__subclasscheck__(sub)
    return issubclass(sub, cls)


class ABCMeta(type):
    """Metaclass for defining Abstract Base Classes (ABCs)."""

    def __new__(mcls, name, bases, namespace, /, **kwargs):
        if '__new__' not in namespace and not any(isinstance(b, ABCMeta) for b in bases):
            namespace['__new__'] = _abc_instantiate
        cls = super().__new__(mcls, name, bases, namespace, **kwargs)
        cls.__abstractmethods__ = _compute_abstracts(cls, namespace, bases)
        cls._abc_registry = []
        cls._abc_cache = set()
        cls._abc_negative_cache = set()
        cls._abc_negative_cache_version = _token[0]
        return cls

    def register(cls, subclass):
        """Register a virtual subclass of an ABC."""
        if not isinstance(subclass, type):
            raise TypeError('Can only register classes')
        if _issub(subclass, cls):
            return subclass
        if _issub(cls, subclass):
            raise RuntimeError('Refusing to create an inheritance cycle')
        cls._abc_registry.append(subclass)
        _token[0] += 1
        return subclass

    def __instancecheck__(cls, instance):
        subclass = instance.__class__
        if subclass in cls._abc_cache:
            return True
        subtype = type(instance)
        if subtype is subclass:
            return cls.__subclasscheck__(subclass)
        return cls.__subclasscheck__(subclass) or cls.__subclasscheck__(subtype)

    def __subclasscheck__(cls, subclass):
        if not isinstance(subclass, type):
            raise TypeError('issubclass() arg 1 must be a class')
        if subclass in cls._abc_cache:
            return True
        if cls._abc_negative_cache_version < _token[0]:
            cls._abc_negative_cache = set()
            cls._abc_negative_cache_version = _token[0]
        elif subclass in cls._abc_negative_cache:
            return False
        ok = cls.__subclasshook__(subclass)
        if ok is not NotImplemented:
            if ok:
                cls._abc_cache.add(subclass)
            else:
                cls._abc_negative_cache.add(subclass)
            return ok
        if cls in getattr(subclass, '__mro__', ()):
            cls._abc_cache.add(subclass)
            return True
        for rcls in cls._abc_registry:
            if _issub(subclass, rcls):
                cls._abc_cache.add(subclass)
                return True
        for scls in type.__subclasses__(cls):
            if scls is not cls and _issub(subclass, scls):
                cls._abc_cache.add(subclass)
                return True
        cls._abc_negative_cache.add(subclass)
        return False

    def __subclasshook__(cls, subclass):
        return NotImplemented

    def _dump_registry(cls, file=None):
        print('Class: %s.%s' % (cls.__module__, cls.__qualname__), file=file)
        print('Inv. counter: %s' % get_cache_token(), file=file)

    def _abc_registry_clear(cls):
        cls._abc_registry = []

    def _abc_caches_clear(cls):
        cls._abc_cache = set()
        cls._abc_negative_cache = set()


def update_abstractmethods(cls):
    """Recalculate the set of abstract methods of an abstract class."""
    if not hasattr(cls, '__abstractmethods__'):
        return cls
    abstracts = set()
    for scls in cls.__bases__:
        for name in getattr(scls, '__abstractmethods__', ()):
            if _is_abstract(getattr(cls, name, None)):
                abstracts.add(name)
    for name, value in cls.__dict__.items():
        if _is_abstract(value):
            abstracts.add(name)
    cls.__abstractmethods__ = frozenset(abstracts)
    return cls


class ABC(metaclass=ABCMeta):
    """Helper class that has ABCMeta as its metaclass."""
    __slots__ = ()
