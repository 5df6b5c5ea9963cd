# bytes and bytearray
b = b"hello world"
print(b, len(b), b[0], b[-1], b[1:4], b[::-1], b.upper(), b.split(), b.replace(b"o", b"0"))
print(b.find(b"wor"), b.count(b"o"), b.startswith(b"he"), b.endswith(b"ld"), b.index(b"w"), b"o" in b, 111 in b)
print(bytes(5), bytes([65, 66, 67]), bytes(range(5)), bytes("é", "utf-8"), b"\x00\xff\x7f\x80", bytes.fromhex("de ad be ef"))
print(b.hex(), b"\x01\x02".hex("-"), b.decode(), b"abc" + b"def", b"ab" * 3, list(b"abc"), tuple(b"\x00\x01"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), repr(b"\t\n\r\\"), b"a".isalpha(), b"1".isdigit(), b"  x ".strip())
print(b"a,b,c".split(b","), b"-".join([b"a", b"b"]), b"abc".center(7, b"*"), b"%s=%d" % (b"k", 5), b"%x" % 255)
ba = bytearray(b"abc")
ba.append(100)
ba.extend(b"ef")
ba[0] = 65
ba += b"!"
print(ba, len(ba), ba.pop(), ba, bytes(ba))
ba.insert(1, 0x5f)
ba.remove(0x5f)
del ba[0]
ba[1:3] = b"XYZ"
print(ba, ba.decode(), ba.upper(), ba.find(b"Z"), ba.reverse(), ba)
ba2 = bytearray(3)
print(ba2, bytearray(b"xyz") == b"xyz", bytearray([1, 2, 3]), bytearray("é", "utf-8"), bytearray.fromhex("41 42"))
print(sorted(b"hello"), max(b"hello"), sum(b"\x01\x02\x03"), b"abc" < b"abd", b"" == bytes(), hash(b"x") == hash(b"x"))
mv = memoryview(b"abcdef")
print(mv[1], bytes(mv[1:3]), mv.tobytes(), len(mv), mv.nbytes, mv.readonly)
m2 = memoryview(bytearray(b"xyz"))
m2[0] = 0x58
print(m2.tobytes(), m2.obj)
try:
    b[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
try:
    bytearray(b"x").pop(5)
except IndexError as e:
    print("IndexError:", e)
print(int.from_bytes(b"\x12\x34", "big"), (0x1234).to_bytes(2, "little"), b"abc".translate(None, b"b"), b"hello".title())
print(b"\xe2\x82\xac".decode("utf-8"), b"A\x00B".split(b"\x00"), bytes(b"abc"), bytearray(b"ab") * 2, b"a b".split(b" ", 1))
