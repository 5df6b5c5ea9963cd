# dataclasses and enum (stdlib, pure Python)
from dataclasses import dataclass, field, asdict, astuple, replace
from enum import Enum, IntEnum, auto, Flag
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
print(replace(i, price=3.0), Item("x").tags is Item("y").tags)
@dataclass(order=True, frozen=True)
class Ver:
    major: int
    minor: int = 0
print(sorted([Ver(1, 2), Ver(0, 9), Ver(1, 0)]), Ver(1) < Ver(1, 1), hash(Ver(1, 2)) == hash(Ver(1, 2)))
try:
    Ver(1).major = 2
except Exception as e:
    print(type(e).__name__, e)
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color), len(Color))
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color), [c.name for c in Color])
class Pri(IntEnum):
    LOW = auto()
    HIGH = auto()
print(Pri.LOW, Pri.HIGH + 1, Pri.LOW < Pri.HIGH, sorted([Pri.HIGH, Pri.LOW]))
class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R | Perm.W, (Perm.R | Perm.W) & Perm.W, Perm.X in (Perm.R | Perm.X), bool(Perm.R & Perm.X))
try:
    Color(9)
except ValueError as e:
    print("ValueError:", e)
