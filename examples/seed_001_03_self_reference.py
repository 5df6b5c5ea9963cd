# Seed article 001 ("Memory management in Python", the gc-module article),
# section "Garbage collection": an instance that references itself.
#   class Test(object):pass / x = Test() / x.obj = x / del x
import gc
import weakref

gc.collect()  # start from a clean state


class Test(object):
    pass


x = Test()
x.obj = x
watch = weakref.ref(x)  # observes the instance without keeping it alive
del x
# The name is gone, but x.obj still references the instance: its count is not 0.
print("still alive after del:", watch() is not None)
# The cycle collector finds it (1 object: 3.11 keeps attributes without a dict).
print("gc.collect() ->", gc.collect())
print("alive after collect:", watch() is not None)
