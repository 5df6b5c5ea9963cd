# float(int): correctly rounded for big ints, OverflowError past the largest float.
import random
rng = random.Random(3)
out = []
for _ in range(2000):
    n = rng.getrandbits(rng.randrange(50, 1030))
    try:
        out.append(repr(float(n)))
    except OverflowError as e:
        out.append(str(e))
for n in [2**53 + 1, 2**54 + 3, 2**1024 - 2**970, 2**1024 - 2**971, (2**53 + 1) * 2**900]:
    try:
        out.append(repr(float(n)))
    except OverflowError as e:
        out.append(str(e))
print("\n".join(out))
