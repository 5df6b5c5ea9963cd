# typing: the special forms and aliases with CPython's reprs and equality, TypeVar,
# Generic, NamedTuple, TypedDict, NewType, Protocol, get_type_hints and the errors.
import typing
from typing import (Any, List, Dict, Optional, Union, Tuple, Callable, Iterator, Iterable,
                    Generator, Sequence, Mapping, Set, FrozenSet, Type, TypeVar, Generic,
                    NamedTuple, TypedDict, ClassVar, Final, Literal, cast, overload,
                    get_type_hints, NoReturn, Deque, DefaultDict, Counter, MutableMapping,
                    Awaitable, Protocol, AnyStr, Text, NewType, get_origin, get_args,
                    TYPE_CHECKING, runtime_checkable, final, no_type_check)
for t in [Any, List, List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None, str],
          Optional[Union[int, str]], Tuple[int, ...], Tuple[()], Tuple[int, str], Callable[[int, str], bool],
          Callable[..., int], Iterator[int], Iterable, Generator[int, None, None], Sequence[str],
          Mapping[str, List[int]], Set[int], FrozenSet[str], Type[int], ClassVar[int], Final[int],
          Literal[1, "a"], NoReturn, Deque[int], DefaultDict[str, int], Counter[str], List["Foo"],
          Union[int], Union[int, int], Dict, Callable, Tuple, Type, list[int], dict[str, list[int]]]:
    print(repr(t))
print(Optional[int] == Union[int, None], Union[int, str] == Union[str, int], List[int] == List[int], hash(List[int]) == hash(List[int]))
T = TypeVar("T"); K = TypeVar("K", bound=int); V = TypeVar("V", int, str, covariant=True)
print(T, K, V, repr(T), T.__name__, K.__bound__, V.__constraints__, List[T], Dict[K, V])
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int](); s.push(3); print(s.items, Stack.__mro__, Stack[int])
class Point(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return abs(self.x) + abs(self.y)
p = Point(3); print(p, p.norm(), Point._fields, Point._field_defaults, p._replace(y=5), isinstance(p, tuple))
Emp = NamedTuple("Emp", [("name", str), ("id", int)]); print(Emp("a", 1))
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name="x", year=1); print(m, type(m), Movie.__annotations__)
def f(a: int, b: "str" = "x") -> Optional[List[int]]: return None
print(get_type_hints(f), f.__annotations__)
print(cast(int, "s"), TYPE_CHECKING, get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]), get_args(Optional[int]))
UserId = NewType("UserId", int); print(UserId(5), UserId, UserId.__supertype__)
print(isinstance([], List), isinstance({}, Dict), issubclass(list, Sequence), isinstance(3, Optional[int].__args__[0]))
for bad in [lambda: isinstance(3, List[int]), lambda: Union[()], lambda: List(), lambda: Optional[int, str], lambda: Any()]:
    try:
        print(bad())
    except TypeError as e:
        print("TypeError", e)
@overload
def g(x: int) -> int: ...
@overload
def g(x: str) -> str: ...
def g(x): return x
print(g(1))
class Cls:
    a: ClassVar[int] = 1
    b: "List[int]"
print(Cls.__annotations__)
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closable), isinstance(1, Closable))
print(AnyStr, Text)
