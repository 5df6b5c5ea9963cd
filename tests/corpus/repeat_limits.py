# Repetition past what memory or Py_ssize_t allows: MemoryError or OverflowError as
# CPython raises them, never a crash; huge zero-filled constructors likewise.
cases = [
    "'a' * (2**62)", "'ab' * (2**62)", "'a' * (2**70)", "'' * (2**70)", "'é' * 3",
    "-3 * 'ab'", "[0] * (2**62)", "[0, 1] * (2**62)", "[0] * (2**70)", "[] * (2**70)",
    "(1,) * (2**62)", "True * [1]", "b'x' * (2**62)", "b'xy' * (2**62)", "b'x' * (2**70)",
    "bytearray(2**62)", "bytes(2**62)", "bytes(-1)",
    "list(enumerate('ab', 2**63 - 1))", "list(enumerate('ab', 2**70))",
]
for t in cases:
    try:
        r = eval(t)
        print(t, "->", r)
    except (MemoryError, OverflowError, ValueError) as e:
        print(t, "->", type(e).__name__, e)
x = [1, 2]
try:
    x *= 2**62
except MemoryError:
    print("list *= : MemoryError", x)
for t in ("list(range(10**10))", "tuple(range(10**10))", "list(range(2**70))"):
    try:
        eval(t)
    except (MemoryError, OverflowError) as e:
        print(t, "->", type(e).__name__, e)
