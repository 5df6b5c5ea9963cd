# PEP 604 unions: int | str is types.UnionType (repr, equality, isinstance, issubclass,
# annotations), with typing.Union and generic aliases on either side.
import types
u = int | str
print(type(u), u, u.__args__, int | None, (int | str) == (str | int), int | str | int, isinstance(3, int | str), issubclass(bool, int | None), list[int] | None, type(None) | int, None | int)
try: int | 3
except TypeError as e: print(e)
try: isinstance(3, list[int] | None)
except TypeError as e: print(e)
import typing
print(typing.Union[int, str] == (int | str), typing.Optional[int] | str, (int | str) | typing.List[int], typing.get_args(int | str))
def f(x: int | None = None, *ys: list[str] | dict[str, int]) -> str | bytes: return "ok"
print(f.__annotations__, f())
class C: pass
print(C | None, hash(int | str) == hash(str | int))
