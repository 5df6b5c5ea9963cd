# sys.getsizeof of less common objects (spec 7.1) and the __sizeof__ protocol
import sys, weakref, array, collections
gs = sys.getsizeof
class T:
    pass
t = T()
def f():
    return sys._getframe()
def outer():
    x = 1
    def inner():
        return x
    return inner
cell = outer().__closure__[0]
print("weakref ref/proxy:", gs(weakref.ref(t)), gs(weakref.proxy(t)))
print("array('i'):", gs(array.array("i")), gs(array.array("i", range(10))), gs(array.array("d", [1.0] * 4)))
print("deque/OrderedDict/defaultdict:", gs(collections.deque()), gs(collections.OrderedDict()), gs(collections.defaultdict()))
print("cell:", gs(cell), "slice:", gs(slice(1, 2, 3)), "range:", gs(range(5)))
print("code (small):", gs((lambda: None).__code__) > 100, "frame:", gs(f()) > 100)
print("method-wrapper:", gs(T().__repr__), "bound method:", gs(f.__get__(t)))
print("classmethod/staticmethod/property:", gs(classmethod(f)), gs(staticmethod(f)), gs(property(f)))
print("iterators:", gs(iter([])), gs(iter(())), gs(iter("")), gs(iter({})), gs(iter(set())), gs(iter(range(3))), gs(reversed([])))
print("enumerate/zip/map/filter:", gs(enumerate([])), gs(zip([], [])), gs(map(len, [])), gs(filter(None, [])))
print("dict views:", gs({}.keys()), gs({}.values()), gs({}.items()))
print("complex/bool/None:", gs(1 + 2j), gs(True), gs(None))
print("exception instances:", gs(Exception()), gs(ValueError("x")), gs(KeyError("k")), gs(StopIteration(1)), gs(OSError(2, "x")))
print("type objects:", gs(int), gs(object), gs(T) == gs(type("U", (), {})))
print("memoryview:", gs(memoryview(b"abc")))
class WithSizeof:
    def __init__(self, n):
        self.n = n
    def __sizeof__(self):
        return self.n
print("custom __sizeof__ (+16 GC +16 managed dict):", [gs(WithSizeof(n)) for n in (0, 1, 100)])
class SlotSizeof:
    __slots__ = ("n",)
    def __init__(self, n):
        self.n = n
    def __sizeof__(self):
        return self.n
print("slotted custom __sizeof__ (+16 GC):", [gs(SlotSizeof(n)) for n in (0, 7)])
class BigSizeof:
    def __sizeof__(self):
        return 2 ** 70
try:
    gs(BigSizeof())
except OverflowError as e:
    print("OverflowError:", e)
class NoSizeof:
    __sizeof__ = None
try:
    gs(NoSizeof())
except TypeError as e:
    print("TypeError:", type(e).__name__)
print("default on TypeError:", gs(NoSizeof(), -1))
class FloatSizeof:
    def __sizeof__(self):
        return 1.5
try:
    gs(FloatSizeof())
except TypeError as e:
    print("TypeError:", e)
print("int subclass:", gs(type("I", (int,), {})(5)), "str subclass:", gs(type("S", (str,), {})("ab")), "tuple subclass:", gs(type("Tu", (tuple,), {})((1, 2))))
print("object.__sizeof__:", object().__sizeof__(), (1).__sizeof__(), "abc".__sizeof__(), [].__sizeof__(), ().__sizeof__(), {}.__sizeof__())
