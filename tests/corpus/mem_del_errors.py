# exceptions inside __del__ are reported as unraisable and do not stop the program
import weakref
import gc
import sys
events = []
def hook(unraisable):
    events.append((type(unraisable.exc_value).__name__, str(unraisable.exc_value),
                   getattr(unraisable.object, "__qualname__", type(unraisable.object).__name__)))
class Bad:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        raise ValueError("error in __del__ of " + self.name)
old = sys.unraisablehook
sys.unraisablehook = hook
b = Bad("one")
del b
print("after del one:", events)
events.clear()
def scope():
    x = Bad("local")
scope()
print("after scope:", events)
events.clear()
l = [Bad("l1"), Bad("l2")]
l.clear()
print("after clear:", events)
events.clear()
class T:
    pass
t = T()
def cb(r):
    raise KeyError("callback failed")
r = weakref.ref(t, cb)
del t
print("weakref callback error:", events)
events.clear()
gc.disable()
c = Bad("cycle")
c.me = c
del c
print("collect:", gc.collect(), events)
events.clear()
sys.unraisablehook = old
print("default hook next; program continues")
d = Bad("default-hook")
del d
print("still running")
