# float repr/str of many values
vals = [0.1 + 0.2, 1e16, 1e15, 1e-5, 1e-4, 0.0001, 123456789.0, 1e22, 1e23, 2.5, 1 / 3, 2 / 3,
        float("inf"), float("-inf"), float("nan"), -0.0, 0.0, 1.0, 100.0, 1.5e300, 5e-324,
        1.7976931348623157e308, 2.2250738585072014e-308, 0.1, 0.7, 3.14159, 1e100, 9007199254740993.0,
        12345678901234567890.0, 0.000123, 1234.5678, -1.25, 1e-7, 123e-10]
for v in vals:
    print(repr(v), str(v))
print(float("1.5"), float(" -2.25 "), float("1e3"), float("inf"), float("-Infinity"), float("nan"), float("1_000.5"))
print(float(3), float(-7), float(2 ** 60), float("0x1p-3".replace("0x1p-3", "0.125")))
print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(1.005, 2))
print(round(3.14159, 3), round(1234.5678, -2), round(-0.5), type(round(2.5)), type(round(2.5, 0)))
print(int(2.9), int(-2.9), float.is_integer(3.0), (2.5).is_integer(), (0.5).as_integer_ratio(), (0.1).as_integer_ratio())
print((1.5).hex(), float.fromhex("0x1.8p1"), (0.1).hex())
print(1e308 * 10, -1e308 * 10, 1e-320 / 1e10)
print(0.1 * 3, 0.1 + 0.7, 1.1 * 1.1, 100 * 1.1, 3 * 0.1 == 0.3)
print(abs(-0.0), -0.0 == 0.0, str(-0.0), 0.0 * -1)
import math
print(math.copysign(1, -0.0), math.isnan(float("nan")), math.isinf(-1e400), math.isfinite(1e308))
print(hash(1.0), hash(0.5), hash(-0.0), hash(2.0 ** 70) == hash(2 ** 70), hash(float("inf")))
