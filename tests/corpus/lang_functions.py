# Functions: defaults, *args, **kwargs, keyword-only, positional-only
def f(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))

print(f(1, c=3))
print(f(1, 5, 6, 7, c=8))
print(f(1, 2, 3, c=4, d=5, e=6, g=7))
print(f(*[1, 2, 3], **{"c": 9, "z": 0}))

def pos_only(a, b, /, c, *, d):
    return a + b * c - d

print(pos_only(1, 2, 3, d=4))
print(pos_only(1, 2, c=10, d=1))

def defaults_shared(x, acc=[]):
    acc.append(x)
    return acc

print(defaults_shared(1))
print(defaults_shared(2))
print(defaults_shared(3, []))
print(defaults_shared(4))

def no_return():
    pass

print(no_return())

def multi():
    return 1, "two", [3]

a, b, c = multi()
print(a, b, c)

def count(*args):
    return len(args)

print(count(), count(1), count(*range(10)), count(*"hello", *[1, 2]))

def kwonly(*, x, y=10):
    return x * y

print(kwonly(x=3), kwonly(y=2, x=5))

def recurse(n):
    return 1 if n <= 1 else n * recurse(n - 1)

print(recurse(20))
print(f.__name__, recurse.__name__, f.__defaults__, f.__kwdefaults__)
print(f.__code__.co_argcount, f.__code__.co_kwonlyargcount)

def fib(n, memo={}):
    if n in memo:
        return memo[n]
    r = n if n < 2 else fib(n - 1) + fib(n - 2)
    memo[n] = r
    return r

print([fib(i) for i in range(15)], fib(90))

def annotated(x: int, y: "str" = "a") -> list:
    return [x, y]

print(annotated(1), sorted(annotated.__annotations__))

def doc():
    """This is a docstring."""
print(doc.__doc__)

def merge(**kw):
    return kw

print(merge(a=1, **{"b": 2}, c=3))
d = {"x": 1}
print(merge(**d, **{"y": 2}))
def apply(fn, *a, **k):
    return fn(*a, **k)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1, 2], reverse=True))
