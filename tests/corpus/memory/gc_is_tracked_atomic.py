# is_tracked: atomic and static objects are never tracked
import gc
class C:
    pass
cases = [None, True, 0, 1, 2 ** 100, 1.5, 1j, '', 'abc', b'', b'xyz', bytearray(b'a'),
         range(3), object(), int, type, str, (), Ellipsis, NotImplemented, len]
for o in cases:
    print(type(o).__name__, gc.is_tracked(o))
print('C', gc.is_tracked(C), 'C()', gc.is_tracked(C()))
print(gc.is_tracked(memoryview(b'ab')), gc.is_tracked(slice(1, 2)))
