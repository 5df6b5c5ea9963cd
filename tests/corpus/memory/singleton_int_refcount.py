# small ints start at a huge refcount (999,999,999 base in 3.11) but are still counted
import sys
for n in (0, 1, -5, 100, 256):
    print(n, sys.getrefcount(n) > 999_999_999)
for n in (257, -6, 1000):
    print(n, sys.getrefcount(n) < 100)
r0 = sys.getrefcount(7)
keep = [7] * 100
r1 = sys.getrefcount(7)
print("7 refs +", r1 - r0)
del keep
print("7 refs back", sys.getrefcount(7) - r0)
x = int('12345')
print("fresh int", sys.getrefcount(x))
y = x
print("alias", sys.getrefcount(x))
del y
print("after del", sys.getrefcount(x))
lst = [x, x, x]
print("list x3", sys.getrefcount(x))
lst.clear()
print("cleared", sys.getrefcount(x))
print(sys.getrefcount(int('99999')), sys.getrefcount(2 ** 70))
print(sys.getrefcount('') > 999_999_999, sys.getrefcount(()) > 999_999_999)
print(sys.getrefcount(chr(200)) > 999_999_999, sys.getrefcount(b'a'[:1]) > 999_999_999)
print(sys.getrefcount(chr(300)) < 100)
