# gc module API: counts, thresholds, generations, stats, callbacks, errors
import gc
gc.disable()
gc.collect()
print(gc.get_count())
gc.collect(0)
print(gc.get_count())
gc.collect(1)
print(gc.get_count())
gc.collect(0); gc.collect(0)
print(gc.get_count())
gc.collect()
print(gc.get_count(), gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold())
for bad in (3, -1, 10):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in (1000, -1000, 3):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("ValueError:", e)
for bad in ("1", 1.234):
    try:
        gc.get_objects(bad)
    except TypeError as e:
        print("TypeError:", type(e).__name__)
print(len(gc.get_objects(-1)) == len(gc.get_objects()) or "size differs (ok)")
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
before = gc.get_stats()[2]["collections"]
gc.collect()
print("full collections +", gc.get_stats()[2]["collections"] - before)
before0 = gc.get_stats()[0]["collections"]
gc.collect(0)
print("gen0 collections +", gc.get_stats()[0]["collections"] - before0)
calls = []
def cb(phase, info):
    calls.append((phase, sorted(info), info["generation"]))
gc.callbacks.append(cb)
gc.collect(1)
gc.callbacks.remove(cb)
print(calls)
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
a = [1, "a", None]
print(gc.get_referents(a), gc.get_referents({1: "a", 2: "b"}), gc.get_referents({"x": 1, "y": 2}), gc.get_referents(1))
class R:
    pass
r = R()
r.v = "val"
print([type(x).__name__ for x in gc.get_referents(r)])
holder = [r]
print(any(x is holder for x in gc.get_referrers(r)))
gc.freeze()
print(gc.get_count(), gc.get_freeze_count() > 0)
gc.unfreeze()
print(gc.get_freeze_count())
class T:
    pass
gc.collect()
base = gc.get_count()[0]
objs = [T() for _ in range(10)]
print("count0 grew by", gc.get_count()[0] - base)
gc.enable()
print(gc.isenabled())
