# an exception in a gc callback is unraisable; the collection still happens
import gc, sys
gc.disable()
gc.collect()
seen = []
def hook(u):
    seen.append((type(u.exc_value).__name__, str(u.exc_value)))
sys.unraisablehook = hook
def bad(phase, info):
    raise RuntimeError("boom " + phase)
good = []
gc.callbacks.append(bad)
gc.callbacks.append(lambda p, i: good.append((p, i['collected'])))
l = []
l.append(l)
del l
print(gc.collect())
print(seen)
print(good)
gc.callbacks.clear()
sys.unraisablehook = sys.__unraisablehook__
