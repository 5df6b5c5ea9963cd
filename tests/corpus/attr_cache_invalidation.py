# Attribute and method lookups repeated from the same instructions must follow every
# change to classes and instances (the eval loop caches where it found them).


class Base:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def name(self):
        return "base"


class A(Base):
    def name(self):
        return "A"


class B(Base):
    pass


class C(Base):
    def __init__(self, v):
        super().__init__(v)
        self.extra = 1


class D(Base):
    pass


def read_all(objs):
    return [(o.v, o.get(), o.name()) for o in objs]


def write_all(objs, x):
    for o in objs:
        o.v = x


objs = [A(1), B(2), C(3), D(4), Base(5)]
for _ in range(3):
    print(read_all(objs))
write_all(objs, 7)
print(read_all(objs))

# A method defined later on a subclass overrides the base's for the same call site.
B.name = lambda self: "B!"
print(read_all(objs))
del B.name
print(read_all(objs))

# An instance attribute shadows a method, then goes away again.
b = objs[1]
b.name = lambda: "instance"
print(read_all(objs))
del b.name
print(read_all(objs))

# A property on the class takes over from the instance value.
def vprop(self):
    return "prop"


D.v = property(vprop, lambda self, x: None)
print(read_all(objs))
write_all(objs, 8)
print(read_all(objs))
del D.v
print(read_all(objs))

# Materialising __dict__ moves the values; the cached reads still find them.
c = objs[2]
d = c.__dict__
d["v"] = "from dict"
print(read_all(objs))
write_all(objs, 9)
print(read_all(objs), d["v"])

# __getattr__ only for missing attributes; a class-level __getattribute__ wins.
class G(Base):
    def __getattr__(self, n):
        return "missing " + n


g = G(10)
for _ in range(2):
    print(g.v, g.other)
del g.v
print(g.v)
G.__getattribute__ = lambda self, n: "ga " + n
print(g.v, g.name)
del G.__getattribute__
print(g.v, g.get.__name__)

# __setattr__ added to the class after the store site was seen.
class S(Base):
    pass


s = S(1)
for i in range(3):
    s.v = i
print(s.v)
S.__setattr__ = lambda self, n, x: object.__setattr__(self, n, x * 10)
s.v = 5
print(s.v)

# A class replaced by a new one at the same site (fresh classes, same names).
for round_ in range(3):
    class K:
        def __init__(self):
            self.a = round_

        def m(self):
            return self.a * 2

    k = K()
    print(k.a, k.m())

# Many classes through one site.
classes = [type("T%d" % i, (Base,), {}) for i in range(10)]
print(sum(cls(i).get() for i, cls in enumerate(classes) for _ in range(3)))

# __slots__ values read and written from one site, through changes to the classes.
class SA:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


class SB(SA):
    __slots__ = ("c",)


class SC(SA):
    pass


def touch(objs, v):
    out = []
    for o in objs:
        o.a = v
        out.append(o.a)
        try:
            out.append(o.b)
        except AttributeError as e:
            out.append(str(e))
    return out


sobjs = [SA(1), SB(2), SC(3)]
for v in range(3):
    print(touch(sobjs, v))
sobjs[2].b = "set"
del sobjs[0].a
try:
    sobjs[0].a
except AttributeError as e:
    print(e)
print(touch(sobjs, 9))
SC.a = property(lambda self: "prop a", lambda self, v: None)
print(touch(sobjs, 10))
del SC.a
print(touch(sobjs, 11))
