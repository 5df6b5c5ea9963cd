# truth values, short-circuit evaluation and conditional expressions
values = [0, 1, -1, 0.0, 0.1, "", "0", " ", [], [0], (), (None,), {}, {0: 0}, set(), {0}, None, range(0), range(1), b"", b"\x00", 0j, frozenset()]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy", not v)
def t(x):
    print("eval", x)
    return x
print(t(0) and t(1))
print(t(1) and t(2))
print(t(0) or t(3))
print(t(4) or t(5))
print(t(None) or t("") or t("last"))
print(t(1) and t(0) or t("fallback"))
r = [] or {} or ()
print(repr(r), 1 if [] else 0, "x" if "x" else "y")
class Weird:
    def __bool__(self):
        print("__bool__ called")
        return False
w = Weird()
print(w or "default", not w, bool(w))
if not w:
    print("not w")
while w:
    break
print(all([]), any([]), all([[]]), any([[]]), all([1, [1]]), any(["", 0, None, 0.0]))
x = None
y = x or "default"
z = x and x.attr
print(y, z)
lst = []
first = lst and lst[0]
print(repr(first))
print((lambda a: a or "empty")(""), (lambda a: a or "empty")("val"))
