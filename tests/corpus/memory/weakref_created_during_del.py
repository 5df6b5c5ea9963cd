# a weakref created in __del__ on the refcount path
import weakref
made = []
class T:
    def __del__(self):
        made.append(weakref.ref(self))
t = T()
del t
print(len(made), made[0]() is None)
class U:
    def __del__(self):
        made.append(weakref.ref(self, lambda r: made.append('cb')))
u = U()
del u
print(len(made), made[-1] == 'cb' or made[-1]() is None)
