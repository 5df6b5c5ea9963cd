# getweakrefs order: basic ref, basic proxy, then callback refs newest first
import weakref
class T:
    pass
o = T()
cb3 = weakref.ref(o, lambda r: None)
cb4 = weakref.ref(o, lambda r: None)
ref = weakref.ref(o)
prx = weakref.proxy(o)
pcb = weakref.proxy(o, lambda r: None)
lst = weakref.getweakrefs(o)
names = {id(ref): 'ref', id(prx): 'proxy', id(pcb): 'proxy_cb', id(cb3): 'cb3', id(cb4): 'cb4'}
print([names[id(x)] for x in lst])
print(weakref.getweakrefcount(o))
del cb3
print(weakref.getweakrefcount(o), [names[id(x)] for x in weakref.getweakrefs(o)])
print(weakref.getweakrefcount(1), weakref.getweakrefs(1), weakref.getweakrefcount([]))
del o
print(weakref.getweakrefs(ref) if False else weakref.getweakrefcount(T()))
