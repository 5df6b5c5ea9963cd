# UnicodeDecodeError/UnicodeEncodeError carry (encoding, object, start, end, reason) and
# build their message from them; an encode error covers the whole unencodable run.
for f in [lambda: b"\xffa".decode(), lambda: b"a\xff\xfe".decode("utf-8"), lambda: "é€😀".encode("ascii"), lambda: "aé".encode("ascii"), lambda: b"\x80".decode("ascii")]:
    try: f()
    except UnicodeError as e: print(type(e).__name__, e.encoding, e.object, e.start, e.end, e.reason, "|", e, "|", repr(e))
u = UnicodeDecodeError("utf-8", b"\xff\xfe", 0, 2, "bad")
print(u, u.args)
v = UnicodeEncodeError("ascii", "\u20ac", 0, 1, "nope")
print(v, v.start)
for a in [(0, -2**63), (-5, 2), (3, 9), (1, 1)]:
    print(str(UnicodeDecodeError("utf-8", b"abc", a[0], a[1], "r")), "|", str(UnicodeEncodeError("ascii", "abc", a[0], a[1], "r")))
