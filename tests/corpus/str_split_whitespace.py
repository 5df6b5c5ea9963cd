# str.split()/rsplit() on white space as CPython's split_whitespace: at most maxsplit
# splits with the rest keeping its white space, and U+001C..U+001F counting as white
# space (also for strip() and isspace()).
print("a\x1cb c\x1fd\x85e\u2028f".split())
print("a\x1cb".rsplit(None, 1), " x  y ".split(None, 1), " x  y ".rsplit(None, 1))
for s_ in ["", "   ", " a ", "a  b\tc\n", "\x1c\x1da\x1eb\x1f", "x\xa0y\u3000z", "  lead and trail  "]:
    for m in (-1, 0, 1, 2, 5):
        print(repr(s_), m, s_.split(None, m), s_.rsplit(None, m), s_.split(maxsplit=m), s_.rsplit(" ", m))
print("a,b,,c".split(","), "a,b,,c".rsplit(",", 1), "a,b,,c".split(",", 0), "abc".split("abc"), "".split(","))
print(repr("\x1ca\x1c".strip()), repr("\x1fa ".lstrip()), repr(" a\x1e".rstrip()), "\x1c".isspace(), "\x85\xa0".isspace(), "\u200b".isspace(), "a\x1cb".splitlines())
