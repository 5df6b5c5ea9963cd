# enum (pymm's own module): Enum, IntEnum, StrEnum, Flag, IntFlag, auto, unique; members,
# aliases, lookup by value and name, reprs and strs, Flag composition, errors, match.
from enum import Flag, IntFlag, Enum, IntEnum, StrEnum, auto, unique
class Perm(Flag):
    R = 4
    W = 2
    X = 1
print(Perm.R|Perm.W, repr(Perm.R|Perm.X), list(Perm.R|Perm.W|Perm.X), Perm(0), repr(Perm(0)), ~Perm.R, Perm(7), repr(Perm(7)), list(Perm), bool(Perm(0)))
print(Perm.R | Perm.W, (Perm.R | Perm.W) & Perm.W, Perm.X in (Perm.R | Perm.X), bool(Perm.R & Perm.X))
class F(Flag):
    A = auto(); B = auto(); C = auto()
print(F.A.value, F.B.value, F.C.value, F.A|F.C, F(5))
class I(IntFlag):
    A = 1; B = 2
print(I.A|I.B, repr(I.A|I.B), I.A + 1, I(3), I(8), repr(I(8)), format(I.A), str(I.A))
class E(Enum):
    A = 1
    B = 'x'
    C = 1
print(E.C is E.A, list(E), E.__members__, repr(E), E['A'], len(E))
class P(IntEnum):
    LOW = auto()
    HIGH = auto()
print(P.LOW, str(P.LOW), repr(P.LOW), f'{P.LOW}', P.LOW == 1, P(2), hash(P.LOW) == hash(1), format(P.HIGH, '03d'), P.LOW < P.HIGH, sorted([P.HIGH, P.LOW]), P.HIGH + 1)
print(str(E.A), f'{E.A}', format(E.A, '>10'), hash(E.A) == hash('A'), E.A.name, E.A.value, type(E.A).__name__, isinstance(E.A, E), repr(E.B))
print(E.A in E)
try: E.A = 5
except AttributeError as e: print(e)
class Auto(Enum):
    X = auto()
    Y = auto()
    Z = 10
    W = auto()
print(list(Auto), Auto.W.value)
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass; self.radius = radius
    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.MERCURY.mass, Planet.MERCURY.value, round(Planet.EARTH.gravity, 2))
class S(str, Enum):
    A = 'a'
print(S.A == 'a', repr(S.A), str(S.A), S('a'))
class SE(StrEnum):
    X = auto()
    Y = 'why'
print(SE.X, repr(SE.X), SE.Y == 'why', f'{SE.Y}', list(SE))
try: E['Z']
except KeyError as e: print('KeyError', e)
try: E(9)
except ValueError as e: print('ValueError:', e)
print(E.A.__class__, E, Perm, Color := None)
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self):
        return f"{self.name}={self.value}"
    @classmethod
    def default(cls):
        return cls.RED
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value, list(Color), len(Color))
print(Color.RED is Color(1), Color.RED == 1, isinstance(Color.RED, Color), [c.name for c in Color], Color.GREEN.describe(), Color.default())
print({Color.RED: 'r'}[Color.RED], sorted(Color, key=lambda c: -c.value), list(reversed(Color)))
try:
    @unique
    class U(Enum):
        A = 1
        B = 1
except ValueError as e: print('ValueError:', e)
try:
    class Ext(Color):
        PINK = 9
except TypeError as e: print('TypeError:', e)
def col(c):
    match c:
        case Color.RED:
            return "red!"
        case Color.GREEN:
            return "green!"
print(col(Color.RED), col(Color.GREEN), col(3))
import copy; print(copy.copy(Color.RED) is Color.RED, copy.deepcopy(Color.RED) is Color.RED)
