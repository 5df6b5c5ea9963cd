# gc.callbacks: start/stop with info dicts, called in list order
import gc
gc.disable()
gc.collect()
log = []
def cb1(phase, info):
    log.append(('cb1', phase, dict(info)))
def cb2(phase, info):
    log.append(('cb2', phase, sorted(info)))
gc.callbacks.append(cb1)
gc.callbacks.append(cb2)
l = []
l.append(l)
del l
n = gc.collect()
for entry in log:
    print(entry)
print("returned", n)
log.clear()
gc.collect(1)
for entry in log:
    print(entry)
gc.callbacks.remove(cb2)
log.clear()
gc.collect(0)
print(log)
infos = []
gc.callbacks[:] = [lambda p, i: infos.append(i)]
gc.collect()
print(len(infos), infos[0] is infos[1] if len(infos) == 2 else None)
gc.callbacks.clear()
print(gc.callbacks, type(gc.callbacks).__name__)
