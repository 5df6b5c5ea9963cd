# more bytes/bytearray methods and conversions
b = b"The Quick Brown Fox"
print(b.lower(), b.upper(), b.swapcase(), b.title(), b.capitalize(), b.isupper(), b.istitle())
print(b.split(b" "), b.rsplit(b" ", 1), b.partition(b"Quick"), b.rpartition(b"o"), b.splitlines())
print(b.startswith(b"The"), b.endswith((b"Fox", b"Dog")), b.find(b"Q"), b.rfind(b"o"), b.count(b"o"), b.index(b"Brown"))
print(b.ljust(22, b"."), b.rjust(22), b.center(23, b"*"), b"42".zfill(5), b" x ".strip(), b"xxaxx".strip(b"x"))
print(b"a\tb".expandtabs(4), b"abc".replace(b"b", b"BB"), bytes(reversed(b"abc")), b"-".join([b"a", bytearray(b"b")]))
print(b"hello".hex(), bytes.fromhex("68 65 6c 6c 6f"), b"\x00\x01\xfe\xff".hex(":"), b"abc".hex("-", 1))
print(list(b"AZaz09"), [chr(c) for c in b"hey"], b"%d-%s-%r" % (5, b"x", b"y"), b"%05.1f" % 3.14159)
print(b"caf\xc3\xa9".decode("utf-8"), b"caf\xe9".decode("latin-1"), b"\xff\xfe".decode("utf-8", "ignore"), b"\xff".decode("utf-8", "backslashreplace"))
ba = bytearray(b"hello world")
ba[0:5] = b"HELLO"
ba.extend(range(33, 36))
ba.remove(ord("o"))
print(ba, ba.count(b"l"), ba.index(b"w"), ba.decode(), ba.islower(), len(ba))
ba2 = bytearray(b"abc")
ba2 *= 2
ba2[::2] = b"XYZ"
print(ba2, ba2.pop(0), ba2, ba2.strip(b"c"), bytes(ba2).upper())
del ba2[1:3]
print(ba2, bytearray(4), bytearray(b"x") + b"y", b"y" + bytearray(b"x"), type(b"y" + bytearray(b"x")).__name__)
print(b"abc" == bytearray(b"abc"), b"abc" < b"abd", bytearray(b"b") > b"a", b"\x00" < b"\x00\x00", sorted([b"b", b"a", b"ab"]))
mv = memoryview(bytearray(b"abcdef"))
mv[0:2] = b"XY"
print(mv.tobytes(), bytes(mv[::2]), mv.tolist()[:3], mv.obj, len(mv))
print(int.from_bytes(b"\x00\x10", "big"), int.from_bytes(b"\x00\x10", "little"), (4096).to_bytes(3, "big"), (-2).to_bytes(2, "little", signed=True))
print(bytes(range(250, 256)), bytes(3) == b"\x00" * 3, b"ab" in b"cabd", 98 in b"abc", b"" in b"x")
