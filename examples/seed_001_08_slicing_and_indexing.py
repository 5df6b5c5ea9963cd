# Seed article 001 ("Memory management in Python", the gc-module article),
# sections "Avoid list slicing" and "Avoid list indexing":
#   for item in array:  /  for index in range(len(array)):
import sys

array = list(range(1000))

# A slice is a new list: it copies 500 pointers.
half = array[250:750]
print("slice is a copy:", half is not array, "| its size:", sys.getsizeof(half), "bytes")

# Tracking an index instead of slicing copies nothing.
start, stop = 250, 750
total = 0
for index in range(start, stop):
    total += array[index]
print("sum via slice:", sum(half), "| sum via indexes:", total)

# The two loops of the listing compute the same thing; iterating the items
# directly needs neither the index nor a lookup per step.
by_item = 0
for item in array:
    by_item += item
by_index = 0
for index in range(len(array)):
    by_index += array[index]
print("for item in array:", by_item, "| for index in range(len(array)):", by_index)
