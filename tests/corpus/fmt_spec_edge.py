# format-spec mini-language edge cases
ints = [0, 7, -7, 255, -255, 1234567, -1234567]
specs = ["", "d", "5d", "<5d", "^5d", ">5d", "=+7d", "+d", " d", "-d", "05d", ",d", "_d", "x", "#x", "#X", "08x", "#010b", "o", "#o", "c" if False else "n", "e", ".2f", "%", "_x", "#_b"]
for sp in specs:
    print(f"{sp!r:>8}:", " | ".join(format(i, sp) for i in ints))
floats = [0.0, -0.0, 1.5, -1.5, 1234.5678, 1e-7, 1e21, float("inf"), float("nan")]
fspecs = ["", "f", ".0f", ".3f", "e", ".2e", "E", "g", ".3g", "G", "%", ".1%", "+.2f", " .2f", "010.3f", "<10.2f", "^10.1f", ",.2f", "_.3f", "#.0f", "#g", "z.1f", ".10g", "r" if False else "n"]
for sp in fspecs:
    print(f"{sp!r:>8}:", " | ".join(format(v, sp) for v in floats))
strs = ["", "a", "abc", "\u00e9t\u00e9", "\U0001F600x"]
sspecs = ["", "5", "<5", ">5", "^5", "*^6", ".2", "5.1", "s", "->7.3"]
for sp in sspecs:
    print(f"{sp!r:>8}:", "|".join(format(s, sp) for s in strs))
for bad_val, bad_spec in [(1, "s"), ("x", "d"), (1.5, "d"), (1, ".2d"), ("x", "=5"), (1, "z"), (1, ",x"), (1, "c" if False else "Q")]:
    try:
        format(bad_val, bad_spec)
        print("ok?", bad_val, bad_spec)
    except ValueError as e:
        print("ValueError:", e)
print(format(65, "c"), format(0x1F600, "c"), format(True, "5"), format(True, ">5d"), format(None, ""), format(3 + 4j, ".1f"), format(1 - 2j, "^12"))
print(f"{12:{'>'}{8}}", f"{3.14159:{'.'}{3}}", f"{'x':{'^'}{5}}", "{:{}{}}".format(42, ">", 6))
