# Seed article 001 ("Memory management in Python", the gc-module article),
# section "gc module":
#   import gc; gc.get_threshold(); gc.set_threshold(7777, 11, 11); print(gc.get_threshold())
import gc

print(gc.get_threshold())
gc.set_threshold(7777, 11, 11)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)  # back to the defaults
