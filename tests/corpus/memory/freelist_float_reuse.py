# float free list: a freed float's memory is handed to the next float (LIFO)
import gc
def one():
    x = 1.25
    a = x * 3.0
    i = id(a)
    del a
    b = x * 5.0
    return id(b) == i
print("reuse one:", one())
def many(n):
    x = 0.5
    objs = [x * (k + 3) for k in range(n)]
    ids = [id(o) for o in objs]
    del objs
    again = [x * (k + 100) for k in range(n)]
    new = [id(o) for o in again]
    return new == ids, new == ids[::-1]
print("reuse reversed 5:", many(5))
print("reuse reversed 50:", many(50))
def int_no_freelist():
    x = 10 ** 6
    a = x + 1
    i = id(a)
    del a
    b = x + 2
    return id(b) == i
print("int reuses memory block:", int_no_freelist())
def subclass():
    class F(float):
        pass
    a = F(2.5)
    i = id(a)
    del a
    b = 2.5 * float(len('abc'))
    return id(b) == i
print("float subclass feeds free list:", subclass())
gc.collect()
gc.get_count()  # warm the 3-tuple free list
c0 = gc.get_count()
for k in range(200):
    y = k * 1.5
    z = y / 3.0
c1 = gc.get_count()
print("gc count unchanged by floats:", c0 == c1)
print(type(y).__name__, y, z)
