# memoryview slice assignment: in place, with a step, through sub-views; the errors.
mv = memoryview(bytearray(b"abcdef"))
mv[0:2] = b"XY"
print(mv.tobytes(), bytes(mv[::2]), mv.tolist()[:3], mv.obj, len(mv))
mv[::2] = bytearray(b"123")
print(mv.obj)
mv[1:3] = memoryview(b"qq")
print(mv.obj)
sub = mv[2:5]
sub[1:] = b"ZZ"
print(mv.obj, sub.tobytes())
for bad in (b"toolong", 5):
    try: mv[0:2] = bad
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
try: memoryview(b"ro")[0:1] = b"x"
except TypeError as e: print("TypeError:", e)
