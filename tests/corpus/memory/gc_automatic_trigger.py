# automatic collection: a gen0 collection when count0 exceeds threshold0
import gc
gc.collect()
gc.set_threshold(100, 10, 10)
gc.enable()
starts = []
def cb(phase, info):
    if phase == "start":
        starts.append(info["generation"])
gc.callbacks.append(cb)
class T:
    pass
keep = []
for i in range(1000):
    keep.append(T())
gc.callbacks.remove(cb)
print("collections:", len(starts))
print("generations:", starts)
print("count0 below threshold:", gc.get_count()[0] <= 101)
gc.disable()
starts.clear()
gc.callbacks.append(cb)
for i in range(1000):
    keep.append(T())
gc.callbacks.remove(cb)
print("disabled:", starts)
gc.set_threshold(700, 10, 10)
del keep
gc.collect()
print(gc.get_count(), gc.get_threshold())
