# abc module, collections.abc registration and protocol checks
from abc import ABC, abstractmethod
import collections.abc as cabc
class Shape(ABC):
    @abstractmethod
    def area(self):
        ...
    def describe(self):
        return f"{type(self).__name__} with area {self.area():.2f}"
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
class Half(Shape):
    pass
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
print(Sq(3).describe(), isinstance(Sq(1), Shape), issubclass(Sq, ABC))
class MyMap(cabc.Mapping):
    def __init__(self, d):
        self._d = dict(d)
    def __getitem__(self, k):
        return self._d[k]
    def __iter__(self):
        return iter(self._d)
    def __len__(self):
        return len(self._d)
m = MyMap({"a": 1, "b": 2})
print(len(m), m["a"], m.get("z", 0), "b" in m, list(m.keys()), list(m.items()), m == {"a": 1, "b": 2})
class MySeq(cabc.Sequence):
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * 10
    def __len__(self):
        return 5
s = MySeq()
print(list(s), s.index(30), s.count(10), 40 in s, list(reversed(s)))
class Bag(cabc.MutableSet):
    def __init__(self, it=()):
        self._s = set(it)
    def __contains__(self, x):
        return x in self._s
    def __iter__(self):
        return iter(sorted(self._s))
    def __len__(self):
        return len(self._s)
    def add(self, x):
        self._s.add(x)
    def discard(self, x):
        self._s.discard(x)
b = Bag([3, 1])
b |= {2}
print(list(b), len(b), list(b & {1, 2}))
print(isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping), isinstance(set(), cabc.Set), isinstance("s", cabc.Iterable))
print(isinstance(iter([]), cabc.Iterator), isinstance((x for x in []), cabc.Generator), isinstance(len, cabc.Callable), isinstance(5, cabc.Hashable))
class Quacks:
    def __iter__(self):
        return iter([])
    def __len__(self):
        return 0
print(isinstance(Quacks(), cabc.Iterable), isinstance(Quacks(), cabc.Sized), isinstance(Quacks(), cabc.Container))
class Virtual(ABC):
    pass
Virtual.register(int)
print(isinstance(5, Virtual), issubclass(bool, Virtual), issubclass(str, Virtual))
class WithProp(ABC):
    @property
    @abstractmethod
    def name(self):
        ...
class Named(WithProp):
    name = "fixed"
print(Named().name, sorted(WithProp.__abstractmethods__))
