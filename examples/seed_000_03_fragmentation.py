# Seed article 000 ("Explain Memory Management In Python: How It Works?"),
# section "Problems ... 1. Fragmentation". The article has no code listing; this
# script shows what it describes with sys.getallocatedblocks(), the number of
# blocks currently handed out by the small-object allocator.
# (Exact counts differ between interpreters; the script prints their shape.)
import gc
import sys

gc.collect()
base = sys.getallocatedblocks()
objects = [str(i) * 3 for i in range(100_000)]  # 100000 small blocks
full = sys.getallocatedblocks()
print("allocated at least 100000 blocks:", full - base >= 100_000)

# Free every other object: the blocks are returned, but they are scattered
# holes inside the memory pools, which stay in use.
del objects[::2]
holes = sys.getallocatedblocks()
print("half of them are free again:     ", 0.4 < (full - holes) / (full - base) < 0.6)

# The holes are reused by the next objects of the same size class.
refill = [str(i) * 3 for i in range(100_000, 150_000)]
print("refilling used about as many blocks:", sys.getallocatedblocks() - holes >= 50_000)

del objects, refill
gc.collect()
print("everything freed (back within 10%): ", sys.getallocatedblocks() - base < 0.1 * (full - base))
