# closures hold their free variables through cells
import sys
class T:
    pass
v = T()
base = sys.getrefcount(v)
def make(o):
    def get():
        return o
    return get
g1 = make(v)
print("one closure", sys.getrefcount(v) - base)
g2 = make(v)
print("two closures", sys.getrefcount(v) - base)
cell = g1.__closure__[0]
print("cell contents is v", cell.cell_contents is v)
print("cell refs", sys.getrefcount(cell))
del g1
print("g1 gone, cell kept", sys.getrefcount(v) - base)
del cell
print("cell gone", sys.getrefcount(v) - base)
del g2
print("all gone", sys.getrefcount(v) - base)
def counter():
    n = [v]
    def inc():
        n.append(v)
        return len(n)
    return inc
c = counter()
c(); c()
print("list in closure", sys.getrefcount(v) - base)
del c
print("closure freed", sys.getrefcount(v) - base)
lam = (lambda o: (lambda: o))(v)
print("lambda closure", sys.getrefcount(v) - base)
del lam
print("end", sys.getrefcount(v) - base)
