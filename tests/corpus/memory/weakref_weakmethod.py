# bound methods need WeakMethod
import weakref
class T:
    def m(self):
        return 'm'
t = T()
try:
    weakref.ref(t.m)
except TypeError as e:
    print("TypeError:", e)
wm = weakref.WeakMethod(t.m)
print(wm()(), wm() == t.m)
log = []
wm2 = weakref.WeakMethod(t.m, lambda r: log.append('gone'))
del t
print(wm(), log)
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print("TypeError:", e)
