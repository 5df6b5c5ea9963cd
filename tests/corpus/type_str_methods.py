# str methods
s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print(s.upper(), s.lower(), "hello world".title(), "hELLO".swapcase(), "hello".capitalize(), "ß".upper(), "İ".lower() == "i̇")
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a,b,c".rsplit(",", 1), " x ".split(" "))
print("line1\nline2\r\nline3".splitlines(), "a\nb\n".splitlines(True), "".split(","), "".split())
print("-".join(["a", "b", "c"]), "".join([]), ", ".join(str(i) for i in range(5)))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".replace("", "-"))
print("banana".find("an"), "banana".find("an", 2), "banana".find("x"), "banana".rfind("an"), "banana".index("n"), "banana".rindex("a"))
print("banana".count("a"), "banana".count("an"), "banana".count(""), "aaaa".count("aa"))
print("hello".startswith("he"), "hello".startswith(("x", "h")), "hello".endswith("lo"), "hello".startswith("l", 2))
print("abc".isalpha(), "123".isdigit(), "12a".isalnum(), "   ".isspace(), "Hello World".istitle(), "abc".islower(), "ABC".isupper(), "x1".isidentifier(), "1x".isidentifier())
print("42".zfill(5), "-42".zfill(5), "ab".center(7, "*"), "ab".ljust(5, ".") + "|", "ab".rjust(5) + "|")
print("a\tb\tc".expandtabs(4), "hello".partition("l"), "hello".rpartition("l"), "hello".partition("z"))
print("{} + {} = {}".format(1, 2, 3), "{1}{0}".format("a", "b"), "{name}!".format(name="hi"), "{0[1]}".format([5, 6]))
print("hello".encode(), "héllo".encode("utf-8"), "héllo".encode("latin-1"), "abc".encode("ascii"))
print("Hello"[::-1], "Hello"[1:3], "Hello"[-2:], "Hello"[::2], "Hello"[10:], "Hello"[-100:2])
print("abc" * 3, "abc" + "def", 3 * "-", "a" in "abc", "" in "abc", "abc" < "abd")
print("prefix_name".removeprefix("prefix_"), "name.py".removesuffix(".py"), "x".removeprefix("y"))
print("Hello World".casefold(), "é".isascii(), "abc".isascii(), "½".isnumeric(), "²".isdigit(), "²".isdecimal())
print(str.maketrans("abc", "xyz"), "aabbcc".translate(str.maketrans("abc", "xyz")), "hello".translate({ord("l"): None}))
print(len("hello"), len(""), ord("a"), chr(97), str(123), str(1.5), str(None), str([1, "a"]))
print(repr("it's"), repr('say "hi"'), repr("both ' and \""), repr("tab\there"), repr("nl\n"), repr("\x00\x7f\x80"), repr("\\"))
print("%s is %d years and %.1f%%" % ("Bob", 30, 99.5), "%r %5s|%-5s|" % ("x", "ab", "cd"), "%x %o %X %c" % (255, 8, 255, 65))
print("%(a)s-%(b)03d" % {"a": "A", "b": 7}, "%+d % d" % (5, 5), "%10.3s|" % "abcdef")
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words), sorted(words, key=len), max(words, key=len), " ".join(w[::-1] for w in words))
print("x".join("abc"), "abc".upper().lower().title(), "A-B_C d".replace("-", " ").replace("_", " ").split())
try:
    "abc".index("z")
except ValueError as e:
    print("ValueError:", e)
try:
    "abc"[5]
except IndexError as e:
    print("IndexError:", e)
try:
    "abc"[0] = "x"
except TypeError as e:
    print("TypeError:", e)
try:
    "a" + 1
except TypeError as e:
    print("TypeError:", e)
