# subclasses of weakref.ref are always new objects and can carry data
import weakref
class MyRef(weakref.ref):
    def __init__(self, ob, callback=None, tag=None):
        super().__init__(ob, callback)
        self.tag = tag
class T:
    pass
o = T()
r1 = MyRef(o, tag='a')
r2 = MyRef(o, tag='b')
base = weakref.ref(o)
print(r1 is r2, r1() is o, r1.tag, r2.tag, isinstance(r1, weakref.ref))
print(weakref.getweakrefcount(o))
print(weakref.getweakrefs(o)[0] is base)
log = []
r3 = MyRef(o, lambda r: log.append(r.tag), tag='c')
del o
print(r1(), log)
