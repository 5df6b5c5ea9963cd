# objects migrate through generations; get_objects by generation (spec 4.4)
import gc
gc.disable()
gc.collect()
class Marker:
    pass
m = Marker()
def where(obj):
    return [i for i in range(3) if any(o is obj for o in gc.get_objects(i))]
print("new object in gen", where(m))
gc.collect(0)
print("after collect(0)", where(m))
gc.collect(1)
print("after collect(1)", where(m))
gc.collect(2)
print("after collect(2)", where(m))
n = Marker()
print("second object", where(n))
gc.collect()
print("both after full", where(m), where(n))
gc.freeze()
print("frozen", where(m), gc.get_freeze_count() > 0)
gc.unfreeze()
print("unfrozen", where(m), gc.get_freeze_count())
lst = []
print("list tracked, gen", where(lst))
i = 12345
print("int untracked", gc.is_tracked(i), where(i))
gc.collect()
gc.set_threshold(5, 10, 10)
gc.enable()
keep = [Marker() for _ in range(3)]
before = gc.get_stats()[0]["collections"]
keep2 = [Marker() for _ in range(50)]
after = gc.get_stats()[0]["collections"]
print("automatic gen0 collections happened:", after > before)
gc.disable()
gc.set_threshold(700, 10, 10)
gc.collect()
print(gc.get_count())
