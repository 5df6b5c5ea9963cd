# a resurrected object is not finalized a second time
import gc
gc.disable()
gc.collect()
saved = []
calls = []
class L:
    def __del__(self):
        calls.append('del')
        saved.append(self)
x = L()
x.me = x
del x
print(gc.collect(), calls, len(saved))
print(gc.is_finalized(saved[0]))
saved.clear()
print(gc.collect(), calls)
y = L()
del y
print(calls, len(saved))
saved.clear()
print(calls, len(saved))
