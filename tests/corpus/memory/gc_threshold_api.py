# get_threshold / set_threshold and their argument errors
import gc
print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(100, 5)
print(gc.get_threshold())
gc.set_threshold(100, 5, 3)
print(gc.get_threshold())
gc.set_threshold(0)
print(gc.get_threshold())
for args in [(), (1, 2, 3, 4), ('a',), (1.5,)]:
    try:
        gc.set_threshold(*args)
        print("ok", args)
    except TypeError as e:
        print("TypeError:", e)
gc.set_threshold(*old)
print(gc.get_threshold())
try:
    gc.get_threshold(1)
except TypeError as e:
    print("TypeError:", e)
try:
    gc.get_count(0)
except TypeError as e:
    print("TypeError:", e)
