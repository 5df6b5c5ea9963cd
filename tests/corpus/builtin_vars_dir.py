# vars() and dir() on user classes/instances/modules (filtered to non-dunder names)
class Base:
    base_attr = 1
    def base_method(self):
        pass
class Derived(Base):
    derived_attr = 2
    __slots__ = ()
    def derived_method(self):
        pass
    @property
    def prop(self):
        return 3
    @staticmethod
    def smeth():
        pass
class Plain(Base):
    def __init__(self):
        self.z_inst = 1
        self.a_inst = 2
def public(names):
    return [n for n in names if not n.startswith("__")]
print(public(dir(Base)), public(dir(Derived)))
p = Plain()
p.dynamic = 3
print(public(dir(p)), vars(p), list(vars(p)))
print(sorted(public(vars(Derived))), "base_attr" in vars(Derived), "base_attr" in dir(Derived))
import math
print([n for n in dir(math) if n.startswith("is")], "pi" in vars(math))
class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "beta"]
print(dir(WithDir()))
def fn():
    pass
fn.custom = "attr"
print(vars(fn), public(dir(fn)).__len__() >= 1)
print(public(dir(5))[:6], public(dir("s"))[:5], public(dir([])), public(dir({}))[:6])
x = 1
def local_dir():
    a = 1
    b = 2
    return dir()
print(local_dir())
class Meta(type):
    meta_attr = 1
class WithMeta(metaclass=Meta):
    own = 2
print(public(dir(WithMeta)), hasattr(WithMeta, "meta_attr"), "meta_attr" in dir(WithMeta))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
print(type(vars(Plain)).__name__, vars(Plain)["__init__"].__name__)
