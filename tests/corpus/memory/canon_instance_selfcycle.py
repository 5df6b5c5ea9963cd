# canonical: instance self-cycle without a materialised __dict__ -> 1
import gc
gc.disable()
gc.collect()
class Test(object):
    pass
x = Test()
x.obj = x
del x
print(gc.collect())
print(gc.collect())
for n in (1, 2, 5):
    objs = []
    for i in range(n):
        o = Test()
        o.me = o
        objs.append(o)
    del objs, o
    print(n, gc.collect())
print(gc.garbage)
