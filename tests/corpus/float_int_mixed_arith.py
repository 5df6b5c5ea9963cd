# Mixed float/int arithmetic: exact rounding of large ints, signed zeros, infinities,
# NaN, bools, subclasses, and the errors.
big = 2**53 + 1
print(big + 0.0, 0.0 + big, big * 1.0, big - 0.5, (2**63 - 1) * 1.0, -(2**63) + 0.0)
print(2**64 + 0.0, 10**30 * 1.0)
print(-0.0 + 0, 0 - 0.0, -0.0 * 5, 5 / -float("inf"), 0.0 * -1)
inf, nan = float("inf"), float("nan")
print(inf - inf, inf * 0, nan + 1, 1 - inf, inf / 3)
print(True + 0.5, False * 2.5, 1.5 - True, 3 / 2.0, 7 / 2)
x = 1.5
x += 2
x -= 0.25
x *= 4
x /= 3
print(x)


class F(float):
    def __add__(self, other):
        return "F.__add__"

    def __radd__(self, other):
        return "F.__radd__"


print(F(1.0) + 2.0, 2.0 + F(1.0), 1 + F(2.0))
for a, b in ((1.0, 0), (1.0, 0.0), (0, 0.0)):
    try:
        print(a / b)
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
try:
    print(10**400 * 1.0)
except OverflowError as e:
    print("OverflowError:", e)
try:
    print(1.0 + "x")
except TypeError as e:
    print("TypeError:", e)
print(0.1 + 0.2, 1e308 * 10, -1e308 * 10, 2.5 % 1, 7.0 // 2, 2.0 ** 0.5)
