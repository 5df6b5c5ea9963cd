# metaclasses, type(), __init_subclass__, __class_getitem__, __prepare__
class Registry(type):
    classes = []
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, ns)
        mcls.classes.append(name)
        return cls
    def __init__(cls, name, bases, ns, **kw):
        super().__init__(name, bases, ns)
        cls.tag = kw.get("tag", "none")
    def __call__(cls, *a, **k):
        print("creating", cls.__name__)
        return super().__call__(*a, **k)
    def __repr__(cls):
        return "<class %s tagged %s>" % (cls.__name__, cls.tag)
class Base(metaclass=Registry):
    pass
class Child(Base, tag="special"):
    def __init__(self, v=0):
        self.v = v
print(Registry.classes, Base, Child, Child(5).v, type(Child) is Registry, isinstance(Child, type))
class Plugin:
    plugins = []
    def __init_subclass__(cls, name=None, **kw):
        super().__init_subclass__(**kw)
        cls.plugin_name = name or cls.__name__.lower()
        Plugin.plugins.append(cls.plugin_name)
class CSV(Plugin, name="csv"):
    pass
class JSON(Plugin):
    pass
print(Plugin.plugins, CSV.plugin_name, JSON.plugin_name)
class Box:
    def __class_getitem__(cls, item):
        return f"Box[{item.__name__ if isinstance(item, type) else item}]"
print(Box[int], Box["x"], list[int], dict[str, int])
Dyn = type("Dyn", (object,), {"a": 1, "double": lambda self: self.a * 2})
print(Dyn().double(), Dyn.__name__, Dyn.__bases__)
class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        print("prepare", name)
        return {"injected": True}
    def __new__(mcls, name, bases, ns):
        return super().__new__(mcls, name, bases, dict(ns))
class P(metaclass=OrderedMeta):
    x = 1
print(P.injected, P.x)
class Singleton(type):
    _inst = {}
    def __call__(cls, *a):
        if cls not in cls._inst:
            cls._inst[cls] = super().__call__(*a)
        return cls._inst[cls]
class Config(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
print(Config(1).v, Config(2).v, Config(3) is Config(4))
class Validated(type):
    def __new__(mcls, name, bases, ns):
        for k, v in ns.items():
            if k.startswith("get_") and not callable(v):
                raise TypeError(f"{k} must be callable")
        return super().__new__(mcls, name, bases, ns)
try:
    class Bad(metaclass=Validated):
        get_x = 5
except TypeError as e:
    print("TypeError:", e)
print(type(type), type(object), type.__mro__, Registry.__mro__[1].__name__, issubclass(Registry, type))
class WithAbstract:
    def __init_subclass__(cls, **kw):
        if "run" not in cls.__dict__:
            raise TypeError(cls.__name__ + " must define run")
try:
    class NoRun(WithAbstract):
        pass
except TypeError as e:
    print("TypeError:", e)
print(type.__call__(Dyn).a, type(5)(7), type("s")("x"))
