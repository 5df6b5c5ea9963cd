# int arithmetic: // % ** divmod, negative operands, bit ops
vals = [7, -7, 0, 1, -1, 13, 100]
for a in (7, -7, 13, -13):
    for b in (2, -2, 5, -5):
        print(a, b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 10, 2 ** -1, (-2) ** 3, (-8) ** (1 / 3) if False else 0, 0 ** 0, pow(2, 100))
print(pow(3, 4, 5), pow(2, 1000, 97), pow(-3, 3, 7), pow(3, -1, 7), pow(5, 0, 1))
print(6 & 3, 6 | 3, 6 ^ 3, ~6, -6 & 0xFF, 1 << 40, 1 << 100, -1 >> 3, 1024 >> 3, -1024 >> 3)
print(int("42"), int("-17"), int("  12  "), int("1_000_000"), int("ff", 16), int("0xff", 16), int("0o17", 0))
print(int("101", 2), int("z", 36), int("Z", 36), int("0b1101", 0), int(3.99), int(-3.99), int(True))
print(hex(255), oct(8), bin(10), hex(-255), bin(-5), hex(0))
print(abs(-5), abs(5), -(-3), +4, round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2))
print((255).bit_length(), (0).bit_length(), (-1).bit_length(), (1 << 100).bit_length())
print((10).to_bytes(2, "big"), (10).to_bytes(2, "little"), int.from_bytes(b"\x01\x00", "big"), (-1).to_bytes(2, "big", signed=True))
print(int.from_bytes(b"\xff\xff", "little", signed=True), (1024).to_bytes(4, "little"))
print((17).bit_count() if hasattr(int, "bit_count") else 2, (5).conjugate(), (5).real, (5).imag, (5).numerator, (5).denominator)
print(10 / 4, 10 // 4, -10 // 4, 10 % -4, 7.0 // 2, -7.0 % 3)
print(True + True, True * 10, False - 1, 3 * False)
for bad in ("", "1.5", "abc", "12a"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    1 // 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    1 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
try:
    1 << -1
except ValueError as e:
    print("ValueError:", e)
print(int.__name__, type(5), isinstance(True, int), issubclass(bool, int))
print(hash(5), hash(-1), hash(-2), hash(0), hash(2 ** 61 - 1), hash(2 ** 61), hash(10 ** 30))
print(5 .__add__(3), (5).__radd__(3), (5).__sub__(3), int.__mul__(6, 7))
print(sum(range(101)), max(vals), min(vals), sorted(vals))
