import os.path as p
from sys import argv, path as pp
x = 1
def f(a, b=2, *args, c, d=4, **kw):
    "doc"
    y = a + b
    def g():
        nonlocal y
        y += 1
        return y
    return g
class C(Base, metaclass=M):
    z: int = 3
    def m(self):
        return super().m(__class__)
try:
    f(1, *argv, c=3, **{})
except ValueError as e:
    print(e)
except:
    pass
else:
    x = 2
finally:
    x = 3
with open("f") as fh, open("g"):
    for i in range(10):
        if i and not x or i is None:
            break
        continue
print(f"{x!r:>{10}} {x=}")
l = [i*j for i in range(3) for j in range(i) if j]
gen = (i for i in l)
a, *b, c = l
d[1:2] += 3
del a, d[0], f.x
assert x, "m"
lambda q: q + x
def describe(obj):
    match obj:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case [x, y]:
            return f"pair {x},{y}"
        case {"k": v, **rest}:
            return f"dict k={v}"
        case (str() as s) | (bytes() as s):
            return "str " + s
        case _:
            return "other"
async def fa(xs):
    async with a as b, c:
        async for x in xs:
            await g(x)
            break
    r = [y async for y in xs if await p(y)]
    return (z async for z in xs)
def h():
    try:
        pass
    except* ValueError as e:
        print(e)
    except* (TypeError, KeyError):
        pass
