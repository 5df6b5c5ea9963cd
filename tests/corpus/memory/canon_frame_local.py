# canonical: function storing sys._getframe() in a local -> 1
import sys
import gc
gc.disable()
gc.collect()
def f():
    frame = sys._getframe()
f()
print(gc.collect())
def g():
    frame = sys._getframe()
    return frame
fr = g()
print(gc.collect())
del fr
print('returned frame', gc.collect())
