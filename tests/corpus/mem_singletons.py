# identity of cached objects (spec section 2): small ints, empty tuple, 1-char strs, bool/None
E = ""
EB = b""
ET = ()
a = 256
b = int("256")
print("int 256 cached:", a is b)
c = int("257")
d = int("257")
print("int 257 fresh:", c is d)
M5 = -5
print("small negative:", int("-5") is M5, "below range:", int("-6") is int("-6"))
print("range of cached ints:", all(int(str(i)) is int(str(i)) for i in range(-5, 257)))
print("empty tuple:", tuple() is ET, tuple([]) is ET, ET is tuple(()))
E = ""
EB = b""
ET = ()
print("empty str:", str() is E, "".join([]) is E, "abc"[3:] is E)
print("empty bytes:", bytes() is EB, b"ab"[2:] is EB)
ABC = "abc"
A1 = "a"
print("1-char latin-1 strs:", chr(65) is chr(65), chr(200) is chr(200), ABC[0] is A1[0])
print("1-byte bytes:", bytes([7]) is bytes([7]), b"xyz"[0:1] is b"xyz"[0:1])
print("bool/None:", bool(1) is True, (1 == 2) is False, [].sort() is None)
print("frozenset() not singleton:", frozenset() is frozenset())
import sys
s1 = sys.intern("hello world!")
s2 = sys.intern("hello " + "world!"[:6])
print("interned:", s1 is s2)
x = [1, 2]
y = x
print("alias ids equal:", id(x) == id(y), id(x) == id([1, 2]))
class T:
    pass
t1, t2 = T(), T()
print("distinct ids:", id(t1) != id(t2), id(t1) == id(t1))
print("type objects:", type(1) is int, type(True) is bool, type(None) is type(None))
