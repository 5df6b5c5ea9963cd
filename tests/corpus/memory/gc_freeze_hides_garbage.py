# a frozen cycle is not collected until unfrozen
import gc
gc.disable()
gc.collect()
l = []
l.append(l)
gc.freeze()
del l
print(gc.collect())
print(gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
print(gc.collect())
print(gc.collect())
