"""Generic (shallow and deep) copying operations, for pymm.

pymm's own pure-Python implementation of CPython 3.11's copy module.

    y = copy(x)             # shallow copy
    y = deepcopy(x, memo)   # deep copy; memo maps id(original) -> copy

Built-in containers are copied directly.  Other objects use, in order: a
__copy__ / __deepcopy__ hook, a __reduce_ex__ / __reduce__ defined by a
class (not inherited from object), or the default object protocol: a new
instance made with cls.__new__(cls) whose __dict__ and __slots__ values
(and list/dict items for subclasses of list/dict) are copied across,
honouring __getstate__ / __setstate__.  Imports nothing.
"""

__all__ = ['Error', 'copy', 'deepcopy']


class Error(Exception):
    pass


error = Error   # backward compatibility


def _function():
    pass


class _Probe:
    def method(self):
        pass


try:
    _bytearray = bytearray
except NameError:       # an interpreter without bytearray
    _bytearray = None
_FunctionType = type(_function)
_BuiltinFunctionType = type(len)
_MethodType = type(_Probe().method)
_CodeType = type(getattr(_function, '__code__', None))

# Types whose instances are their own copies (shallow and deep).
_atomic = {type(None), type(Ellipsis), type(NotImplemented), int, float,
           bool, complex, bytes, str, type, range, property,
           _BuiltinFunctionType, _FunctionType}
if _CodeType is not type(None):
    _atomic.add(_CodeType)

# Immutable types that are their own shallow copies.
_slice = type(slice(0))
_immutable = _atomic | {tuple, frozenset, _slice, _MethodType}


################################################################################
# Shallow copy
################################################################################

def copy(x):
    """Shallow copy operation on arbitrary Python objects."""
    cls = type(x)
    if cls in _immutable:
        return x
    if cls is list or cls is dict or cls is set or cls is _bytearray:
        return x.copy()
    if issubclass(cls, type):
        return x
    copier = getattr(cls, '__copy__', None)
    if copier is not None:
        return copier(x)
    return _copy_by_reduce(x, None)


################################################################################
# Deep copy
################################################################################

def deepcopy(x, memo=None, _nil=[]):
    """Deep copy operation on arbitrary Python objects."""
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y

    cls = type(x)
    if cls in _atomic:
        y = x
    elif cls is list:
        y = []
        memo[d] = y
        for item in x:
            y.append(deepcopy(item, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for key, value in x.items():
            y[deepcopy(key, memo)] = deepcopy(value, memo)
    elif cls is tuple:
        y = _deepcopy_tuple(x, memo)
    elif cls is set or cls is frozenset:
        y = cls([deepcopy(item, memo) for item in x])
    elif cls is _bytearray:
        y = _bytearray(x)
    elif cls is _slice:
        y = _slice(deepcopy(x.start, memo), deepcopy(x.stop, memo),
                   deepcopy(x.step, memo))
    elif cls is _MethodType:
        y = cls(x.__func__, deepcopy(x.__self__, memo))
    elif issubclass(cls, type):
        y = x
    else:
        copier = getattr(x, '__deepcopy__', None)
        if copier is not None:
            y = copier(memo)
        else:
            y = _copy_by_reduce(x, memo)

    # An object that is its own copy is not memoized.
    if y is not x:
        memo[d] = y
        _keep_alive(x, memo)
    return y


def _deepcopy_tuple(x, memo):
    y = [deepcopy(item, memo) for item in x]
    # A cycle through the tuple may have copied it already.
    try:
        return memo[id(x)]
    except KeyError:
        pass
    for original, copied in zip(x, y):
        if original is not copied:
            return tuple(y)
    return x


def _keep_alive(x, memo):
    """Keep x alive for as long as memo is: memo is keyed by id(), and a
    freed object's id could be reused by a new one."""
    try:
        memo[id(memo)].append(x)
    except KeyError:
        memo[id(memo)] = [x]


################################################################################
# The object protocol: reduce and reconstruct
################################################################################

def _class_attr(cls, name):
    """name as defined by cls or a base other than object, else None."""
    for klass in cls.__mro__:
        if klass is object:
            break
        namespace = klass.__dict__
        if name in namespace:
            return namespace[name]
    return None


def _slot_names(cls):
    names = []
    for klass in cls.__mro__:
        if klass is object:
            break
        slots = klass.__dict__.get('__slots__')
        if slots is None:
            continue
        if isinstance(slots, str):
            slots = (slots,)
        for name in slots:
            if name in ('__dict__', '__weakref__'):
                continue
            if name.startswith('__') and not name.endswith('__'):
                stripped = klass.__name__.lstrip('_')
                if stripped:
                    name = f'_{stripped}{name}'
            names.append(name)
    return names


def _newobj(cls, *args):
    return cls.__new__(cls, *args)


def _copy_by_reduce(x, memo):
    """Copy x (deeply if memo is not None) by the reduce protocol: x gives
    (callable, args, state, listitems, dictitems, state_setter), or a
    string meaning x is a global and is its own copy."""
    cls = type(x)
    if _class_attr(cls, '__reduce_ex__') is not None:
        rv = x.__reduce_ex__(4)
    elif _class_attr(cls, '__reduce__') is not None:
        rv = x.__reduce__()
    else:
        rv = _default_reduce(x)
    if isinstance(rv, str):
        return x
    if not isinstance(rv, tuple):
        raise Error('__reduce__ must return a string or tuple')
    return _reconstruct(x, memo, *rv)


def _default_reduce(x):
    """What object.__reduce_ex__(4) gives for instances of Python classes."""
    cls = type(x)
    if isinstance(x, (set, frozenset)):
        return (cls, (list(x),), _getstate(x))
    if isinstance(x, BaseException):
        return (cls, x.args, getattr(x, '__dict__', None) or None)
    # An object with neither a __dict__ nor declared __slots__ is taken to
    # be of a built-in type that cannot be reconstructed (a generator, say).
    if (getattr(x, '__dict__', None) is None
            and _class_attr(cls, '__slots__') is None
            and not isinstance(x, (list, dict))):
        raise TypeError(f'cannot pickle {cls.__name__!r} object')
    getnewargs = _class_attr(cls, '__getnewargs__')
    args = (cls,) + (tuple(getnewargs(x)) if getnewargs else ())
    return (_newobj, args, _getstate(x),
            iter(x) if isinstance(x, list) else None,
            iter(x.items()) if isinstance(x, dict) else None)


def _getstate(x):
    getstate = _class_attr(type(x), '__getstate__')
    if getstate is not None:
        return getstate(x)
    instance_dict = getattr(x, '__dict__', None)
    state = instance_dict if instance_dict else None
    slots = {}
    for name in _slot_names(type(x)):
        try:
            slots[name] = getattr(x, name)
        except AttributeError:
            pass
    if slots:
        state = (state, slots)
    return state


def _reconstruct(x, memo, func, args, state=None, listiter=None,
                 dictiter=None, state_setter=None):
    deep = memo is not None
    if deep and args:
        args = deepcopy(args, memo)
    y = func(*args)
    if deep:
        memo[id(x)] = y

    if state is not None:
        if deep:
            state = deepcopy(state, memo)
        if state_setter is not None:
            state_setter(y, state)
        elif hasattr(y, '__setstate__'):
            y.__setstate__(state)
        else:
            slotstate = None
            if isinstance(state, tuple) and len(state) == 2:
                state, slotstate = state
            if state:
                y.__dict__.update(state)
            if slotstate:
                for key, value in slotstate.items():
                    setattr(y, key, value)

    if listiter is not None:
        for item in listiter:
            y.append(deepcopy(item, memo) if deep else item)
    if dictiter is not None:
        for key, value in dictiter:
            if deep:
                key = deepcopy(key, memo)
                value = deepcopy(value, memo)
            y[key] = value
    return y
