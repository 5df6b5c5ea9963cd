# del l[a:b:c] releases the removed items lowest index first, whatever the step, and
# shrinks the list as list_resize does.
class D:
    def __init__(self, i): self.i = i
    def __del__(self): print("del", self.i, end="; ")
for sl in [slice(None, None, 2), slice(None, None, -3), slice(1, 9, 4), slice(8, 0, -2), slice(5, 5, 2), slice(None, None, 100)]:
    l = [D(i) for i in range(10)]
    del l[sl]
    print("|", [d.i for d in l])
    del l
    print()
import sys
l = list(range(100)); del l[::3]; print(len(l), sys.getsizeof(l), l[:5])
l = list(range(100)); del l[::-1]; print(len(l), sys.getsizeof(l))
