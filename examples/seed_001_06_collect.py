# Seed article 001 ("Memory management in Python", the gc-module article),
# section "gc module": import gc; print(gc.collect())
#
# gc.collect() returns the number of unreachable objects it found. Right after
# start-up that number is interpreter specific, so we clean up first and then
# make some garbage on purpose.
import gc

gc.collect()
print(gc.collect())  # nothing left to collect: 0

ring = [[] for _ in range(3)]
for i, node in enumerate(ring):
    node.append(ring[(i + 1) % 3])  # each list points at the next one
del ring, node
print(gc.collect())  # the 3 lists of the ring
