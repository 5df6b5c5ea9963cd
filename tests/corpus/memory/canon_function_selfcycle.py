# canonical: a function in a cycle through its __dict__ -> 2
import gc
gc.disable()
gc.collect()
def f():
    pass
f.f = f
del f
print(gc.collect())
def g():
    pass
g.x = 1
g.me = g
del g
print(gc.collect())
def outer():
    def inner():
        return inner
    return inner
i = outer()
del i
print('recursive closure', gc.collect())
