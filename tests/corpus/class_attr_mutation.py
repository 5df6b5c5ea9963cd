# class attributes vs instance attributes, mutation through instances, mappingproxy
class Config:
    defaults = {"debug": False}
    tags = []
    level = 1
a, b = Config(), Config()
a.level = 5
a.tags.append("shared!")
a.defaults = {"debug": True}
print(a.level, b.level, Config.level, b.tags, Config.tags, a.defaults, b.defaults)
Config.level = 9
print(a.level, b.level, "level" in vars(a), "level" in vars(b))
del a.level
print(a.level)
try:
    del b.level
except AttributeError as e:
    print("AttributeError:", e)
print(type(Config.__dict__).__name__)
try:
    Config.__dict__["level"] = 3
except TypeError as e:
    print("TypeError:", e)
setattr(Config, "new_attr", "added")
print(a.new_attr, hasattr(b, "new_attr"), sorted(k for k in Config.__dict__ if not k.startswith("__")))
del Config.new_attr
print(hasattr(a, "new_attr"))
class Sub(Config):
    pass
Sub.level = 100
print(Sub.level, Config.level, Sub().level, Sub.tags is Config.tags)
def added_method(self):
    return "added method, level=%d" % self.level
Config.describe = added_method
print(a.describe(), Sub().describe())
Config.describe = staticmethod(lambda: "now static")
print(a.describe(), Config.describe())
class Counter:
    count = 0
    def __init__(self):
        self.count += 1
c1 = Counter()
c2 = Counter()
print(c1.count, c2.count, Counter.count)
class Counter2:
    count = 0
    def __init__(self):
        type(self).count += 1
Counter2(); Counter2()
print(Counter2.count)
class WithName:
    pass
WithName.__name__ = "Renamed"
print(WithName.__name__, WithName.__qualname__, repr(WithName()).split(" ")[0])
try:
    WithName.__name__ = 5
except TypeError as e:
    print("TypeError:", e)
int_attrs = [n for n in ("real", "imag", "numerator") if hasattr(int, n)]
print(int_attrs)
try:
    int.new = 1
except TypeError as e:
    print("TypeError:", e)
try:
    (1).new = 1
except AttributeError as e:
    print("AttributeError:", e)
