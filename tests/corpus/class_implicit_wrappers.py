# type_new turns plain __new__, __init_subclass__ and __class_getitem__ functions into
# static and class methods; plain classes still construct through object.__new__.
class Box:
    def __new__(cls, *a):
        return super().__new__(cls)
    def __init_subclass__(cls, **kw):
        print("subclass", cls.__name__, kw)
    def __class_getitem__(cls, item):
        return f"{cls.__name__}[{item!r}]"
print(type(Box.__dict__['__new__']).__name__, type(Box.__dict__['__init_subclass__']).__name__,
      type(Box.__dict__['__class_getitem__']).__name__)
print(Box[int], Box["x"], type(Box()).__name__)
class Sub(Box, tag=1):
    pass
print(Sub[0])
class Plain:
    def __init__(self, v):
        self.v = v
print(Plain(3).v, '__new__' in Plain.__dict__)
print(staticmethod(print).__func__ is print)
