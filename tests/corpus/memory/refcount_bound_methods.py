# bound methods reference their instance and function
import sys
class T:
    def m(self):
        return self
v = T()
base = sys.getrefcount(v)
bm = v.m
print("bound method", sys.getrefcount(v) - base)
print(bm.__self__ is v, bm.__func__ is T.m)
bm2 = v.m
print("second bound method", sys.getrefcount(v) - base, bm == bm2, bm is bm2)
del bm, bm2
print("methods gone", sys.getrefcount(v) - base)
fbase = sys.getrefcount(T.__dict__['m'])
bm = v.m
print("function refs +", sys.getrefcount(T.__dict__['m']) - fbase)
del bm
lst = [1, 2]
lbase = sys.getrefcount(lst)
app = lst.append
print("builtin method", sys.getrefcount(lst) - lbase)
del app
print("gone", sys.getrefcount(lst) - lbase)
v.self_m = v.m
print("stored on self", sys.getrefcount(v) - base)
del v.self_m
print("removed", sys.getrefcount(v) - base)
