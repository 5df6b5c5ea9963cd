# Unicode strings: ASCII, latin-1, UCS-2, UCS-4 (emoji)
samples = ["hello", "café", "naïve", "€uro", "日本語", "Ω≈ç√", "😀", "a😀b", "𝔘𝔫𝔦", "ÿ", "\u0100", "\uffff", "\U00010000"]
for s in samples:
    print(s, len(s), [ord(c) for c in s], s.upper(), s[::-1], s.encode("utf-8"), len(s.encode("utf-8")))
print(ascii("café 😀"), repr("café 😀"), repr("\u200b"), repr("\x9f"), repr("\xa0"), repr("\ud800"))
print("é" == "\u00e9", "e\u0301" == "é", len("e\u0301"), "\N{GREEK SMALL LETTER ALPHA}")
print("ÄÖÜ".lower(), "straße".upper(), "ǅ".title(), "ﬁ".upper(), "ΣΑΣ".lower())
print(chr(0x1F600), ord("😀"), hex(ord("€")), chr(233), chr(0x10FFFF) == "\U0010ffff")
print("😀" * 3, "日本" + "語", "日本語".find("語"), "日本語日本".count("日本"), "a€b€c".split("€"))
print("€".encode("utf-16-le"), "😀".encode("utf-16-be"), "😀".encode("utf-32-le"), b"\xe2\x82\xac".decode())
print("café".encode("latin-1"), b"caf\xe9".decode("latin-1"), "abc".encode("utf-16"), "x€".encode("ascii", "replace"), "x€".encode("ascii", "ignore"))
print("x€".encode("ascii", "xmlcharrefreplace"), "x€".encode("ascii", "backslashreplace"), b"\xff\xfe".decode("utf-8", "replace"))
try:
    "€".encode("latin-1")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
mixed = "a" + "é" + "€" + "😀"
print(mixed, len(mixed), mixed[1], mixed[2], mixed[3], mixed[1:3], sorted(mixed), max(mixed), min(mixed))
print("é".isalpha(), "€".isalpha(), "日".isalpha(), "٣".isdigit(), int("٣٤"), "😀".isprintable(), "\t".isprintable())
print(sorted(["é", "e", "f", "z", "É", "€", "😀", "a"]))
print(f"{'日本':>6}|{'é':*^5}|{'😀':<3}|")
d = {"ключ": 1, "κλειδί": 2, "鍵": 3}
print(d, list(d), d["鍵"])
print(str("abc€", ), "€" in "abc€", "abc€".startswith("ab"), "abc€".index("€"))
big = "".join(chr(c) for c in range(0x3b1, 0x3c9))
print(big, big.upper(), len(big))
print(hash("a") == hash("a"), "ab" + "c" == "abc", "é".casefold(), "Straße".casefold())
