# Seed article 001 ("Memory management in Python", the gc-module article),
# section "Static memory allocation": the listing `x = 20y = []z = ""`,
# split into its three assignments.
#
# The article calls these "stack" variables. In CPython every value is an object
# on the heap; the names only hold references. sys.getsizeof shows the objects.
import sys

x = 20
y = []
z = ""

print("x =", x, "->", type(x).__name__, sys.getsizeof(x), "bytes")
print("y =", y, "->", type(y).__name__, sys.getsizeof(y), "bytes")
print("z =", repr(z), "->", type(z).__name__, sys.getsizeof(z), "bytes")
