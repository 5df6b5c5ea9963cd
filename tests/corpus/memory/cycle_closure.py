# cycles through closures and cells
import gc
gc.disable()
gc.collect()
def make():
    def f():
        return f
    return f
f = make()
del f
print('self-referencing closure', gc.collect())
def pair():
    def a():
        return b
    def b():
        return a
    return a
a = pair()
del a
print('mutual closures', gc.collect())
def holder():
    box = []
    def get():
        return box
    box.append(get)
    return get
g = holder()
del g
print('closure in list', gc.collect())
