# Seed article 001 ("Memory management in Python", the gc-module article),
# section "gc module": import gc; print(gc.get_threshold())
import gc

# 700 for the youngest generation, 10 for each of the two older ones.
print(gc.get_threshold())
