# references held through attributes, slots, class attributes, dict values
import sys
class T:
    pass
class S:
    __slots__ = ('a', 'b')
v = T()
base = sys.getrefcount(v)
o = T()
o.attr = v
print("instance attr", sys.getrefcount(v) - base)
o.attr2 = v
print("two attrs", sys.getrefcount(v) - base)
del o.attr
print("del one", sys.getrefcount(v) - base)
s = S()
s.a = v
s.b = v
print("slots", sys.getrefcount(v) - base)
del s
print("slotted freed", sys.getrefcount(v) - base)
T.shared = v
print("class attr", sys.getrefcount(v) - base)
del T.shared
o.__dict__['x'] = v
print("via __dict__", sys.getrefcount(v) - base)
del o
print("all freed", sys.getrefcount(v) - base)
setattr(v, 'me', v)
print("self attr", sys.getrefcount(v) - base)
delattr(v, 'me')
print("removed", sys.getrefcount(v) - base)
