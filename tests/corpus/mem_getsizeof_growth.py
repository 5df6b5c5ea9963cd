# container growth policies observed through sys.getsizeof (spec 7.2-7.4)
import sys
gs = sys.getsizeof
l = []
caps = []
for i in range(200):
    l.append(i)
    caps.append((gs(l) - 56) // 8)
print("list caps:", sorted(set(caps)))
l = [0] * 10
print("[0]*10", gs(l))
l.append(1)
print("append to exact", gs(l))
l = list(range(100))
sizes = []
while len(l) > 1:
    l.pop()
    s = gs(l)
    if not sizes or sizes[-1][1] != s:
        sizes.append((len(l), s))
print("pop shrink points:", sizes)
l = []
l.extend(range(10))
print("extend 10", gs(l))
l.extend(range(100))
print("extend 100 more", gs(l))
l = [1, 2, 3]
l *= 5
print("*= 5", gs(l))
l = list(range(20))
l[2:18] = []
print("slice delete", gs(l))
l.insert(0, 5)
print("insert", gs(l))
l.clear()
print("clear", gs(l))
d = {}
dsz = []
for i in range(200):
    d[i] = i
    s = gs(d)
    if not dsz or dsz[-1][1] != s:
        dsz.append((len(d), s))
print("dict growth:", dsz)
for i in range(150):
    del d[i]
print("dict after deletes", gs(d), len(d))
d2 = dict.fromkeys(range(10))
print("fromkeys 10", gs(d2), "copy", gs(d2.copy()))
sd = {}
ssz = []
for i in range(40):
    sd["key%d" % i] = i
    s = gs(sd)
    if not ssz or ssz[-1][1] != s:
        ssz.append((len(sd), s))
print("str-key dict growth:", ssz)
st = set()
setsz = []
for i in range(300):
    st.add(i)
    s = gs(st)
    if not setsz or setsz[-1][1] != s:
        setsz.append((len(st), s))
print("set growth:", setsz)
ba = bytearray()
basz = []
for i in range(200):
    ba.append(0)
    s = gs(ba)
    if not basz or basz[-1][1] != s:
        basz.append((len(ba), s))
print("bytearray growth:", basz)
print("str concat", [gs("a" * n + "b") for n in (0, 10, 100)], gs("".join(["x"] * 50)))
print("tuple from list", [gs(tuple([0] * n)) for n in range(6)])
print("bytes", [gs(bytes(n)) for n in (0, 1, 10, 100)])
print("int ops", gs(2 ** 30 * 2 ** 30), gs(-(2 ** 64)), gs(10 ** 1000))
