# temporaries of non-GC types never move gc.get_count(); GC types do
import gc
gc.disable()
gc.collect()
gc.get_count()  # warm the 3-tuple free list
def delta(fn):
    fn()
    b = gc.get_count()[0]
    fn()
    return gc.get_count()[0] - b
def floats():
    s = 0.0
    for i in range(300):
        s += i * 0.5
def ints():
    s = 0
    for i in range(300):
        s += i * 1000003
def strs():
    for i in range(300):
        x = str(i) + 'x'
def bytes_():
    for i in range(300):
        x = bytes(i % 5)
print("floats", delta(floats))
print("ints", delta(ints))
print("strs", delta(strs))
print("bytes", delta(bytes_))
keep = []
def lists():
    for i in range(5):
        keep.append([i])
def sets():
    for i in range(5):
        keep.append({i})
class C:
    pass
def insts():
    for i in range(5):
        keep.append(C())
def objs():
    for i in range(5):
        keep.append(object())
keep.clear()
print("lists kept", delta(lists))
print("sets kept", delta(sets))
print("instances kept", delta(insts))
print("object() kept", delta(objs))
b = gc.get_count()[0]
del keep[:]
print("after freeing kept", gc.get_count()[0] - b)
gc.enable()
