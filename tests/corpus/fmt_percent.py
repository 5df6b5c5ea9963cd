# %-formatting
print("%s %s" % ("a", 1), "%r" % "q", "%d" % 42, "%i" % -3, "%5d|%-5d|%05d" % (1, 2, 3), "%+d %+d" % (5, -5))
print("%f %.2f %8.3f| %-8.1f| %e %.2E %g %G" % (3.14159, 3.14159, 3.14159, 3.14159, 1234.5, 0.000123, 1e-5, 1e16))
print("%x %X %#x %o %#o %c %c %%" % (255, 255, 255, 8, 8, 65, "z"))
print("%(name)s is %(age)d, %(name)r" % {"name": "Bob", "age": 7})
print("%s" % [1, 2], "%s" % ((1, 2),), "%s %s" % (None, True), "%d" % True, "%d" % 3.99, "%s" % 1.0, "%r" % 1e16)
print("%*d|%-*d|%.*f" % (5, 1, 4, 2, 2, 3.14159))
print("%10s|%-10s|%.2s|%10.4s|" % ("right", "left", "trunc", "abcdefgh"))
print("%s" % "single", "%s" % ("tuple",), "%5.1f%%" % 99.44)
print(b"%s %d %x" % (b"bytes", 5, 255), b"%c" % 65, b"%5s|" % b"ab")
print("%.0f %.0f %.0f %.1f" % (0.5, 1.5, 2.5, 0.05), "%g %g %g" % (100000, 1000000, 0.0001), "%.3g" % 1234.5)
print("%e" % 0, "%f" % -0.0, "%d" % -0, "%s" % float("inf"), "%f" % float("nan"), "%x" % -255)
print("%s and %s" % ("é", "😀"), "%a" % "é", "%-6s|" % "€")
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "%s %s" % ("one",)
except TypeError as e:
    print("TypeError:", e)
try:
    "%z" % 1
except ValueError as e:
    print("ValueError:", e)
try:
    "%(k)s" % {"j": 1}
except KeyError as e:
    print("KeyError:", e)
rows = [("a", 1, 1.5), ("bb", 22, 22.25), ("ccc", 333, 333.125)]
for r in rows:
    print("%-4s|%4d|%8.3f|" % r)
