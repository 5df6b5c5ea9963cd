# float arithmetic and formatting
a, b = 7.5, 2.0
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b, divmod(a, b))
print(-7.5 // 2, -7.5 % 2, 7.5 % -2, divmod(-7.5, 2))
print(2 ** 0.5, 10 ** -2, (-8.0) ** 2, 4 ** 0.5, 0.0 ** 0)
print(1 / 7, 22 / 7, 355 / 113)
print(format(1 / 3, ".3f"), format(1234567.891, ","), format(1234567.891, ",.2f"), format(0.000123, "e"))
print(format(12.5, "08.2f"), format(-12.5, "+.1f"), format(12.5, "+.1f"), format(0.5, "%"), format(0.125, ".1%"))
print(format(1e20, "g"), format(1e-20, "g"), format(123.456, ".2g"), format(123456789.0, ".3e"))
print(format(3.0, "g"), format(3.0, ""), format(2.5, "10"), format(2.5, "<10") + "|", format(2.5, "^10") + "|")
print("%.2f %5.1f %-8.3f| %e %g %G" % (3.14159, 2.5, 1.0, 12345.678, 0.00001, 1e-10))
print(f"{3.14159:.2f} {2.0:g} {1e6:.0f} {1e6!r} {0.1 + 0.2!s}")
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 // 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1.0 % 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    int(float("nan"))
except ValueError as e:
    print("ValueError:", e)
try:
    (-8.0) ** 0.5 + 0
except Exception as e:
    print("err", e)
print(type((-8.0) ** 0.5).__name__)
import math
print(math.sqrt(2), math.pi, math.e, math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5))
print(math.sin(0), math.cos(0), round(math.sin(math.pi / 6), 12), math.atan2(1, 1), math.log(math.e), math.log10(1000), math.log2(1024), math.exp(1))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.hypot(3, 4), math.fabs(-3), math.fmod(-7, 3), math.modf(2.75))
print(math.inf, -math.inf, math.nan, math.isclose(0.1 + 0.2, 0.3), math.degrees(math.pi), math.radians(180))
print(math.frexp(8.0), math.ldexp(0.5, 4), math.pow(2, 0.5), math.floor(3.999), math.gcd(12, 18), math.prod([1.5, 2, 4]))
print(sum([1.5, 2.5, 3]), min(2.5, 1.5), max([0.1, 0.01, 1.0]), sorted([3.3, -1.1, 2.2, 0.0]))
s = 0.0
for i in range(1, 1001):
    s += 1.0 / (i * i)
print(s, (math.pi ** 2 / 6) - s)
