# Float format flags of CPython 3.11: `z` (PEP 682), `#` keeping the point, `%` of
# inf and nan, and which types take which thousands separator.
vals = [0.0, -0.0, -0.04, 2.5, -1e-9, float("inf"), float("-inf"), float("nan")]
for spec in ["z.1f", "z.0f", "#.0f", "#.0e", "#.0%", ".1%", "%", "z.1%", "z.2e", "z", "z.3g", "+z.1f"]:
    print(f"{spec:>6}:", " | ".join(format(v, spec) for v in vals))
for spec in ["z", "zd", ",x", ",b", ",c", "_x", "_b", ",d", "_n", ",n", ",%", "_e"]:
    for v in (255, 3.5):
        try:
            print(spec, repr(format(v, spec)))
        except ValueError as e:
            print(spec, "ValueError:", e)
# The alternate form keeps its point in every presentation type, upper case included.
for spec in ["#.0g", "#.0G", "#.0n", "#.0E", "#g", "#.3g", "#.2E"]:
    print(f"{spec:>6}:", " | ".join(format(v, spec) for v in (2.5, 1e20, 0.0, 123456.0, -0.5)))
