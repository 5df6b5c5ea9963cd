# re: sre's matching rules: repeats and empty iterations, alternation order,
# backreferences, look-around, anchors, classes, case folding, ASCII, empty matches.
import re
tests = [
    (r"(a|b)*c", "ababc"), (r"(a|b)*?c", "ababc"), (r"(ab)*", "ababab"), (r"(a*)*", "b"), (r"(a*)+", "b"),
    (r"(a*|b)*", "ab"), (r"(?:a|ab)(?:c|bcd)(d*)", "abcd"), (r"a{,2}", "aaa"), (r"a{2}", "aaa"), (r"x{2,}?", "xxxx"),
    (r"\bfoo\b", "a foo b"), (r"\Bo\B", "foo"), (r"[]a]", "]"), (r"[^]]+", "ab]"), (r"[\]]", "]"),
    (r"\x41\u00e9\U0001F600", "Aé😀"), (r"\0", "\0"), (r"[\d\s]+", "1 2\t3"), (r"\W+", "ab!?cd"), (r"\D\S", "a1 b"),
    (r"(?i)[a-c]+", "ABCd"), (r"(?i)é", "É"), (r"(?a)\w+", "aé"), (r"\w+", "aé_1"), (r"(?i:a)B", "AB"), (r"(?i:a)B", "Ab"),
    (r"(\d+)\.\1", "12.12"), (r"(?P<q>['\"]).*?(?P=q)", "say 'hi' now"), (r"(?<!x)y", "xyay"), (r"(?=(\w+))\w", "abc"),
    (r"^$", ""), (r"$", "a\n"), (r"\Z", "a\n"), (r"a\Z", "a"), (r"(?m)$", "a\nb"), (r".+", "é😀x"), (r"😀+", "x😀😀"),
    (r"(a)|(b)", "b"), (r"(?:(a)|b)+", "ab"), (r"(a)?b", "b"), (r"((a)|b)+", "ab"),
]
for p, s in tests:
    m = re.search(p, s)
    print(repr(p), m and (m.span(), m.groups()), re.findall(p, s))
print(re.sub(r"(?m)^", "> ", "a\nb"), re.split(r"\b", "hi you"), re.sub(r"\b", "|", "ab cd"))
print(re.findall(r"\d*", "a12b"), re.sub(r"a|", "-", "bab"))
print(re.match(r"(?P<a>x)(?P<b>y)?", "x").groupdict("-"), re.match("(x)(y)?", "x").groups(0))
m = re.match(r"(\w+)\s(\w+)", "Isaac Newton")
print(m.expand(r"\2, \1"), m.expand(r"\g<2>\n"), m.regs, m.re.pattern, m.string, m.pos, m.endpos)
try:
    m.group(5)
except IndexError as e:
    print("IndexError", e)
print(re.compile(r"(?P<x>a)(b)").groupindex, re.compile("(a)(b)").groups)
print(repr(re.compile("a", re.I | re.S)), repr(re.I), str(re.M))
