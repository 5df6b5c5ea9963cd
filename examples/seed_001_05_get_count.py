# Seed article 001 ("Memory management in Python", the gc-module article),
# section "gc module": import gc; print(gc.get_count())
#
# At start-up the counts depend on what the interpreter allocated, so this
# version starts from a full collection and then creates known objects.
import gc

gc.collect()
start = gc.get_count()
boxes = [[] for _ in range(10)]
grown = gc.get_count()
gc.collect(0)
after_young = gc.get_count()
print("after gc.collect():        ", start)
# the 10 lists + the list holding them + the tuple `start`
print("after creating 10 lists:   ", grown)
print("after a generation-0 pass: ", after_young)
