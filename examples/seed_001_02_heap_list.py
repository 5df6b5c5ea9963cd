# Seed article 001 ("Memory management in Python", the gc-module article),
# section "Dynamic memory allocation": `x = [0]*5`.
import sys

x = [0] * 5  # This memory for 5 integers is allocated on heap.
print(x)
# The list holds 5 pointers (8 bytes each) after a 56-byte header; all five point
# at the same cached int 0.
print("list size:", sys.getsizeof(x), "bytes")
print("all items are the same object:", all(item is x[0] for item in x))
x = None  # the last reference is gone: the list is freed at once
print("x =", x)
