# validating descriptors, __set_name__, class-level registries
class Field:
    def __set_name__(self, owner, name):
        self.name = name
        self.storage = "_" + name
        owner._fields = getattr(owner, "_fields", []) + [name]
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.storage)
    def __set__(self, obj, value):
        self.validate(value)
        setattr(obj, self.storage, value)
    def validate(self, value):
        pass
class Integer(Field):
    def __init__(self, minimum=None):
        self.minimum = minimum
    def validate(self, value):
        if not isinstance(value, int) or isinstance(value, bool):
            raise TypeError(f"{self.name} must be int, got {type(value).__name__}")
        if self.minimum is not None and value < self.minimum:
            raise ValueError(f"{self.name} must be >= {self.minimum}")
class String(Field):
    def __init__(self, maxlen):
        self.maxlen = maxlen
    def validate(self, value):
        if not isinstance(value, str):
            raise TypeError(f"{self.name} must be str")
        if len(value) > self.maxlen:
            raise ValueError(f"{self.name} longer than {self.maxlen}")
class Model:
    def __init__(self, **kw):
        for k in self._fields:
            setattr(self, k, kw[k])
    def __repr__(self):
        return f"{type(self).__name__}(" + ", ".join(f"{k}={getattr(self, k)!r}" for k in self._fields) + ")"
class Product(Model):
    name = String(10)
    qty = Integer(minimum=0)
    price = Integer(minimum=1)
p = Product(name="widget", qty=3, price=250)
print(p, Product._fields, type(Product.qty).__name__)
for field, bad in [("qty", -1), ("qty", "3"), ("name", "x" * 20), ("name", 5), ("price", 0), ("qty", True)]:
    try:
        setattr(p, field, bad)
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
p.qty += 10
print(p, vars(p))
class Lazy:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
    def __get__(self, obj, cls):
        if obj is None:
            return self
        val = self.fn(obj)
        obj.__dict__[self.name] = val
        print("computed", self.name)
        return val
class Report:
    @Lazy
    def data(self):
        return [1, 2, 3]
r = Report()
print(r.data, r.data, "data" in vars(r))
class ReadOnly:
    def __init__(self, v):
        self.v = v
    def __get__(self, obj, cls):
        return self.v
    def __set__(self, obj, value):
        raise AttributeError("read-only attribute")
class Cfg:
    version = ReadOnly("1.0")
c = Cfg()
try:
    c.version = "2.0"
except AttributeError as e:
    print("AttributeError:", e)
print(c.version, Cfg.version)
