# range, None, bool
r = range(10)
print(r, range(2, 10, 3), range(10, 0, -2), len(r), r[3], r[-1], r[2:8:2], list(range(0)), list(range(5, 0, -1)))
print(5 in r, 10 in r, r.index(4), r.count(3), list(range(-5, 5, 4)), range(0, 10) == range(0, 10, 1), range(0) == range(5, 5))
print(sum(range(1, 101)), max(range(7)), list(reversed(range(4))), range(1, 10, 2)[::-1], len(range(0, 100, 7)))
print(range(10 ** 20)[-1], len(range(10 ** 18)), 10 ** 19 in range(10 ** 20), hash(range(3)) == hash(range(0, 3)))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    r[20]
except IndexError as e:
    print("IndexError:", e)
print(None, repr(None), type(None).__name__, None is None, bool(None), str(None), None == False)
def f():
    pass
print(f() is None, [None] * 2, {None: 1}[None], hash(None) == hash(None))
print(True, False, True + 1, True & False, True | False, True ^ True, not True, ~True, -True, True * 3.5)
print(bool(0), bool(1), bool(-1), bool(0.0), bool(""), bool(" "), bool([]), bool([0]), bool({}), bool(set()), bool(()), bool(range(0)), bool(0j))
print(isinstance(True, int), type(True).__name__, True == 1, bool(1) is True, str(True), repr(False), int(False), float(True))
print(True + True + True, sum([True, False, True]), sorted([True, False, True]), max(False, True), hash(True), hash(False))
print(bool.__bases__, True.__class__, (1 == 1) is True, (1 < 0) is False)
try:
    class B(bool):
        pass
except TypeError as e:
    print("TypeError:", e)
print(type(Ellipsis).__name__, ..., Ellipsis is ..., NotImplemented, repr(NotImplemented))
print(f"{True:d} {False:>5} {True!r} {None!s}")
