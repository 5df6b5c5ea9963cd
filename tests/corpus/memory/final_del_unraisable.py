# exceptions in __del__ go to sys.unraisablehook on both paths
import gc, sys
gc.disable()
gc.collect()
seen = []
def hook(u):
    seen.append((type(u.exc_value).__name__, str(u.exc_value), u.object.__qualname__ if hasattr(u.object, '__qualname__') else type(u.object).__name__))
sys.unraisablehook = hook
class Bad:
    def __del__(self):
        raise ValueError('from __del__')
b = Bad()
del b
print(seen)
c = Bad()
c.me = c
del c
print(gc.collect(), seen)
d = Bad()
d = None
print(len(seen))
sys.unraisablehook = sys.__unraisablehook__
print('still running')
