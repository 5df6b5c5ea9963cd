"""Container datatypes for pymm: namedtuple, deque, defaultdict, OrderedDict,
Counter and ChainMap.

pymm's own pure-Python implementation, written to match CPython 3.11's
observable behaviour (reprs, error messages, ordering) for the common cases.
See README.md in this directory for the deviations.
"""

import sys

__all__ = ['ChainMap', 'Counter', 'OrderedDict', 'defaultdict', 'deque',
           'namedtuple']


def _as_index(value, message):
    """Return value as an int via __index__, or raise TypeError(message)."""
    if isinstance(value, int):
        return value
    method = getattr(type(value), '__index__', None)
    if method is None:
        raise TypeError(message)
    return method(value)


_repr_running = set()      # ids of containers whose repr is in progress
_MISSING = object()


def _dict_eq(a, b):
    """dict.__eq__(a, b) for two dicts, ignoring any overridden methods."""
    if len(a) != len(b):
        return False
    for key, value in dict.items(a):
        other = dict.get(b, key, _MISSING)
        if other is _MISSING or not (value is other or value == other):
            return False
    return True


def _guarded_repr(obj, build):
    """Call build() unless obj's repr is already running (then '...')."""
    key = id(obj)
    if key in _repr_running:
        return None
    _repr_running.add(key)
    try:
        return build()
    finally:
        _repr_running.discard(key)


################################################################################
# namedtuple
################################################################################

# A namedtuple class is a tuple subclass (derived from _NamedTupleBase) with
# `__slots__ = ()` and a property per field; its __new__ binds the arguments with
# CPython's error messages.

_KEYWORDS = frozenset([
    'False', 'None', 'True', 'and', 'as', 'assert', 'async', 'await', 'break',
    'class', 'continue', 'def', 'del', 'elif', 'else', 'except', 'finally',
    'for', 'from', 'global', 'if', 'import', 'in', 'is', 'lambda',
    'nonlocal', 'not', 'or', 'pass', 'raise', 'return', 'try', 'while',
    'with', 'yield'])


class _NamedTupleBase(tuple):
    """Behaviour shared by every class that namedtuple() creates: a tuple subclass
    whose fields are properties reading its items."""

    __slots__ = ()
    _fields = ()
    _field_defaults = {}

    @classmethod
    def _make(cls, iterable):
        values = tuple(iterable)
        if len(values) != len(cls._fields):
            raise TypeError(
                f'Expected {len(cls._fields)} arguments, got {len(values)}')
        return tuple.__new__(cls, values)

    def _replace(self, **kwds):
        result = self._make([kwds.pop(name, value)
                             for name, value in zip(self._fields, self)])
        if kwds:
            raise ValueError(f'Got unexpected field names: {list(kwds)!r}')
        return result

    def _asdict(self):
        return dict(zip(self._fields, self))

    def __repr__(self):
        parts = [f'{name}={value!r}' for name, value in zip(self._fields, self)]
        return f'{self.__class__.__name__}({", ".join(parts)})'

    def __getnewargs__(self):
        return tuple(self)


def _field_property(index):
    def getter(self):
        return tuple.__getitem__(self, index)

    def setter(self, value):
        raise AttributeError("can't set attribute")

    def deleter(self):
        raise AttributeError("can't delete attribute")

    return property(getter, setter, deleter, f'Alias for field number {index}')


def _arg_list_text(names):
    """'x', 'x' and 'y', or 'x', 'y', and 'z' -- as CPython words it."""
    quoted = [repr(name) for name in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + ', and ' + quoted[-1]


def _make_new(typename, field_names, defaults):
    """Build the __new__ of a namedtuple class, binding arguments with
    CPython's error messages for a def with these parameters."""
    nfields = len(field_names)
    nrequired = nfields - len(defaults)
    fname = f'{typename}.__new__()'

    def __new__(cls, *args, **kwargs):
        if len(args) > nfields:
            if nrequired == nfields:
                takes = f'{nfields + 1} positional argument' + (
                    's' if nfields + 1 != 1 else '')
            else:
                takes = (f'from {nrequired + 1} to {nfields + 1} '
                         f'positional arguments')
            given = len(args) + 1
            raise TypeError(f'{fname} takes {takes} but {given} '
                            f'{"was" if given == 1 else "were"} given')
        values = list(args)
        if kwargs:
            for name in kwargs:
                if name not in field_names:
                    raise TypeError(
                        f'{fname} got an unexpected keyword argument {name!r}')
                if field_names.index(name) < len(args):
                    raise TypeError(
                        f'{fname} got multiple values for argument {name!r}')
        missing = []
        for i in range(len(args), nfields):
            name = field_names[i]
            if name in kwargs:
                values.append(kwargs[name])
            elif i >= nrequired:
                values.append(defaults[i - nrequired])
            else:
                missing.append(name)
        if missing:
            plural = 's' if len(missing) > 1 else ''
            raise TypeError(
                f'{fname} missing {len(missing)} required positional '
                f'argument{plural}: {_arg_list_text(missing)}')
        return tuple.__new__(cls, values)

    return __new__


def namedtuple(typename, field_names, *, rename=False, defaults=None,
               module=None):
    """Return a new class with named fields that behaves like a tuple.

    >>> Point = namedtuple('Point', ['x', 'y'])
    >>> Point(11, y=22)
    Point(x=11, y=22)
    """
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    field_names = list(map(str, field_names))
    typename = str(typename)

    if rename:
        seen = set()
        for index, name in enumerate(field_names):
            if (not name.isidentifier() or name in _KEYWORDS
                    or name.startswith('_') or name in seen):
                field_names[index] = f'_{index}'
            seen.add(name)

    for name in [typename] + field_names:
        if not name.isidentifier():
            raise ValueError('Type names and field names must be valid '
                             f'identifiers: {name!r}')
        if name in _KEYWORDS:
            raise ValueError('Type names and field names cannot be a '
                             f'keyword: {name!r}')
    seen = set()
    for name in field_names:
        if name.startswith('_') and not rename:
            raise ValueError('Field names cannot start with an underscore: '
                             f'{name!r}')
        if name in seen:
            raise ValueError(f'Encountered duplicate field name: {name!r}')
        seen.add(name)

    if defaults is not None:
        defaults = tuple(defaults)
        if len(defaults) > len(field_names):
            raise TypeError('Got more default values than field names')
    else:
        defaults = ()
    field_names = tuple(field_names)

    namespace = {
        '__doc__': f'{typename}({", ".join(field_names)})',
        '__slots__': (),
        '_fields': field_names,
        '_field_defaults': dict(zip(field_names[len(field_names)
                                                - len(defaults):], defaults)),
        '__match_args__': field_names,
        '__new__': staticmethod(_make_new(typename, field_names, defaults)),
    }
    for index, name in enumerate(field_names):
        namespace[name] = _field_property(index)
    result = type(typename, (_NamedTupleBase,), namespace)
    if module is not None:
        result.__module__ = module
    return result


################################################################################
# deque
################################################################################

class deque:
    """deque([iterable[, maxlen]]) --> deque object

    A list-like sequence optimized for data accesses near its endpoints.
    Stored as a ring buffer in a list whose length is a power of two.
    """

    __slots__ = ('_buf', '_head', '_size', '_maxlen', '_state')

    def __init__(self, iterable=(), maxlen=None):
        if maxlen is not None:
            maxlen = _as_index(maxlen, 'an integer is required')
            if maxlen < 0:
                raise ValueError('maxlen must be non-negative')
        if iterable is self:
            iterable = self._items()
        self._maxlen = maxlen
        self._state = 0
        self._load([])
        self.extend(iterable)

    # --- storage ------------------------------------------------------------

    def _load(self, items):
        """Replace the contents with the list items."""
        capacity = 8
        while capacity <= len(items):      # always leave a free slot
            capacity *= 2
        self._buf = items + [None] * (capacity - len(items))
        self._head = 0
        self._size = len(items)

    def _items(self):
        buf, head, size = self._buf, self._head, self._size
        end = head + size
        if end <= len(buf):
            return buf[head:end]
        return buf[head:] + buf[:end - len(buf)]

    def _shrink(self):
        if len(self._buf) > 32 and self._size * 4 < len(self._buf):
            self._load(self._items())

    # --- the ends -------------------------------------------------------------

    def append(self, x):
        """Add an element to the right side of the deque."""
        self._state += 1
        if self._maxlen is not None and self._size >= self._maxlen:
            if self._maxlen == 0:
                return
            self.popleft()
        buf = self._buf
        if self._size == len(buf):
            self._load(self._items())
            buf = self._buf
        buf[(self._head + self._size) & (len(buf) - 1)] = x
        self._size += 1

    def appendleft(self, x):
        """Add an element to the left side of the deque."""
        self._state += 1
        if self._maxlen is not None and self._size >= self._maxlen:
            if self._maxlen == 0:
                return
            self.pop()
        buf = self._buf
        if self._size == len(buf):
            self._load(self._items())
            buf = self._buf
        self._head = (self._head - 1) & (len(buf) - 1)
        buf[self._head] = x
        self._size += 1

    def pop(self):
        """Remove and return the rightmost element."""
        if not self._size:
            raise IndexError('pop from an empty deque')
        self._state += 1
        buf = self._buf
        self._size -= 1
        i = (self._head + self._size) & (len(buf) - 1)
        x = buf[i]
        buf[i] = None
        self._shrink()
        return x

    def popleft(self):
        """Remove and return the leftmost element."""
        if not self._size:
            raise IndexError('pop from an empty deque')
        self._state += 1
        buf = self._buf
        x = buf[self._head]
        buf[self._head] = None
        self._head = (self._head + 1) & (len(buf) - 1)
        self._size -= 1
        self._shrink()
        return x

    def extend(self, iterable):
        """Extend the right side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = self._items()
        for x in iterable:
            self.append(x)

    def extendleft(self, iterable):
        """Extend the left side of the deque with elements from the iterable."""
        if iterable is self:
            iterable = self._items()
        for x in iterable:
            self.appendleft(x)

    # --- whole-deque operations ---------------------------------------------

    def clear(self):
        """Remove all elements from the deque."""
        self._state += 1
        self._load([])

    def copy(self):
        """Return a shallow copy of a deque."""
        if self._maxlen is None:
            return type(self)(self)
        return type(self)(self, self._maxlen)

    __copy__ = copy

    def rotate(self, n=1):
        """Rotate the deque n steps to the right (default n=1).  If n is
        negative, rotates left."""
        size = self._size
        if size <= 1:
            return
        n %= size
        if n == 0:
            return
        self._state += 1
        buf = self._buf
        mask = len(buf) - 1
        if size == len(buf):
            self._head = (self._head - n) & mask
            return
        if n <= size // 2:
            for _ in range(n):       # move n items from the right end
                tail = (self._head + self._size - 1) & mask
                self._head = (self._head - 1) & mask
                buf[self._head] = buf[tail]
                buf[tail] = None
        else:
            for _ in range(size - n):  # move items from the left end
                dest = (self._head + self._size) & mask
                buf[dest] = buf[self._head]
                buf[self._head] = None
                self._head = (self._head + 1) & mask

    def reverse(self):
        """Reverse *IN PLACE*."""
        items = self._items()
        items.reverse()
        self._load(items)

    def count(self, value):
        """Return number of occurrences of value."""
        total = 0
        for x in self:
            if x is value or x == value:
                total += 1
        return total

    def index(self, value, start=0, stop=sys.maxsize):
        """Return first index of value.

        Raises ValueError if the value is not present.
        """
        size = self._size
        if start < 0:
            start = max(start + size, 0)
        if stop < 0:
            stop = max(stop + size, 0)
        stop = min(stop, size)
        state = self._state
        for i in range(start, stop):
            x = self[i]
            if x is value or x == value:
                return i
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
        raise ValueError(f'{value!r} is not in deque')

    def insert(self, index, value):
        """Insert value before index."""
        if self._maxlen is not None and self._size >= self._maxlen:
            raise IndexError('deque already at its maximum size')
        self._state += 1
        items = self._items()
        items.insert(index, value)
        self._load(items)

    def remove(self, value):
        """Remove first occurrence of value."""
        state = self._state
        for i in range(self._size):
            x = self[i]
            if x is value or x == value:
                if state != self._state:
                    raise IndexError('deque mutated during remove().')
                del self[i]
                return
        raise ValueError(f'{value!r} is not in deque')

    @property
    def maxlen(self):
        """maximum size of a deque or None if unbounded"""
        return self._maxlen

    # --- sequence protocol ----------------------------------------------------

    def _logical(self, index):
        """Check index and return it as 0 <= int < len(self)."""
        if not isinstance(index, int):
            index = _as_index(index, 'sequence index must be integer, not '
                              f'{type(index).__name__!r}')
        if index < 0:
            index += self._size
        if not 0 <= index < self._size:
            raise IndexError('deque index out of range')
        return index

    def _position(self, index):
        return (self._head + self._logical(index)) & (len(self._buf) - 1)

    def __getitem__(self, index):
        return self._buf[self._position(index)]

    def __setitem__(self, index, value):
        self._buf[self._position(index)] = value

    def __delitem__(self, index):
        index = self._logical(index)
        self._state += 1
        items = self._items()
        del items[index]
        self._load(items)

    def __len__(self):
        return self._size

    def __bool__(self):
        return self._size != 0

    def __iter__(self):
        state = self._state
        for i in range(self._size):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield self._buf[(self._head + i) & (len(self._buf) - 1)]
        if state != self._state:
            raise RuntimeError('deque mutated during iteration')

    def __reversed__(self):
        state = self._state
        for i in range(self._size - 1, -1, -1):
            if state != self._state:
                raise RuntimeError('deque mutated during iteration')
            yield self._buf[(self._head + i) & (len(self._buf) - 1)]
        if state != self._state:
            raise RuntimeError('deque mutated during iteration')

    def __contains__(self, value):
        for x in self:
            if x is value or x == value:
                return True
        return False

    def __repr__(self):
        items = _guarded_repr(self, lambda: repr(self._items()))
        if items is None:
            return '[...]'
        name = type(self).__name__
        if self._maxlen is None:
            return f'{name}({items})'
        return f'{name}({items}, maxlen={self._maxlen})'

    # --- operators --------------------------------------------------------------

    def __add__(self, other):
        if not isinstance(other, deque):
            raise TypeError('can only concatenate deque (not '
                            f'"{type(other).__name__}") to deque')
        result = self.copy()
        result.extend(other)
        return result

    def __iadd__(self, other):
        self.extend(other)
        return self

    def __mul__(self, n):
        result = self.copy()
        result *= n
        return result

    __rmul__ = __mul__

    def __imul__(self, n):
        items = self._items()
        if n <= 0:
            self.clear()
        elif n > 1:
            self.extend(items * (n - 1))
        return self

    __hash__ = None

    def __eq__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() == other._items()

    def __ne__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() != other._items()

    def __lt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() < other._items()

    def __le__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() <= other._items()

    def __gt__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() > other._items()

    def __ge__(self, other):
        if not isinstance(other, deque):
            return NotImplemented
        return self._items() >= other._items()


################################################################################
# defaultdict
################################################################################

class defaultdict(dict):
    """defaultdict(default_factory=None, /, [...]) --> dict with default factory

    The default factory is called without arguments to produce a new value
    when a key is not present, in __getitem__ only.
    """

    def __init__(self, default_factory=None, /, *args, **kwargs):
        if default_factory is not None and not callable(default_factory):
            raise TypeError('first argument must be callable or None')
        self.default_factory = default_factory
        dict.__init__(self, *args, **kwargs)

    def __getitem__(self, key):
        value = dict.get(self, key, _MISSING)
        if value is _MISSING:
            return self.__missing__(key)
        return value

    def __missing__(self, key):
        if self.default_factory is None:
            raise KeyError(key)
        value = self.default_factory()
        self[key] = value
        return value

    def __repr__(self):
        body = _guarded_repr(self, lambda: repr(dict(self)))
        if body is None:
            body = '{...}'      # what dict's own recursion guard prints
        return f'{type(self).__name__}({self.default_factory!r}, {body})'

    def copy(self):
        """D.copy() -> a shallow copy of D."""
        return type(self)(self.default_factory, self)

    __copy__ = copy

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.copy()
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = type(self)(self.default_factory, other)
        result.update(self)
        return result

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
# OrderedDict
################################################################################

class OrderedDict(dict):
    """Dictionary that remembers insertion order (plain dicts already do;
    this adds move_to_end, popitem(last=) and order-sensitive ==)."""

    def __init__(self, other=(), /, **kwds):
        dict.__init__(self, other, **kwds)

    def popitem(self, last=True):
        """Remove and return a (key, value) pair from the dictionary.

        Pairs are returned in LIFO order if last is true or FIFO order if false.
        """
        if not self:
            raise KeyError('dictionary is empty')
        if last:
            return dict.popitem(self)
        key = next(iter(dict.keys(self)))
        return key, dict.pop(self, key)

    def move_to_end(self, key, last=True):
        """Move an existing element to the end (or beginning if last is false).

        Raise KeyError if the element does not exist.
        """
        value = dict.pop(self, key, _MISSING)
        if value is _MISSING:
            raise KeyError(key)
        if last:
            dict.setdefault(self, key, value)
            return
        rest = list(dict.items(self))
        dict.clear(self)
        dict.setdefault(self, key, value)
        dict.update(self, rest)

    @classmethod
    def fromkeys(cls, iterable, value=None):
        """Create a new ordered dictionary with keys from iterable and values
        set to value."""
        self = cls()
        for key in iterable:
            self[key] = value
        return self

    def copy(self):
        """od.copy() -> a shallow copy of od"""
        return self.__class__(self)

    __copy__ = copy

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        body = _guarded_repr(self, lambda: repr(list(self.items())))
        if body is None:
            return '...'
        return f'{self.__class__.__name__}({body})'

    def __eq__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        if isinstance(other, OrderedDict):
            return _dict_eq(self, other) and all(
                a == b for a, b in zip(self, other))
        return _dict_eq(self, other)

    def __ne__(self, other):
        result = self.__eq__(other)
        return result if result is NotImplemented else not result

    __hash__ = None

    def __or__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.__class__(self)
        result.update(other)
        return result

    def __ror__(self, other):
        if not isinstance(other, dict):
            return NotImplemented
        result = self.__class__(other)
        result.update(self)
        return result

    def __ior__(self, other):
        self.update(other)
        return self


################################################################################
# Counter
################################################################################

def _is_mapping(obj):
    return isinstance(obj, dict) or (hasattr(obj, 'items')
                                     and hasattr(obj, '__getitem__'))


class Counter(dict):
    """Dict subclass for counting hashable items.

    >>> Counter('abracadabra').most_common(3)
    [('a', 5), ('b', 2), ('r', 2)]
    """

    def __init__(self, iterable=None, /, **kwds):
        dict.__init__(self)
        self.update(iterable, **kwds)

    def __getitem__(self, key):
        value = dict.get(self, key, _MISSING)
        if value is _MISSING:
            return self.__missing__(key)
        return value

    def __missing__(self, key):
        """The count of elements not in the Counter is zero."""
        return 0

    def total(self):
        """Sum of the counts"""
        return sum(self.values())

    def most_common(self, n=None):
        """List the n most common elements and their counts from the most
        common to the least.  If n is None, then list all element counts.
        """
        ordered = sorted(self.items(), key=_second, reverse=True)
        return ordered if n is None else ordered[:max(n, 0)]

    def elements(self):
        """Iterator over elements repeating each as many times as its count."""
        for elem, count in self.items():
            for _ in range(count):
                yield elem

    @classmethod
    def fromkeys(cls, iterable, v=None):
        raise NotImplementedError(
            'Counter.fromkeys() is undefined.  Use Counter(iterable) instead.')

    def update(self, iterable=None, /, **kwds):
        """Like dict.update() but add counts instead of replacing them."""
        if iterable is not None:
            if _is_mapping(iterable):
                if self:
                    get = self.get
                    for elem, count in iterable.items():
                        self[elem] = count + get(elem, 0)
                else:
                    dict.update(self, iterable)
            else:
                get = self.get
                for elem in iterable:
                    self[elem] = get(elem, 0) + 1
        if kwds:
            self.update(kwds)

    def subtract(self, iterable=None, /, **kwds):
        """Like dict.update() but subtracts counts instead of replacing them.
        Counts can be reduced below zero."""
        if iterable is not None:
            get = self.get
            if _is_mapping(iterable):
                for elem, count in iterable.items():
                    self[elem] = get(elem, 0) - count
            else:
                for elem in iterable:
                    self[elem] = get(elem, 0) - 1
        if kwds:
            self.subtract(kwds)

    def copy(self):
        """Return a shallow copy."""
        return self.__class__(self)

    __copy__ = copy

    def __delitem__(self, elem):
        """Like dict.__delitem__() but does not raise KeyError for missing
        values."""
        dict.pop(self, elem, None)

    def __repr__(self):
        if not self:
            return f'{self.__class__.__name__}()'
        try:
            d = dict(self.most_common())
        except TypeError:
            d = dict(self)
        body = _guarded_repr(self, lambda: repr(d))
        if body is None:
            return '...'
        return f'{self.__class__.__name__}({body})'

    # --- multiset comparisons -------------------------------------------------

    def __eq__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] == other[e] for c in (self, other) for e in c)

    def __ne__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return not self == other

    def __le__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] <= other[e] for c in (self, other) for e in c)

    def __lt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self <= other and self != other

    def __ge__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return all(self[e] >= other[e] for c in (self, other) for e in c)

    def __gt__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        return self >= other and self != other

    __hash__ = None

    # --- multiset arithmetic --------------------------------------------------

    def __add__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count + other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __sub__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            newcount = count - other[elem]
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count < 0:
                result[elem] = 0 - count
        return result

    def __or__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = other_count if count < other_count else count
            if newcount > 0:
                result[elem] = newcount
        for elem, count in other.items():
            if elem not in self and count > 0:
                result[elem] = count
        return result

    def __and__(self, other):
        if not isinstance(other, Counter):
            return NotImplemented
        result = Counter()
        for elem, count in self.items():
            other_count = other[elem]
            newcount = count if count < other_count else other_count
            if newcount > 0:
                result[elem] = newcount
        return result

    def __pos__(self):
        result = Counter()
        for elem, count in self.items():
            if count > 0:
                result[elem] = count
        return result

    def __neg__(self):
        result = Counter()
        for elem, count in self.items():
            if count < 0:
                result[elem] = 0 - count
        return result

    def _keep_positive(self):
        for elem in [e for e, count in self.items() if not count > 0]:
            del self[elem]
        return self

    def __iadd__(self, other):
        for elem, count in other.items():
            self[elem] += count
        return self._keep_positive()

    def __isub__(self, other):
        for elem, count in other.items():
            self[elem] -= count
        return self._keep_positive()

    def __ior__(self, other):
        for elem, other_count in other.items():
            if other_count > self[elem]:
                self[elem] = other_count
        return self._keep_positive()

    def __iand__(self, other):
        for elem, count in self.items():
            other_count = other[elem]
            if other_count < count:
                self[elem] = other_count
        return self._keep_positive()


def _second(pair):
    return pair[1]


################################################################################
# ChainMap
################################################################################

class ChainMap:
    """A ChainMap groups multiple dicts (or other mappings) together to
    create a single, updateable view.  Lookups search the maps in order;
    writes, updates and deletions only operate on the first one.
    """

    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __missing__(self, key):
        raise KeyError(key)

    def __getitem__(self, key):
        for mapping in self.maps:
            try:
                return mapping[key]
            except KeyError:
                pass
        return self.__missing__(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __len__(self):
        return len(set().union(*self.maps))

    def __iter__(self):
        merged = {}
        for mapping in reversed(self.maps):
            for key in mapping:
                merged[key] = None
        return iter(merged)

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __bool__(self):
        return any(self.maps)

    def __repr__(self):
        body = _guarded_repr(self, lambda: ', '.join(map(repr, self.maps)))
        if body is None:
            return '...'
        return f'{self.__class__.__name__}({body})'

    # DEVIATION: keys(), values() and items() return views of a snapshot
    # dict, not live views of the chain.
    def _snapshot(self):
        return {key: self[key] for key in self}

    def keys(self):
        return self._snapshot().keys()

    def values(self):
        return self._snapshot().values()

    def items(self):
        return self._snapshot().items()

    def __eq__(self, other):
        if isinstance(other, ChainMap):
            other = other._snapshot()
        if not isinstance(other, dict):
            return NotImplemented
        return self._snapshot() == other

    __hash__ = None

    @classmethod
    def fromkeys(cls, iterable, *args):
        """Create a ChainMap with a single dict created from the iterable."""
        return cls(dict.fromkeys(iterable, *args))

    def copy(self):
        """New ChainMap or subclass with a new copy of maps[0] and refs to
        maps[1:]"""
        return self.__class__(self.maps[0].copy(), *self.maps[1:])

    __copy__ = copy

    def new_child(self, m=None, **kwargs):
        """New ChainMap with a new map followed by all previous maps."""
        if m is None:
            m = kwargs
        elif kwargs:
            m.update(kwargs)
        return self.__class__(m, *self.maps)

    @property
    def parents(self):
        """New ChainMap from maps[1:]."""
        return self.__class__(*self.maps[1:])

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(
                f'Key not found in the first mapping: {key!r}') from None

    def setdefault(self, key, default=None):
        if key in self:
            return self[key]
        self[key] = default
        return default

    def update(self, other=(), /, **kwds):
        first = self.maps[0]
        if _is_mapping(other):
            for key in other.keys():
                first[key] = other[key]
        else:
            for key, value in other:
                first[key] = value
        for key, value in kwds.items():
            first[key] = value

    def popitem(self):
        """Remove and return an item pair from maps[0]. Raise KeyError if
        maps[0] is empty."""
        try:
            return self.maps[0].popitem()
        except KeyError:
            raise KeyError('No keys found in the first mapping.') from None

    def pop(self, key, *args):
        """Remove *key* from maps[0] and return its value. Raise KeyError if
        *key* not in maps[0]."""
        try:
            return self.maps[0].pop(key, *args)
        except KeyError:
            raise KeyError(
                f'Key not found in the first mapping: {key!r}') from None

    def clear(self):
        """Clear maps[0], leaving maps[1:] intact."""
        self.maps[0].clear()

    def __or__(self, other):
        if not _is_mapping(other):
            return NotImplemented
        m = self.copy()
        m.maps[0].update(other)
        return m

    def __ior__(self, other):
        self.maps[0].update(other)
        return self
