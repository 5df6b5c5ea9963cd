# __sizeof__ protocol: GC header added, errors, default
import sys
class Big:
    def __sizeof__(self):
        return 1000
class Neg:
    def __sizeof__(self):
        return -1
class Str:
    def __sizeof__(self):
        return '5'
class Huge:
    def __sizeof__(self):
        return 2 ** 70
class Flt:
    def __sizeof__(self):
        return 5.0
class IntSub(int):
    pass
class RetSub:
    def __sizeof__(self):
        return IntSub(7)
print(sys.getsizeof(Big()), Big().__sizeof__())
print(sys.getsizeof(RetSub()))
for cls in (Neg, Str, Huge, Flt):
    try:
        print(sys.getsizeof(cls()))
    except (ValueError, TypeError, OverflowError) as e:
        print(cls.__name__, type(e).__name__ + ':', e)
print(sys.getsizeof(Neg(), 'dflt') if False else 'skip')
print(sys.getsizeof(Str(), 'dflt'))
try:
    sys.getsizeof(Neg(), 'dflt')
except ValueError as e:
    print('ValueError not defaulted:', e)
print(sys.getsizeof(1, 99), sys.getsizeof([], None))
try:
    sys.getsizeof()
except TypeError as e:
    print('TypeError:', e)
