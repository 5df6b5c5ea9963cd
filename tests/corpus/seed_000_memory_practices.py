# Seed article 000 ("Explain Memory Management In Python: How It Works?") has no code
# listing; this script exercises the practices it describes: generators instead of
# lists, built-in min/max/sum, avoiding circular references (weakref), dict/set
# lookups instead of list scans, and cyclic garbage collection.
import gc
import sys
import weakref

gc.disable()
gc.collect()

# 1. Generators and iterators: a generator yields one object at a time.
def read_records(n):
    for i in range(n):
        yield {"id": i, "value": i * i % 97}

squares_list = [i * i for i in range(1000)]
squares_gen = (i * i for i in range(1000))
print("list size", sys.getsizeof(squares_list), "generator size", sys.getsizeof(squares_gen))
print("sum via list", sum(squares_list), "sum via generator", sum(squares_gen))
total = 0
for rec in read_records(500):
    total += rec["value"]
print("streamed total", total)

# 2. Built-in functions min(), max(), sum()
data = [(i * 7919) % 1009 for i in range(200)]
print("min", min(data), "max", max(data), "sum", sum(data))

# 3. Reference counting: objects are freed as soon as the last reference goes.
class Resource:
    alive = 0
    def __init__(self, name):
        self.name = name
        Resource.alive += 1
    def __del__(self):
        Resource.alive -= 1
        print("released", self.name)

r = Resource("file-handle")
print("alive", Resource.alive)
del r
print("alive after del", Resource.alive)

# 4. Circular references need the cyclic collector ...
class Node:
    def __init__(self, name):
        self.name = name
        self.peer = None

a, b = Node("a"), Node("b")
a.peer, b.peer = b, a
del a, b
print("collected cycle objects", gc.collect())

# ... or can be avoided with weak references.
class Parent:
    def __init__(self):
        self.children = []
class Child:
    def __init__(self, parent):
        self.parent = weakref.ref(parent)
        parent.children.append(self)

p = Parent()
kids = [Child(p) for _ in range(3)]
print("child sees parent", kids[0].parent() is p)
del p
print("parent gone", kids[0].parent() is None, "collected", gc.collect())

# 5. Data-structure choice: sets/dicts for membership tests.
ids = list(range(0, 20000, 2))
id_set = set(ids)
queries = [5, 10, 19998, 19999, 7, 12345, 4000]
print([q in id_set for q in queries] == [q in ids for q in queries])
lookup = {i: str(i) for i in range(100)}
print(lookup.get(42), lookup.get(420, "missing"))

# 6. Fragmentation-ish churn: allocate and free many small objects.
survivors = []
for round_ in range(50):
    batch = [Node(str(i)) for i in range(100)]
    survivors.append(batch[round_])
    del batch
print("survivors", len(survivors), survivors[-1].name, "garbage after churn", gc.collect())
gc.enable()
