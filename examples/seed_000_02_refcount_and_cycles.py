# Seed article 000 ("Explain Memory Management In Python: How It Works?"),
# section "2. Garbage Collection (GC)": reference counting and cyclic garbage
# collection. The article has no code listing; this script shows what it describes.
import gc
import sys
import weakref

gc.collect()


class Resource:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("   freed", self.name)


# Reference counting: freed as soon as the last reference disappears.
r = Resource("file handle")
alias = r
print("references:", sys.getrefcount(r) - 1)
del alias
print("references:", sys.getrefcount(r) - 1)
print("del r:")
del r
print("(no collector was needed)")

# Round references: two objects pointing at each other.
a, b = Resource("a"), Resource("b")
a.other, b.other = b, a
alive = weakref.ref(a)
del a, b
print("after del a, b the cycle is alive:", alive() is not None)
print("gc.collect():")
print("unreachable objects found:", gc.collect())
