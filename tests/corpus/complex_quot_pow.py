# Complex division by CPython's _Py_c_quot (no overflow or underflow of the divisor's
# norm), and complex powers with complex_pow's errors: zero to a negative or complex
# power, and an infinite result (complex exponentiation).
for a, b in [(1+2j, 3-4j), (1e300+1e300j, 1e-300+1e-300j), (1j, 1e308+1e308j), (0j, 1), (3+0j, 2j)]:
    print(a / b)
try:
    print((0j) ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print((0j) ** (1+1j))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
print((0j) ** 0, (0j) ** 2, (2+0j) ** -1)
try:
    print((1+1j) / 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)

for a, b in [(1e200+1e200j, 2), (complex('inf'), 1), (2+0j, -1.5), (0j, -1.5), (0j, 0), (0j, 1+0j), (1e-200j, -2), (0j, 0.5), (1+1j, 3), (2j, -2), (1+2j, 0.5+0.25j)]:
    try:
        print(a ** b)
    except (ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__, e)
for a, b in [(-8.0, 1/3), (-2.0, 0.5)]:
    print(a ** b)
c = 1 + 1j
c /= 2j
print(c)
