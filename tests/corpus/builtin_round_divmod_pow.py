# round / divmod / pow / abs across numeric types
vals = [0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 1.005, 0.125, 0.375, 1e16 + 0.5, 123.456, -123.456]
for v in vals:
    print(v, round(v), round(v, 1), round(v, 2), round(v, -1))
print(round(5), round(15, -1), round(25, -1), round(-25, -1), round(12345, -3), round(10 ** 20 + 5, -1), type(round(5, 2)).__name__)
print(round(float("inf"), 2), round(float("nan"), 1))
try:
    round(float("inf"))
except OverflowError as e:
    print("OverflowError:", e)
try:
    round(float("nan"))
except ValueError as e:
    print("ValueError:", e)
for a, b in [(7, 3), (-7, 3), (7, -3), (-7, -3), (7.5, 2), (-7.5, 2), (7, 0.5), (10 ** 20, 7), (-(10 ** 20), 7), (0, 5)]:
    print(a, b, divmod(a, b))
print(pow(2, 10), pow(2.0, 10), pow(2, -2), pow(-2, 2), pow(-8, 1 / 3).real if isinstance(pow(-8, 1 / 3), complex) else "real", pow(0, 0), pow(0.0, 0))
print(pow(3, 200, 1000), pow(12345, 6789, 10 ** 9 + 7), pow(-5, 3, 7), pow(5, -1, 12), pow(38, -1, 97), pow(2, 0, 1))
print(type(pow(2, -1)).__name__, type(pow(2, 2)).__name__, type(2 ** 0.5).__name__, (-1) ** 0.5)
try:
    pow(2, 0.5, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    pow(0, -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    pow(2, -1, 4)
except ValueError as e:
    print("ValueError:", e)
print(abs(-0), abs(-0.0), abs(-10 ** 30), abs(-3.5), abs(3 - 4j), abs(True), abs(-True))
class R:
    def __round__(self, n=None):
        return ("round", n)
    def __abs__(self):
        return "abs!"
    def __divmod__(self, o):
        return ("dm", o)
    def __rdivmod__(self, o):
        return ("rdm", o)
    def __pow__(self, e, m=None):
        return ("pow", e, m)
    def __rpow__(self, b):
        return ("rpow", b)
r = R()
print(round(r), round(r, 3), abs(r), divmod(r, 2), divmod(2, r), pow(r, 2), pow(r, 2, 5), 2 ** r)
