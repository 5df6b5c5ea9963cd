# literals and constants: code objects hold their constants
import sys
print(sys.getrefcount(1000))
n = 1000
print(sys.getrefcount(n))
print(sys.getrefcount(257))
m = 10 ** 4
print(sys.getrefcount(m))
def f():
    return sys.getrefcount(123456)
print(f())
s = ''.join(['not', ' ', 'interned'])
print(sys.getrefcount(s))
t = s
print(sys.getrefcount(s))
print(sys.getrefcount(3.5))
fl = float('2.5')
print(sys.getrefcount(fl))
print(sys.getrefcount((1, 2, 'x')))
tup = tuple([1, 2])
print(sys.getrefcount(tup))
