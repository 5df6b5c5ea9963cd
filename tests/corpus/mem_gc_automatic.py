# automatic collections triggered by allocations (spec 4.2): observed with gc.callbacks
import gc
events = []
def cb(phase, info):
    if phase == "stop":
        events.append(info["generation"])
class T:
    pass
gc.collect()
gc.callbacks.append(cb)
keep = []
for i in range(8000):
    keep.append(T())
gc.callbacks.remove(cb)
print("collections while allocating 8000 kept instances:", len(events))
print("generations:", events)
print("gen0 before first gen1:", events.index(1) if 1 in events else None)
events.clear()
gc.collect()
gc.set_threshold(100, 2, 2)
gc.callbacks.append(cb)
for i in range(1000):
    keep.append([i])
gc.callbacks.remove(cb)
gc.set_threshold(700, 10, 10)
print("with threshold (100, 2, 2):", events)
events.clear()
gc.collect()
gc.callbacks.append(cb)
for i in range(3000):
    x = T()
    x.me = x
gc.callbacks.remove(cb)
print("garbage cycles trigger collections:", len(events) > 0, events[:5])
gc.disable()
gc.collect()
gc.callbacks.append(cb)
events.clear()
for i in range(5000):
    keep.append(T())
gc.callbacks.remove(cb)
print("disabled -> no automatic collections:", events)
gc.enable()
