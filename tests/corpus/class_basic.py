# classes: attributes, methods, class vs instance attributes
class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age=1):
        self.name = name
        self.age = age
        Dog.count += 1
    def bark(self, times=1):
        return " ".join(["woof"] * times) + " from " + self.name
    def birthday(self):
        self.age += 1
        return self
d1 = Dog("rex")
d2 = Dog("fido", 5)
print(d1.bark(), d2.bark(3), Dog.count, d1.species, Dog.species)
print(d1.birthday().birthday().age, d2.age)
d1.species = "wolf"
print(d1.species, d2.species, Dog.species)
del d1.species
print(d1.species)
print(type(d1).__name__, type(d1) is Dog, isinstance(d1, Dog), isinstance(d1, object), Dog.__name__, Dog.__qualname__)
print(sorted(vars(d2).items()), sorted(d2.__dict__), Dog.__module__)
print([n for n in dir(Dog) if not n.startswith("__")])
print([n for n in dir(d2) if not n.startswith("__")])
bm = d2.bark
print(bm(2), bm.__self__ is d2, bm.__func__ is Dog.bark, Dog.bark(d2))
print(getattr(d1, "name"), getattr(d1, "missing", "dflt"), hasattr(d1, "age"), hasattr(d1, "zzz"))
setattr(d1, "color", "brown")
print(d1.color)
delattr(d1, "color")
print(hasattr(d1, "color"))
try:
    d1.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog.nothing
except AttributeError as e:
    print("AttributeError:", e)
try:
    Dog()
except TypeError as e:
    print("TypeError:", e)
try:
    d1.bark(1, 2)
except TypeError as e:
    print("TypeError:", e)
class Empty:
    pass
e = Empty()
e.x = 1
e.y = [1, 2]
print(vars(e), Empty.__bases__, Empty.__mro__)
class Nested:
    class Inner:
        val = 42
    def get(self):
        return self.Inner.val
print(Nested().get(), Nested.Inner.__qualname__)
def method_outside(self):
    return "patched " + self.name
Dog.patched = method_outside
print(d1.patched())
class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, k=1):
        self.n += k
        return self.n
c = Counter()
print(c(), c(), c(10), callable(c), callable(d1))
print(repr(d1).startswith("<__main__.Dog object at 0x"), str(d1) == repr(d1))
class WithClassAttrList:
    items = []
    def add(self, x):
        self.items.append(x)
a, b = WithClassAttrList(), WithClassAttrList()
a.add(1); b.add(2)
print(a.items, b.items, a.items is b.items)
print(Dog.__dict__["species"], "bark" in Dog.__dict__, type(Dog.__dict__).__name__)
