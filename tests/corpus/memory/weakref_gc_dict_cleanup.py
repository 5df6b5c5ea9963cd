# weak containers are cleaned when cyclic garbage dies in a collection
import gc, weakref
gc.disable()
gc.collect()
class T:
    pass
wv = weakref.WeakValueDictionary()
wk = weakref.WeakKeyDictionary()
ws = weakref.WeakSet()
for i in range(5):
    o = T()
    o.me = o
    wv[i] = o
    wk[o] = i
    ws.add(o)
del o
print(len(wv), len(wk), len(ws))
print(gc.collect())
print(len(wv), len(wk), len(ws))
