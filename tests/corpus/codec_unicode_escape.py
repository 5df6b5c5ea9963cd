# The unicode_escape and raw_unicode_escape codecs (encode, decode, CPython's errors), and
# str.isprintable / repr over every code point (CPython 3.11's Unicode 14.0 categories).
import sys
tests = ["esc: \t|\\|'|\"|A|\u00e9|\U0001F600|\N{SNOWMAN}|\a\b\x00\x7f\x80", "plain", ""]
for t in tests:
    e = t.encode("unicode_escape"); r = t.encode("raw_unicode_escape")
    print(e, r, e.decode("unicode_escape") == t, r.decode("raw_unicode_escape") == t)
for b in [b"a\\n\\101\\x41\\u00e9\\N{EM DASH}\\q\\\nz", b"\\\\u0041 \\u0041", b"caf\xe9"]:
    print(repr(b.decode("unicode_escape")) if b"\\q" not in b else "-", repr(b.decode("raw_unicode_escape")))
for b in [b"ab\\x4", b"x\\", b"\\u12", b"\\U00110000", b"\\N{NOPE}", b"\\N", b"\\Nx"]:
    for codec in ("unicode_escape", "raw_unicode_escape"):
        try:
            print(repr(b.decode(codec)))
        except UnicodeDecodeError as e:
            print(type(e).__name__, e)
n = 0
h = 0
for c in range(0x110000):
    if 0xd800 <= c <= 0xdfff:
        continue
    if chr(c).isprintable():
        n += 1
        h = (h * 31 + c) % 1000000007
print(n, h, repr("\u0378\u00ad\U000e0001\u2028 x\u3000"))
