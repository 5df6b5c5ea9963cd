# Seed article 000 ("Explain Memory Management In Python: How It Works?"),
# best practice "4. An end to circular references": use weak references
# (the weakref module). The article has no code listing; this script shows it.
import gc
import weakref

gc.collect()


class Parent:
    def __init__(self, name):
        self.name = name
        self.children = []

    def __del__(self):
        print("   parent", self.name, "freed")


class Child:
    def __init__(self, parent):
        self.parent = weakref.ref(parent)  # a weak back-link: no cycle
        parent.children.append(self)


p = Parent("weak")
kids = [Child(p) for _ in range(3)]
print("child sees its parent:", kids[0].parent() is p)
print("del p:")
del p  # freed right away by reference counting
print("parent gone for the child:", kids[0].parent() is None)


class StrongChild:
    def __init__(self, parent):
        self.parent = parent  # a strong back-link: parent <-> child cycle
        parent.children.append(self)


p = Parent("strong")
StrongChild(p)
print("del p:")
del p
print("(nothing freed yet) gc.collect():")
print("collected", gc.collect(), "objects")
