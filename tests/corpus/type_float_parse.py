# float() parsing, fromhex/hex, and repr round trips
good = ["1", "1.", ".5", "-.5", "+1.5", "1e5", "1E-5", "1_000.000_1", " 42 ", "\t-0\n", "inf", "-Infinity", "nan", "NaN", "-nan", "1e308", "1e309", "-1e309", "4.9e-324", "2.4e-324", "1e-400", "0.1e1", "00012.5"]
for s in good:
    print(repr(s), repr(float(s)))
bad = ["", " ", "1e", "e5", "1.2.3", "1_", "_1", "1__0", "0x10", "inf inity", "1,5", "--1", "nan(1)", "١.٥x"]
for s in bad:
    try:
        float(s)
        print(repr(s), "parsed?!")
    except ValueError as e:
        print("ValueError:", e)
vals = [0.1, 1 / 3, 2 ** 0.5, 1e-310, 123456.789e10, -2.5e-8]
for v in vals:
    print(v.hex(), float.fromhex(v.hex()) == v, float(repr(v)) == v, v.as_integer_ratio())
print(float.fromhex("0x1.8p1"), float.fromhex("-0X1P-2"), float.fromhex("0x.8"), float.fromhex("inf"), float.fromhex("0x1.fffffffffffffp1023"))
try:
    float.fromhex("0x1p2000")
except OverflowError as e:
    print("OverflowError:", e)
print(float(True), float(10 ** 20), float(-(2 ** 63)), float("  1e2  "), float(b"2.5") if False else float("2.5"))
print([round(float(f"0.{i}5"), 1) for i in range(10)])
print(1.0.is_integer(), (-0.0).is_integer(), float("inf").is_integer() if False else False, (2.5).__trunc__(), (-2.5).__floor__(), (-2.5).__ceil__())
