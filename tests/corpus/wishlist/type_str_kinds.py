# operations that move strings between the 1/2/4-byte kinds (ASCII, latin-1, UCS-2, UCS-4)
import sys
a = "plain ascii"
l1 = "caf\xe9 cr\xe8me"
u2 = "\u20ac uro \u4e2d\u6587"
u4 = "emoji \U0001F600 \U0001F680"
for s in (a, l1, u2, u4):
    print(repr(s), len(s), s.isascii(), max(map(ord, s)), sys.getsizeof(s) - sys.getsizeof(s[:0]))
print(a + l1, len(a + l1), (a + u4)[-3:], (l1 + u2).upper(), (u2 + u4).count(" "))
print(a.replace("a", "\u20ac"), l1.replace("\xe9", "e"), u4.replace("\U0001F600", ":)"), u2.replace("\u20ac", "\U0001F4B6"))
print([s.encode("utf-8") for s in ("\x7f", "\x80", "\u07ff", "\u0800", "\uffff", "\U00010000", "\U0010ffff")])
print([len(s.encode("utf-16-le")) for s in (a, l1, u2, u4)], [len(s.encode("utf-32-le")) for s in (a, u4)])
mix = "".join(chr(c) for c in (65, 233, 8364, 128512, 66))
print(mix, [hex(ord(c)) for c in mix], mix[::-1], mix[1:4], mix.find("\u20ac"), mix.index("B"), mix.split("\u20ac"))
print(sorted(mix), min(mix), max(mix), mix.lower(), mix.upper(), mix.swapcase(), mix * 2)
print("".join(sorted(set("h\xe9llo w\u00f6rld \u20ac"))), "\u00e9" < "\u20ac" < "\U0001F600", "z" < "\xe9")
print(str(b"\xe2\x82\xac", "utf-8"), "\u20ac".encode("cp1252"), "\xe9".encode("cp437"), "\u00e9".encode("utf-8").decode("latin-1"))
sl = u4[6:7] + l1[3:4] + a[0:1]
print(sl, len(sl), [ord(c) for c in sl], sl.isascii(), sl[2:].isascii(), sys.getsizeof(sl[2:]))
print("\u0130".lower(), len("\u0130".lower()), "\ufb03".upper(), "\u1e9e".lower(), "\u03a3\u03a3".lower(), "a\u0301".upper())
print("\u00bd".isnumeric(), "\u2167".isnumeric(), "\u0665".isdecimal(), int("\u0665\u0660"), float("\u0661.\u0665"))
print("x\u2009y".split(), "a\u00a0b".split(), "\u3000".isspace(), "\x1c".isspace(), "\x85".isspace(), "\u200b".isspace())
print(ascii(u4), repr(u4), "%s|%r|%a" % (l1, l1, l1))
print(f"{u2:^20}|{l1:>12}|{u4:<12}|", "{:*^15}".format("\u4e2d\u6587"))
print(u4.encode("utf-8", "surrogatepass") == u4.encode(), "\ud800".encode("utf-8", "surrogatepass"), "\ud83d\ude00".encode("utf-16", "surrogatepass").decode("utf-16"))
