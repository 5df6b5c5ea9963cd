# threshold0 == 0 disables automatic collection even when enabled
import gc
gc.collect()
gc.enable()
gc.set_threshold(0)
runs = []
gc.callbacks.append(lambda p, i: runs.append(p))
class T:
    pass
keep = [T() for i in range(2000)]
print(runs, gc.isenabled())
print(gc.get_count()[0] >= 2000)
gc.set_threshold(700)
print(gc.collect() >= 0, runs)
gc.callbacks.clear()
del keep
gc.collect()
print(gc.get_count())
