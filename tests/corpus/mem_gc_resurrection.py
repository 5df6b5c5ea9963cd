# resurrection during GC: __del__ at most once, transitive, does not block others
import gc
gc.disable()
gc.collect()
saved = []
class Lazarus:
    def __init__(self, name):
        self.name = name
        self.dels = 0
    def __del__(self):
        self.dels += 1
        saved.append(self)
class Plain:
    pass
a = Lazarus("a")
a.self = a
a.friend = Plain()
a.friend.back = a
del a
print("collect resurrecting:", gc.collect(), [(o.name, o.dels) for o in saved])
print("friend survived:", type(saved[0].friend).__name__, gc.is_finalized(saved[0]))
obj = saved.pop()
del obj
print("collect again:", gc.collect(), len(saved))
events = []
class Once:
    def __del__(self):
        events.append("del")
        global keep
        keep = self
o = Once()
o.me = o
del o
gc.collect()
print(events, keep is not None)
del keep
gc.collect()
print(events)
class R:
    def __del__(self):
        saved.append(self)
objs = []
for i in range(10):
    x = Plain() if i % 2 else R()
    x.me = x
    objs.append(x)
del objs, x
print("mixed collect:", gc.collect(), len(saved))
saved.clear()
print("after clearing saved:", gc.collect())
gc.enable()
