# The UTF-16 and UTF-32 codecs: byte order marks, both byte orders, round trips, and
# CPython's decoding errors under the strict, replace and ignore handlers.
s = "a\u00e9\u20ac\U0001F600"
for c in ("utf-16", "utf-16-le", "utf-16-be", "utf_16", "UTF-16LE", "utf-32", "utf-32-le", "utf-32-be"):
    b = s.encode(c)
    print(c, b, b.decode(c) == s, len(b))
print(b"\xfe\xff\x00A".decode("utf-16"), b"\x00\x00\xfe\xff\x00\x00\x00A".decode("utf-32"), b"A\x00".decode("utf-16"))
for b, c in [(b"A\x00B", "utf-16-le"), (b"\x00\xd8A\x00", "utf-16-le"), (b"\x00\xdcA\x00", "utf-16-le"), (b"A\x00\x00\xd8", "utf-16-le"),
             (b"\x00\x00\x11\x00", "utf-32-le"), (b"\x00\xd8\x00\x00", "utf-32-le"), (b"A\x00\x00", "utf-32-le"), (b"\x00A\xd8\x00", "utf-16-be")]:
    for errors in ("strict", "replace", "ignore"):
        try:
            print(repr(b.decode(c, errors)))
        except UnicodeDecodeError as e:
            print(type(e).__name__, e)
print([len(x.encode("utf-16-le")) for x in ("ab", "\xe9\xe9", "\u20ac", "\U0001F600")], [len(x.encode("utf-32-le")) for x in ("ab", "\U0001F600")])
