# container operations add and drop references exactly
import sys
class T:
    pass
v = T()
base = sys.getrefcount(v)
def r():
    return sys.getrefcount(v) - base
L = [v, v]
print("list", r())
L2 = L[:]
print("slice copy", r())
L3 = L * 3
print("repeat", r())
del L2, L3
L.insert(0, v)
L.remove(v)
print("insert/remove", r())
L.extend([v, v])
print("extend", r())
L[1:3] = []
print("slice del", r())
L.reverse(); L.sort(key=id)
print("reverse/sort", r())
S = {v}
S.add(v)
print("set add twice", r())
F = frozenset(S)
print("frozenset", r())
D = dict.fromkeys(['a', 'b', 'c'], v)
print("fromkeys", r())
D['a'] = 1
print("overwrite", r())
D2 = dict(D)
print("dict copy", r())
del L, S, F, D, D2
print("all freed", r())
t = (v,) + (v,)
print("tuple concat", r())
a, b = t
print("unpack", r())
del a, b, t
print("end", r())
