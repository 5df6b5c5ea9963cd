# Seed article 002 ("Python memory management", lists and tuples article),
# section "deallocation in list" (the listing's print("list ="list1) lacked a comma).
import sys

#python memory management
list1 = [3, 4, 5, 6, 7]
print("list =", list1)
#to delete elements from list
list1.remove(4)
list1.remove(5)
#printing of new tuple
print("new list =", list1)

# Removing items does not shrink the list at once: it keeps its storage
# until it falls below half of its capacity.
big = list(range(100))
sizes = [sys.getsizeof(big)]
while big:
    big.pop()
    if sys.getsizeof(big) != sizes[-1]:
        sizes.append(sys.getsizeof(big))
print("sizes while popping 100 items:", sizes)
