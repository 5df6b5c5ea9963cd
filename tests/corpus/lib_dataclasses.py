# dataclasses (pymm's own module): fields, defaults and factories, generated methods and
# their errors, order/frozen/unsafe_hash/eq, KW_ONLY, inheritance, __post_init__,
# asdict/astuple/replace, match, recursive repr.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, is_dataclass, FrozenInstanceError, KW_ONLY
import sys, gc
@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    def total(self, n):
        return self.price * n
i = Item("pen", 1.5)
print(i, i.total(4), asdict(i), astuple(i), i == Item("pen", 1.5), i != Item("pen", 2))
i.tags.append("office")
print(replace(i, price=3.0), Item("x").tags is Item("y").tags, Item.__init__.__qualname__, Item.__repr__.__qualname__)
print([f.name for f in fields(Item)], fields(i)[1].default, is_dataclass(i), is_dataclass(Item), is_dataclass(1))
print(Item.__match_args__, Item.__hash__, Item.price, 'tags' in Item.__dict__)
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int = 0
print(sorted([Ver(1, 2), Ver(0, 9), Ver(1, 0)]), Ver(1) < Ver(1, 1), hash(Ver(1, 2)) == hash(Ver(1, 2)), Ver(1) <= Ver(1))
try:
    Ver(1).major = 2
except FrozenInstanceError as e:
    print(type(e).__name__, e, isinstance(e, AttributeError))
try:
    del Ver(1).minor
except FrozenInstanceError as e:
    print(type(e).__name__, e)
try:
    Item()
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Bad2:
        a: list = []
except ValueError as e:
    print("ValueError:", e)
@dataclass
class Base:
    x: int
    y: int = 2
@dataclass
class Derived(Base):
    z: int = 3
    def __post_init__(self):
        self.sum = self.x + self.y + self.z
d = Derived(1)
print(d, d.sum, fields(Derived)[2].name, Derived.__mro__[1].__name__)
@dataclass(eq=False)
class NoEq:
    v: int
print(NoEq(1) == NoEq(1), NoEq.__hash__ is object.__hash__)
@dataclass(unsafe_hash=True)
class H:
    a: int
    b: list = field(default_factory=list, hash=False, compare=False, repr=False)
print(hash(H(1)) == hash(H(1)), H(1), H(1) == H(1, [5]))
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int = field(default=5, init=False)
print(K(1, b=2), K(1))
try: K(1, 2)
except TypeError as e: print("TypeError:", e)
@dataclass
class Node:
    val: int
    nxt: 'Node' = None
n = Node(1); n.nxt = n
print(n)
import weakref
r = weakref.ref(n)
del n
gc.collect()
print("cycle collected:", r() is None)
from dataclasses import MISSING
print(repr(fields(Ver)[0]).replace(hex(id(MISSING)), 'ADDR'))
match Ver(3, 4):
    case Ver(3, m):
        print("matched minor", m)
@dataclass
class WithHash:
    a: int
    def __hash__(self): return 7
print(hash(WithHash(1)))
# asdict/astuple through nested dataclasses, tuples, dicts and namedtuples, with factories.
from dataclasses import asdict, astuple
from collections import namedtuple, OrderedDict
P = namedtuple('P', 'a b')
@dataclass
class In:
    v: list
@dataclass
class Out:
    i: In
    t: tuple
    d: dict
    p: P
o = Out(In([1, [2]]), (In([3]),), {'k': In([4])}, P(In([5]), 6))
print(asdict(o)); print(astuple(o)); print(asdict(o, dict_factory=OrderedDict)); print(astuple(o, tuple_factory=list))
print(asdict(o)['i']['v'] is o.i.v)
