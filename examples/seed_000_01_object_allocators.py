# Seed article 000 ("Explain Memory Management In Python: How It Works?"),
# section "1. Memory Allocation in Python" (memory heap, object-specific
# allocators). The article has no code listing; this script shows what it describes.
import sys

# Every object lives on the private heap; its size depends on its type.
for value in (None, 7, 2**100, 1.5, "abc", b"abc", (1, 2), [1, 2], {"k": 1}, {1, 2}):
    print(f"{type(value).__name__:>8}: {sys.getsizeof(value)} bytes")

# Type-specific strategies: small ints are preallocated once ...
print("small ints are shared:", int("100") is int("100"), "| large ints are not:", int("1000") is int("1000"))

# ... and freed floats, tuples, lists and dicts wait on per-type free lists to be
# handed out again.
f = float("2.5")
where = id(f)
del f
g = float("7.25")
print("a new float reused the freed float:", id(g) == where)
d = {"a": 1}
where = id(d)
del d
e = {"b": 2}
print("a new dict reused the freed dict:  ", id(e) == where)
