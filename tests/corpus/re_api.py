# re: the module API (match, search, fullmatch, findall, finditer, sub, subn, split,
# escape), Match and Pattern objects, templates, and the pattern errors.
import re
print(re.match(r"(\w+) (\w+)", "hello world x"))
m = re.search(r"(?P<first>\d+)-(?P<second>\d+)?", "tel: 123- and")
print(m, m.groups(), m.groupdict(), m.span(1), m.start(2), m.lastindex, m.lastgroup, m["first"], m.group(0, 1))
print(re.findall(r"\d+", "a1b22c333"), re.findall(r"(\w)(\d)", "a1b2"), re.findall(r"(a)|b", "ab"))
print(re.sub(r"(\w+)@(\w+)", r"\2 at \1", "joe@home, ann@work"), re.subn("a", "b", "aaa", 2))
print(re.sub(r"\d", lambda m: str(int(m.group()) * 2), "a1b2c3"))
print(re.split(r"[,;]\s*", "a, b;c,  d"), re.split(r"(,)", "a,b,c", 1), re.split(r"x*", "axbc"))
print(re.fullmatch(r"a|ab", "ab"), re.fullmatch(r"\d+", "12a"))
print([m.span() for m in re.finditer(r"\b\w", "hi there you")])
print(re.sub("x*", "-", "abxd"), re.findall("", "abc"), re.sub("", "-", "abc"))
print(re.compile("a+", re.I), re.compile("a").flags, re.I | re.M, re.compile(r"(?i)x").flags)
print(re.escape("a.b*c?d (e) [f] 1-2"), re.findall(r"(?i)straße", "STRASSE straße Straße"))
print(re.match(r"^(\d{3})-(\d{4})$", "555-1234").groups(), re.search(r"(?<=\$)\d+", "cost $42").group())
print(re.search(r"(?m)^b$", "a\nb\nc").span(), re.search(r"a.c", "a\nc"), re.search(r"(?s)a.c", "a\nc").span())
print(re.sub(r"(?P<w>\w+)", r"<\g<w>>", "a bc"), re.sub(r"(a)(b)?", r"[\2]", "a ab"))
print(re.findall(r"[\w.-]+@[\w.-]+\.\w+", "x a.b@c.org y q@r.io"))
print(re.search(r"(a+)+b", "aaaab").span(), re.search(r"\s+$", "abc  \n").span())
print(re.match(r"(?x) a  b # comment\n c", "abc"))
for bad in ["(a", "a)", "*a", "a**", "[a", r"\q", "(?<=a+)b", "(?P<1>x)", r"(a)\2", "a{3,2}", "(?P=nope)", "x(?i)y"]:
    try:
        re.compile(bad)
    except re.error as e:
        print(repr(bad), "->", e, e.pos)
try:
    re.sub("(a)", r"\2", "a")
except re.error as e:
    print(e)
print(re.compile(r"\d").sub("#", "a1b2", count=1), re.compile("b").search("abc", 2), re.compile("b").search("abc", 1).span())
print(re.match("a", "ba", pos=1) if False else re.compile("a").match("ba", 1))
