# getsizeof of singletons and ints by digit count
import sys
for o in (None, Ellipsis, NotImplemented, object(), True, False):
    print(repr(o)[:14] if not isinstance(o, object) or o is not None else 'None', sys.getsizeof(o))
for n in (0, 1, -1, 2**30 - 1, 2**30, 2**60 - 1, 2**60, 2**90 - 1, 2**90, 2**120, -(2**120), 10**100):
    print(n.bit_length(), sys.getsizeof(n))
print([sys.getsizeof(2 ** (30 * k)) for k in range(8)])
