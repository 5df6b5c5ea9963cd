# complex numbers and numeric tower interactions
z = 3 + 4j
print(z, z.real, z.imag, abs(z), z.conjugate(), z * 1j, z / 2, z ** 2, -z, complex(1, 2), complex("1+2j"))
print(1j * 1j, (1 + 2j) + (3 - 1j), (1 + 2j) == complex(1, 2), 0j, complex(0, -0.0), repr(1e20j))
print(type(z).__name__, isinstance(z, complex), z != 3, abs(3j), complex(2), complex(-1.5), (2 + 0j) == 2)
import cmath
print(cmath.sqrt(-1), cmath.phase(-1), cmath.polar(1j), abs(cmath.exp(1j * cmath.pi) + 1) < 1e-12)
try:
    z < z
except TypeError as e:
    print("TypeError:", e)
try:
    int(z)
except TypeError as e:
    print("TypeError:", e)
try:
    1 / 0j
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print(1 + 2.5, type(1 + 2.5).__name__, 1 + True, type(True + True).__name__, 2 * 2.0, 7 // 2.0, 3 + 1j)
from fractions import Fraction
from decimal import Decimal
print(Fraction(1, 3) + Fraction(1, 6), Fraction(3, 4) * 2, Fraction("0.25"), float(Fraction(1, 8)), Fraction(1, 3) < 0.5)
print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7), Decimal("1.10").quantize(Decimal("0.1")), Decimal("2.5") * 2)
print(hash(Fraction(1, 2)) == hash(0.5), hash(Decimal(2)) == hash(2), Fraction(6, 4), Fraction(-3, 9))
print(format(z, ""), format(1.5 + 2.25j, ".1f"), f"{3 - 2j}", str(complex(1, -1)))
