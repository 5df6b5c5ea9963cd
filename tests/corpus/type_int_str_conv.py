# int <-> str conversions in many bases, and formatting of ints
def to_base(n, b):
    digits = "0123456789abcdefghijklmnopqrstuvwxyz"
    if n == 0:
        return "0"
    sign = "-" if n < 0 else ""
    n = abs(n)
    out = []
    while n:
        n, r = divmod(n, b)
        out.append(digits[r])
    return sign + "".join(reversed(out))
for n in (0, 1, -1, 255, -255, 1000, 2 ** 64 - 1, -(3 ** 50), 36 ** 5):
    reps = [to_base(n, b) for b in (2, 8, 16, 36)]
    print(n, reps, all(int(r, b) == n for r, b in zip(reps, (2, 8, 16, 36))))
print(int("zz", 36), int("ZZ", 36), int("-0b101", 0), int("0_1", 0) if False else int("1_0", 0), int("  +42\n"), int("٤٢"))
print(str(10 ** 30), repr(-10 ** 30), f"{10 ** 30:,}", f"{2 ** 70:_x}", f"{-42:08d}", f"{42:+08d}", f"{42:#010x}")
print(format(123456789, ",d"), format(123456789, "_d"), format(-5, "b"), format(5, "#o"), format(255, "X"), format(65, "c"))
print(int(3.9e18), int(-1e19), int("9" * 30) + 1, len(str(2 ** 10000)), str(2 ** 100)[::-1][:10])
for bad in ("0x", "1__0", "_1", "1_", "0b2", "08", "", " ", "1 2", "١٢٣x"):
    try:
        int(bad, 0) if bad.startswith("0") or bad == "08" else int(bad)
    except ValueError as e:
        print("ValueError:", e)
print(int("08"), int("0010"), int("-00"), int("0o10", 8), int("10", 8), int("11", 2), int("z", 36))
print(float(10 ** 20), float(2 ** 53 + 1), int(float(2 ** 53 + 1)), float("1" * 20), round(float(10 ** 17 + 1)))
print(bool(int("0")), int(bool("0")), str(int(True)), int(str(-0)))
