"""dataclasses for pymm: the `@dataclass` decorator and its helpers, written for pymm.

The decorator reads the class's annotations in order, makes a Field for each (with
the base classes' fields first), and adds the methods CPython 3.11's decorator adds:
`__init__` (built with `exec`, so its signature and errors are a normal function's),
`__repr__`, `__eq__`, the ordering methods, `__hash__` by CPython's rules, the
frozen `__setattr__`/`__delattr__`, and `__match_args__`. Not covered: `slots=True`,
`weakref_slot`, `make_dataclass` and `InitVar`.
"""

from types import MappingProxyType

__all__ = ['dataclass', 'field', 'Field', 'FrozenInstanceError', 'fields', 'asdict',
           'astuple', 'replace', 'is_dataclass', 'MISSING', 'KW_ONLY']


class FrozenInstanceError(AttributeError):
    pass


class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class _KW_ONLY_TYPE:
    pass


KW_ONLY = _KW_ONLY_TYPE()

_FIELDS = '__dataclass_fields__'
_PARAMS = '__dataclass_params__'


class Field:
    __slots__ = ('name', 'type', 'default', 'default_factory', 'repr', 'hash', 'init',
                 'compare', 'metadata', 'kw_only', '_field_type')

    def __init__(self, default, default_factory, init, repr, hash, compare, metadata,
                 kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = MappingProxyType({} if metadata is None else dict(metadata))
        self.kw_only = kw_only
        self._field_type = None

    def __repr__(self):
        return ('Field('
                f'name={self.name!r},'
                f'type={self.type!r},'
                f'default={self.default!r},'
                f'default_factory={self.default_factory!r},'
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'hash={self.hash!r},'
                f'compare={self.compare!r},'
                f'metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},'
                f'_field_type={self._field_type})')


class _DataclassParams:
    __slots__ = ('init', 'repr', 'eq', 'order', 'unsafe_hash', 'frozen')

    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen

    def __repr__(self):
        return ('_DataclassParams('
                f'init={self.init!r},'
                f'repr={self.repr!r},'
                f'eq={self.eq!r},'
                f'order={self.order!r},'
                f'unsafe_hash={self.unsafe_hash!r},'
                f'frozen={self.frozen!r})')


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(tp):
    if isinstance(tp, str):
        return tp.startswith('ClassVar') or tp.startswith('typing.ClassVar')
    return getattr(tp, '__origin__', None) is not None and \
        getattr(getattr(tp, '__origin__'), '_name', None) == 'ClassVar'


def _own_fields(cls, kw_only_default):
    annotations = cls.__dict__.get('__annotations__', {})
    found = []
    kw_only = kw_only_default
    for name, tp in annotations.items():
        if tp is KW_ONLY:
            kw_only = True
            continue
        if _is_classvar(tp):
            continue
        default = cls.__dict__.get(name, MISSING)
        f = default if isinstance(default, Field) else field(default=default)
        f.name = name
        f.type = tp
        f._field_type = '_FIELD'
        if f.kw_only is MISSING:
            f.kw_only = kw_only
        if isinstance(f.default, (list, dict, set)):
            raise ValueError(f'mutable default {type(f.default)} for field {name} '
                             'is not allowed: use default_factory')
        # The class attribute is the default value, or nothing.
        if isinstance(default, Field):
            if f.default is MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
        found.append(f)
    return found


def _make_function(cls, name, params, body, env):
    src = f'def {name}({", ".join(params)}):\n' + '\n'.join(
        '    ' + line for line in (body or ['pass']))
    ns = dict(env)
    exec(src, ns)
    fn = ns[name]
    fn.__qualname__ = f'{cls.__qualname__}.{name}'
    return fn


def _init_fn(cls, flds, frozen, has_post_init):
    env = {'__dataclass_MISSING__': MISSING, '__dataclass_builtins_object__': object}
    params = ['self']
    kw_params = []
    body = []
    seen_default = False
    for f in flds:
        if not f.init:
            if f.default_factory is not MISSING:
                env[f'__dataclass_dflt_{f.name}__'] = f.default_factory
                value = f'__dataclass_dflt_{f.name}__()'
            elif f.default is not MISSING:
                env[f'__dataclass_dflt_{f.name}__'] = f.default
                value = f'__dataclass_dflt_{f.name}__'
            else:
                continue
        else:
            if f.default_factory is not MISSING:
                env[f'__dataclass_dflt_{f.name}__'] = f.default_factory
                param = f'{f.name}=__dataclass_MISSING__'
                value = (f'__dataclass_dflt_{f.name}__() if {f.name} is '
                         f'__dataclass_MISSING__ else {f.name}')
            elif f.default is not MISSING:
                env[f'__dataclass_dflt_{f.name}__'] = f.default
                param = f'{f.name}=__dataclass_dflt_{f.name}__'
                value = f.name
            else:
                param = f.name
                value = f.name
            if f.kw_only:
                kw_params.append(param)
            else:
                has_default = '=' in param
                if seen_default and not has_default:
                    raise TypeError(f'non-default argument {f.name!r} follows default argument')
                seen_default = seen_default or has_default
                params.append(param)
        if frozen:
            body.append(f'__dataclass_builtins_object__.__setattr__(self, {f.name!r}, {value})')
        else:
            body.append(f'self.{f.name} = {value}')
    if has_post_init:
        body.append('self.__post_init__()')
    if kw_params:
        params = params + ['*'] + kw_params
    return _make_function(cls, '__init__', params, body, env)


def _tuple_of(names, var):
    return '(' + ''.join(f'{var}.{n},' for n in names) + ')'


def _set_new(cls, name, fn):
    """Adds `fn` unless the class defines `name` itself; returns whether it did."""
    if name in cls.__dict__:
        return False
    setattr(cls, name, fn)
    return True


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args, kw_only):
    # CPython reads the class's module first (for the globals of the methods it
    # generates), so decorating something that is not a class fails on `__module__`.
    cls.__module__
    all_fields = {}
    for base in cls.__mro__[-1:0:-1]:
        base_fields = getattr(base, _FIELDS, None)
        if base_fields is not None:
            for f in base_fields.values():
                all_fields[f.name] = f
    for f in _own_fields(cls, kw_only):
        all_fields[f.name] = f
    setattr(cls, _FIELDS, all_fields)
    setattr(cls, _PARAMS, _DataclassParams(init, repr, eq, order, unsafe_hash, frozen))
    flds = list(all_fields.values())
    # Whether the class body defines __hash__ (a None put there because the body
    # defines __eq__ does not count), before any method is added.
    class_hash = cls.__dict__.get('__hash__', MISSING)
    has_own_hash = not (class_hash is MISSING or
                        (class_hash is None and '__eq__' in cls.__dict__))

    if init:
        _set_new(cls, '__init__', _init_fn(cls, flds, frozen, hasattr(cls, '__post_init__')))
    if repr:
        from reprlib import recursive_repr
        names = [f.name for f in flds if f.repr]
        fn = _make_function(cls, '__repr__', ['self'], [
            'return self.__class__.__qualname__ + f"(' +
            ', '.join(f'{n}={{self.{n}!r}}' for n in names) + ')"'], {})
        _set_new(cls, '__repr__', recursive_repr()(fn))
    compared = [f.name for f in flds if f.compare]
    if eq:
        fn = _make_function(cls, '__eq__', ['self', 'other'], [
            'if other.__class__ is self.__class__:',
            f'    return {_tuple_of(compared, "self")} == {_tuple_of(compared, "other")}',
            'return NotImplemented'], {})
        _set_new(cls, '__eq__', fn)
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, op in (('__lt__', '<'), ('__le__', '<='), ('__gt__', '>'), ('__ge__', '>=')):
            fn = _make_function(cls, name, ['self', 'other'], [
                'if other.__class__ is self.__class__:',
                f'    return {_tuple_of(compared, "self")} {op} {_tuple_of(compared, "other")}',
                'return NotImplemented'], {})
            if not _set_new(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
    if frozen:
        env = {'cls': cls, 'FrozenInstanceError': FrozenInstanceError}
        names = tuple(f.name for f in flds)
        env['names'] = names
        for name, verb in (('__setattr__', 'assign to'), ('__delattr__', 'delete')):
            params = ['self', 'name', 'value'] if name == '__setattr__' else ['self', 'name']
            fn = _make_function(cls, name, params, [
                'if type(self) is cls or name in names:',
                f'    raise FrozenInstanceError(f"cannot {verb} field {{name!r}}")',
                f'super(cls, self).{name}({", ".join(params[1:])})'], env)
            if not _set_new(cls, name, fn):
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}')
    # __hash__ (the table in CPython's dataclasses module).
    hashed = [f.name for f in flds if (f.compare if f.hash is None else f.hash)]
    hash_fn = _make_function(cls, '__hash__', ['self'], [
        f'return hash({_tuple_of(hashed, "self")})'], {})
    if unsafe_hash:
        if has_own_hash:
            raise TypeError(f'Cannot overwrite attribute __hash__ in class {cls.__name__}')
        cls.__hash__ = hash_fn
    elif eq and frozen:
        if not has_own_hash:
            cls.__hash__ = hash_fn
    elif eq:
        if not has_own_hash:
            cls.__hash__ = None
    if match_args:
        _set_new(cls, '__match_args__', tuple(f.name for f in flds if f.init and not f.kw_only))
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False,
              frozen=False, match_args=True, kw_only=False, slots=False, weakref_slot=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen, match_args,
                              kw_only)
    if cls is None:
        return wrap
    return wrap(cls)


def fields(class_or_instance):
    try:
        flds = getattr(class_or_instance, _FIELDS)
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(f for f in flds.values() if f._field_type == '_FIELD')


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, _FIELDS)


def _is_dataclass_instance(obj):
    return hasattr(type(obj), _FIELDS)


def asdict(obj, *, dict_factory=dict):
    if not _is_dataclass_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _convert(obj, dict_factory, True)


def _convert(obj, factory, named):
    """asdict()/astuple() of obj: a dataclass instance becomes `factory` applied to its
    converted fields, as (name, value) pairs when `named`; the containers they hold
    are rebuilt with their contents converted, and anything else is deep-copied."""
    import copy
    if _is_dataclass_instance(obj):
        values = [(f.name, _convert(getattr(obj, f.name), factory, named)) if named
                  else _convert(getattr(obj, f.name), factory, named)
                  for f in fields(obj)]
        return factory(values)
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_convert(v, factory, named) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_convert(v, factory, named) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_convert(k, factory, named), _convert(v, factory, named))
                         for k, v in obj.items())
    return copy.deepcopy(obj)


def astuple(obj, *, tuple_factory=tuple):
    if not _is_dataclass_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _convert(obj, tuple_factory, False)


def replace(obj, /, **changes):
    if not _is_dataclass_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in getattr(obj, _FIELDS).values():
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, it cannot '
                                 'be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
