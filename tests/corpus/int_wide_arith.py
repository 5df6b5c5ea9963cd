# Ints past 64 bits: + - * // % & | ^ >> exact at every width, signs included.
M = 0xFFFFFFFFFFFFFFFF
x = 12345
for _ in range(5):
    x = (x * 6364136223846793005 + 1442695040888963407) & M
    print(x, x >> 33, x % 1000003, x // 7, -x // 7, -x % 7)
vals = [2**63, -2**63, 2**64 - 1, -(2**64) + 3, 2**100 + 12345, -(2**119), 2**120 - 1,
        2**127, -(2**127), 2**130 + 1]
for a in vals:
    for b in (3, -5, 2**64 + 1, -(2**70)):
        print(a + b, a - b, a * b, a // b, a % b, a & b, a | b, a ^ b)
    print(a >> 1, a >> 64, a >> 127, a >> 200, -a >> 3)
print((2**127 - 1) + 1, -(2**127) - 1, (2**126) * 2, (2**120 - 1) * (2**120 - 1))
print(-(2**120) // -1, (-(2**120)) % -3, 2**120 & -1, ~(2**100))
try:
    print(2**100 // 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(2**100 % 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(2**100 >> -1)
except ValueError as e:
    print("ValueError:", e)
