# sys.getrefcount at module level: names, aliases, containers
import sys
class T:
    pass
print(sys.getrefcount(T()))
x = T()
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
lst = [x]
print(sys.getrefcount(x))
d = {'k': x}
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
del lst, d
print(sys.getrefcount(x))
print(sys.getrefcount([]), sys.getrefcount({}), sys.getrefcount(object()))
big = [x] * 10
print(sys.getrefcount(x))
big.append(x)
print(sys.getrefcount(x))
big.pop()
big.pop()
print(sys.getrefcount(x))
del big
print(sys.getrefcount(x))
t = (x, x, x)
print(sys.getrefcount(x))
del t
s = {1: x, 2: x}
print(sys.getrefcount(x))
s.clear()
print(sys.getrefcount(x))
