# A collection untracks tuples first and dicts after (full collections only), each in
# list order: a tuple holding a dict that is untracked in the same collection stays
# tracked until the next one, and nested tuples go one level per collection.
import gc

d = {1: []}
del d[1]
t = (d,)
print(gc.is_tracked(d), gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(t))
gc.collect()
print(gc.is_tracked(d), gc.is_tracked(t))

inner = tuple([1, 2])
outer = (inner,)
outer2 = ((outer,),)
print([gc.is_tracked(x) for x in (inner, outer, outer2, outer2[0])])
gc.collect(0)
print([gc.is_tracked(x) for x in (inner, outer, outer2, outer2[0])])
gc.collect(0)
print([gc.is_tracked(x) for x in (inner, outer, outer2, outer2[0])])
gc.collect()
print([gc.is_tracked(x) for x in (inner, outer, outer2, outer2[0])])

gc.freeze()
x = (gc.get_freeze_count() > 0,)
e = {"k": (1,)}
gc.collect()
print(gc.is_tracked(x), gc.is_tracked(e))
gc.unfreeze()
print(gc.collect())
