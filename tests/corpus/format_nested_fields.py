# Nested replacement fields in format specs take the next automatic argument, and
# nesting stops at CPython's depth; oversized widths are MemoryError.
print(repr("{:{}}".format(1, 5)), repr("{:>{}}".format(1, 5)), repr("{:{}.{}f}".format(3.14159, 8, 2)))
print(repr("{0:{1}}".format("ab", 6)), repr("{x:{w}}".format(x="ab", w=4)), repr("{:{w}}|{}".format(7, 8, w=3)))
print("{:^{}}|".format("mid", 9), "{:{}{}}".format(42, "<", 6) + "|")
for bad in ("{:{:{}}}", "{0:{}}", "{:{1}}"):
    try:
        print(bad.format(1, 2, 3))
    except (ValueError, IndexError) as e:
        print(type(e).__name__, e)
try:
    "{:{}}".format(1, 2**62)
except MemoryError:
    print("MemoryError")
try:
    "{:{}}".format(1)
except IndexError as e:
    print("IndexError", e)
