# Ranges at and past the 64-bit limits: iteration ends at stop (no wrap-around), long
# ranges iterate with longrange_iterator, indexing, containment and reversal agree.
big = 2**63
print(list(range(big - 5, big - 1, 3)), list(range(-big + 4, -big, -3)))
print(list(range(big - 3, big - 1)), list(range(big - 2, big - 1, big)))
it = iter(range(2**70, 2**70 + 7, 3))
print(type(it).__name__, list(it), list(it))
print(list(range(-2**65, -2**65 - 10, -4)))
for i in range(2**64, 2**64 + 2):
    print(i)
r = range(2**62, big - 1, 2**61)
print(list(r), r[1], r[-1], (big - 1) in r, 2**62 + 2**61 in r, len(r))
print(list(reversed(range(big - 4, big - 1))), list(reversed(range(-big, -big + 3))))
try:
    len(range(2**70))
except OverflowError as e:
    print("OverflowError:", e)
print(range(2**70)[5], 2**69 in range(2**70), range(0, 2**70, 2**68)[-1])
print(sum(1 for _ in range(big - 10, big - 1, 4)))
full = range(-big, big - 1)
print(full[5], full[-1], full[2**63], (big - 2) in full, -big in full, 0 in range(-big, big - 1, 3))
print(range(0, big - 1, 2**62)[::2**62], list(range(10)[::big - 1]), range(-big, big - 1)[::2**62])
print(range(big - 3, big - 1) == range(big - 3, big - 1), range(0, 3) == range(0, 3, 5))
