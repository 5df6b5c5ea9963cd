# int / int is correctly rounded for big operands (random pairs up to 300 bits, subnormal
# and overflow edges), as long_true_divide.
import random
rng = random.Random(11)
out = []
for _ in range(3000):
    a = rng.getrandbits(rng.randrange(1, 300)) * rng.choice([1, -1])
    b = rng.getrandbits(rng.randrange(1, 300)) or 1
    out.append(repr(a / b))
for a, b in [(10**400, 10**399), (2**1100 + 1, 2**1100), (3, 2**1076), (1, 2**1074), (1, 2**1075), (3, 2**1075), (2**1024 - 2**971, 1), (2**53 + 1, 1), (2**54 + 3, 2), (-(2**60 + 1), 3), (0, -7), (7, 3), (10**30 + 1, 10**30)]:
    out.append(repr(a / b))
try:
    print(2**1024 / 1)
except OverflowError as e:
    out.append(str(e))
try:
    print(10**400 / 3)
except OverflowError as e:
    out.append(str(e))
import sys
sys.stdout.write("\n".join(out) + "\n")
