# str splitting/joining/partition corner cases
cases = ["", " ", "a", " a ", "a b", "a  b", "\ta\nb\r\nc  ", "a,b,,c,", ",", ",,"]
for s in cases:
    print(repr(s), s.split(), s.split(" "), s.split(","), s.rsplit(None, 1), s.splitlines())
print("a-b-c-d".split("-", 2), "a-b-c-d".rsplit("-", 2), "a-b".split("-", 0), "abc".split("abc"), "xabcx".split("abc"))
print("1,2;3 4".replace(";", ",").replace(" ", ",").split(","), "k=v=w".partition("="), "k=v=w".rpartition("="))
print("::".join("abc"), "".join(["x"] * 5), " ".join([]), "\n".join(["l1", "l2"]).splitlines())
try:
    " ".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)
print("a\x0bb\x0cc\x1cd\x1de\x1ef\x85g\u2028h".splitlines())
print("a\x0bb\x0cc".split(), "a\u3000b\xa0c".split(), "a\u200bb".split())
print("  padded  ".strip(), "xxhixx".strip("x"), "<<a>>".lstrip("<"), "<<a>>".rstrip(">"), "abcba".strip("ab"))
print("Hello".ljust(8, "-"), "Hello".rjust(8, "-"), "Hello".center(9, "-"), "Hello".center(2), "x".zfill(3), "+7".zfill(4))
print("%s" % "|".join(f"{i:02d}" for i in range(5)), ",".join(map(str, [1.5, None, True])))
csv = "name,age,city\nalice,30,paris\nbob,25,rome\n"
rows = [line.split(",") for line in csv.strip().split("\n")]
header, *data = rows
print(header, data, [dict(zip(header, r)) for r in data])
print("path/to/file.tar.gz".rsplit(".", 1), "path/to/file.tar.gz".split("/")[-1].split(".", 1), "/a//b/".split("/"))
print("CamelCaseString".lower(), "".join(" " + c if c.isupper() else c for c in "CamelCaseString").strip().split())
print("tic-tac-toe".title(), "they're bill's".title(), "hello world".capitalize(), "ǅungla".capitalize())
print("mississippi".count("ss"), "mississippi".find("ss", 3), "mississippi".rfind("ss"), "mississippi".index("pp"))
print("abc".startswith(""), "abc".endswith(("c", "z")), "abc".startswith("b", 1, 2), "".startswith(""), "abc".find("", 10))
