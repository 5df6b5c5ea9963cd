# decorators: functions, with arguments, stacking, class decorators
import functools
calls = []
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        calls.append(fn.__name__)
        result = fn(*args, **kwargs)
        print(f"{fn.__name__}{args} -> {result!r}")
        return result
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
add("x", "y")
print(calls, add.__name__)
def repeat(n):
    def deco(fn):
        def inner(*a):
            return [fn(*a) for _ in range(n)]
        return inner
    return deco
@repeat(3)
def hello(name):
    return "hi " + name
print(hello("bob"))
def bold(fn):
    return lambda: "<b>" + fn() + "</b>"
def italic(fn):
    return lambda: "<i>" + fn() + "</i>"
@bold
@italic
def text():
    return "text"
print(text())
registry = {}
def register(name):
    def deco(cls):
        registry[name] = cls
        return cls
    return deco
@register("circle")
class Circle:
    pass
@register("square")
class Square:
    pass
print(sorted(registry), registry["circle"].__name__)
def add_repr(cls):
    def __repr__(self):
        return f"{cls.__name__}({', '.join(f'{k}={v!r}' for k, v in vars(self).items())})"
    cls.__repr__ = __repr__
    return cls
@add_repr
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y
print(Pt(1, "a"))
def count_calls(fn):
    def wrapper(*a):
        wrapper.count += 1
        return fn(*a)
    wrapper.count = 0
    return wrapper
@count_calls
def noop():
    pass
for _ in range(5):
    noop()
print(noop.count)
class Memo:
    def __init__(self, fn):
        self.fn = fn
        self.cache = {}
    def __call__(self, n):
        if n not in self.cache:
            self.cache[n] = self.fn(n)
        return self.cache[n]
@Memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), len(fib.cache))
class Cls:
    @staticmethod
    @trace
    def s(x):
        return x * 2
    @classmethod
    def c(cls):
        return cls.__name__
    @property
    @functools.lru_cache(maxsize=None)
    def p(self):
        return "prop"
print(Cls.s(4), Cls.c(), Cls().p)
def deco_with_optional(fn=None, *, prefix=">"):
    if fn is None:
        return lambda f: deco_with_optional(f, prefix=prefix)
    return lambda *a: prefix + str(fn(*a))
@deco_with_optional
def one():
    return 1
@deco_with_optional(prefix="#")
def two():
    return 2
print(one(), two())
