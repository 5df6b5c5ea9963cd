# inside __del__ the object is temporarily alive; getrefcount(self) there
import sys
seen = []
class D:
    def __del__(self):
        seen.append(sys.getrefcount(self))
d = D()
del d
print(seen)
class E:
    def __del__(self):
        seen.append(('E', sys.getrefcount(self)))
def scope():
    e = E()
scope()
print(seen)
lst = [D(), D()]
lst.pop()
print(seen)
lst.clear()
print(seen)
x = D()
x = None
print(len(seen))
