# __repr__/__str__/__format__ fallbacks and containers
class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"
class OnlyStr:
    def __str__(self):
        return "only-str"
class Both:
    def __repr__(self):
        return "Both-repr"
    def __str__(self):
        return "Both-str"
for o in (OnlyRepr(), Both()):
    print(str(o), repr(o), f"{o}", f"{o!r}", "%s|%r" % (o, o), [o], (o,), {"k": o}, "{}".format(o))
o = OnlyStr()
print(str(o), repr(o).startswith("<__main__.OnlyStr object at 0x"), [o][0] is o)
class Fmt:
    def __format__(self, spec):
        return f"Fmt({spec!r})"
print(format(Fmt(), "x>5"), f"{Fmt():abc}", "{:zz}".format(Fmt()))
try:
    format(object(), "x")
except TypeError as e:
    print("TypeError:", e)
print(format(OnlyRepr(), ""), format(Both()))
class Rec:
    def __init__(self):
        self.children = []
    def __repr__(self):
        return f"Rec({self.children!r})"
r = Rec()
r.children.append(Rec())
print(r)
lst = [1]
lst.append(lst)
d = {"self": None}
d["self"] = d
print(lst, d)
import reprlib
print(reprlib.repr(list(range(100))), reprlib.repr("x" * 100))
class Sub(int):
    def __repr__(self):
        return "Sub(%d)" % self
print(Sub(5), repr(Sub(5)), str(Sub(5)), [Sub(1)], Sub(2) + 1)
class StrSub(str):
    pass
print(repr(StrSub("abc")), StrSub("x") * 2, type(StrSub("q").upper()).__name__)
class ListSub(list):
    pass
print(ListSub([1, 2]), repr(ListSub()))
class DictSub(dict):
    def __repr__(self):
        return "DictSub" + super().__repr__()
print(DictSub(a=1), str(DictSub()))
print(repr(int), repr(type), str(object), repr(OnlyRepr), OnlyRepr.__name__)
print(repr(len), repr(print)[:25], str(None), repr(NotImplemented), repr(Ellipsis))
