# Code examples of seed article 002 (memory in lists and tuples), fixed into valid Python.
x = 10
print(x)

#python memory management in Lists
list1 = [11, 12, 13]
print("list1 =", list1)
#inserting values into list1
list1.append(14)
list1.append(15)
#printing final values of list1
print("Final list1 =", list1)

#python memory management
list1 = [3, 4, 5, 6, 7]
print("list =", list1)
#to delete elements from list
list1.remove(4)
list1.remove(5)
#printing of new tuple
print("new list =", list1)

#memory allocation in tuples
Tuple1 = (22, 33, 44)
#printing of tuple
print("Tuple =", Tuple1)

# There is no deallocation in tuple: tuples are immutable
try:
    Tuple1.remove(22)
except AttributeError as e:
    print("AttributeError:", e)
try:
    del Tuple1[0]
except TypeError as e:
    print("TypeError:", e)

import sys
# list growth is over-allocated; tuples are exact
growth = []
sizes = []
for v in range(11, 30):
    growth.append(v)
    sizes.append(sys.getsizeof(growth))
print(sizes)
print([sys.getsizeof(tuple(range(n))) for n in range(6)])
