# None, True, False, Ellipsis, NotImplemented are unique objects
import sys
print(type(None)() is None, type(...)() is ..., type(NotImplemented)() is NotImplemented)
print(bool(1) is True, bool(0) is False, bool([]) is False, bool([0]) is True)
print((1 == 1) is True, (1 == 2) is False, (not 0) is True, (not 1) is False)
zero = 0
print(isinstance(True, int), True + True, int(False) is zero)
print(bool.__new__(bool, 5) is True, bool('') is False)
print(Ellipsis is ..., (lambda: None)() is None, print is not None)
print(sys.getrefcount(None) > 100, sys.getrefcount(True) > 10, sys.getrefcount(False) > 10)
r0 = sys.getrefcount(None)
keep = [None] * 50
r1 = sys.getrefcount(None)
print("None refs +", r1 - r0)
del keep
r2 = sys.getrefcount(None)
print("after del +", r2 - r0)
lst = [True] * 10
print(sum(1 for x in lst if x is True))
print(repr(None), repr(...), repr(NotImplemented), str(True), str(False))
print(hash(None) == hash(None), hash(True), hash(False))
try:
    type(None)(1)
except TypeError as e:
    print("TypeError:", e)
try:
    class B(bool): pass
except TypeError as e:
    print("TypeError:", e)
try:
    class N(type(None)): pass
except TypeError as e:
    print("TypeError:", e)
print((None,) * 3 == (None, None, None), [None] * 2)
print({None: 1}[None], {True: 'a', 1: 'b'})
