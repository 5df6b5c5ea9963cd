# Seed article 002 ("Python memory management", lists and tuples article),
# section "allocation in tuple" and "There is no deallocation in tuple".
import sys

#memory allocation in tuples
Tuple1 = (22, 33, 44)
#printing of tuple
print("Tuple =", Tuple1)

# A tuple is immutable: it is allocated once, at its exact size, and items
# cannot be removed from it. The whole tuple is freed when it is no longer used.
print("size:", sys.getsizeof(Tuple1), "bytes; a 3-item list:", sys.getsizeof([22, 33, 44]), "bytes")
try:
    Tuple1.remove(22)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Tuple1[0]
except TypeError as e:
    print("TypeError:", e)
empty = ()
print("the empty tuple is shared:", tuple([]) is empty)
