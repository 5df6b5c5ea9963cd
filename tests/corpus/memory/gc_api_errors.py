# gc API argument errors and their messages
import gc
for bad in (3, -1, 10, 100):
    try:
        gc.collect(bad)
    except ValueError as e:
        print("collect", bad, "ValueError:", e)
for bad in ("1", 1.5, None):
    try:
        gc.collect(bad)
    except TypeError as e:
        print("collect", repr(bad), "TypeError")
for bad in (3, 1000, -2, -1000):
    try:
        gc.get_objects(bad)
    except ValueError as e:
        print("get_objects", bad, "ValueError:", e)
print(len(gc.get_objects(-1)) > 0)
for bad in ("1", 1.234):
    try:
        gc.get_objects(bad)
    except TypeError as e:
        print("get_objects", repr(bad), "TypeError")
try:
    gc.is_tracked()
except TypeError as e:
    print("TypeError:", e)
try:
    gc.set_debug()
except TypeError as e:
    print("TypeError:", e)
try:
    gc.set_debug('x')
except TypeError as e:
    print("TypeError")
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug())
gc.set_debug(0)
print(gc.get_debug())
