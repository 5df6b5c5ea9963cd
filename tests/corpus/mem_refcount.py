# sys.getrefcount as seen from Python (spec section 3)
import sys
class T:
    pass
print(sys.getrefcount(T()))
x = T()
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
l = [x]
print(sys.getrefcount(x))
d = {"k": x}
print(sys.getrefcount(x))
del y, l, d
print(sys.getrefcount(x))
def f(a):
    return sys.getrefcount(a)
print(f(x))
print(sys.getrefcount([]))
z = [1, 2]
lists = [z, z, z]
print(sys.getrefcount(z))
lists.pop()
print(sys.getrefcount(z))
del lists
print(sys.getrefcount(z))
class D:
    def __del__(self):
        print("in __del__ refcount", sys.getrefcount(self))
dd = D()
del dd
t = (x, x)
print(sys.getrefcount(x))
del t
print(sys.getrefcount(x))
s = {x}
print(sys.getrefcount(x))
s.discard(x)
print(sys.getrefcount(x))
def g():
    local = x
    return sys.getrefcount(x)
print(g())
