# instance sizes with and without __slots__
import sys
class P:
    pass
class S2:
    __slots__ = ('a', 'b')
class S0:
    __slots__ = ()
class SD:
    __slots__ = ('a', 'b', '__dict__')
class SW:
    __slots__ = ('a', '__weakref__')
class L(list):
    pass
class I(int):
    pass
print(sys.getsizeof(P()), P().__sizeof__())
print(sys.getsizeof(S2()), sys.getsizeof(S0()), sys.getsizeof(SD()), sys.getsizeof(SW()))
print(sys.getsizeof(L()), sys.getsizeof(I(5)), sys.getsizeof(I(2 ** 40)))
p = P()
for i in range(10):
    setattr(p, 'a%d' % i, i)
print(sys.getsizeof(p))
print(P.__dictoffset__, S2.__dictoffset__, SD.__dictoffset__ < 0)
print(P.__basicsize__, S2.__basicsize__, S0.__basicsize__, SW.__basicsize__)
