# Seed article 002 ("Python memory management", lists and tuples article),
# section "allocation in lists".
import sys

#python memory management in Lists
list1 = [11, 12, 13]
print("list1 =", list1)
print("size:", sys.getsizeof(list1), "bytes")  # a literal is allocated exactly
#inserting values into list1
list1.append(14)
list1.append(15)
#printing final values of list1
print("Final list1 =", list1)
# The first append over-allocated room for 8 items, so the second one was free.
print("size:", sys.getsizeof(list1), "bytes")
