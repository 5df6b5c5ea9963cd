# structural pattern matching in depth
from dataclasses import dataclass
@dataclass
class Point:
    x: int
    y: int
@dataclass
class Circle:
    center: Point
    r: float
class Cmd:
    __match_args__ = ("verb", "obj")
    def __init__(self, verb, obj=None):
        self.verb, self.obj = verb, obj
    def __repr__(self):
        return f"Cmd({self.verb!r}, {self.obj!r})"
def classify(v):
    match v:
        case None:
            return "None"
        case True:
            return "True literal"
        case 0 | 1 | 2:
            return f"small int {v}"
        case float(f) if f != f:
            return "nan"
        case int() | float() as num if num < 0:
            return f"negative {num}"
        case str(s) if s.startswith("cmd:"):
            return "command " + s[4:]
        case str():
            return f"string of length {len(v)}"
        case (x, y):
            return f"2-sequence {x},{y}"
        case [first, *_, last] if len(v) > 3:
            return f"long sequence {first}..{last}"
        case {"type": "user", "name": str(name), **rest}:
            return f"user {name} extra={sorted(rest)}"
        case {"type": t}:
            return "mapping type " + t
        case Point(x=0, y=0):
            return "origin"
        case Point(x=0, y=yy):
            return f"on y axis at {yy}"
        case Point(x, y) if x == y:
            return f"diagonal {x}"
        case Circle(Point(x, y), r) if r > 10:
            return f"big circle at {x},{y}"
        case Circle(center=c):
            return f"circle at {c}"
        case Cmd("go", obj) if obj:
            return "go " + obj
        case Cmd("look"):
            return "look around"
        case set() | frozenset():
            return "a set"
        case _:
            return f"other {type(v).__name__}"
tests = [None, True, False, 1, 5, float("nan"), -3, -2.5, "cmd:run", "hello", (1, 2), [1, 2],
         [1, 2, 3, 4, 5], [1, 2, 3], {"type": "user", "name": "ann", "age": 3}, {"type": "admin"},
         {"other": 1}, Point(0, 0), Point(0, 7), Point(3, 3), Point(1, 2), Circle(Point(1, 1), 20),
         Circle(Point(2, 2), 1), Cmd("go", "north"), Cmd("go"), Cmd("look"), {1}, frozenset(), 3.5, b"x"]
for t in tests:
    print(repr(t)[:40].ljust(42), classify(t))
def http(status):
    match status:
        case 200 | 201 | 204:
            return "ok"
        case 301 | 302 as code:
            return f"redirect {code}"
        case int(n) if 400 <= n < 500:
            return "client error"
        case _:
            return "unknown"
print([http(s) for s in (200, 204, 302, 404, 418, 500)])
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
def col(c):
    match c:
        case Color.RED:
            return "red!"
        case Color.GREEN:
            return "green!"
print(col(Color.RED), col(Color.GREEN), col(3))
