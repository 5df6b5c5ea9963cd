# with statements and context managers
class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress

with CM("a") as v:
    print("body", v)
with CM("b") as x, CM("c") as y:
    print("body", x, y)
with CM("d", suppress=True):
    raise ValueError("swallowed")
print("after d")
try:
    with CM("e"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))

def early():
    with CM("f"):
        return "returned"
print(early())
for i in range(3):
    with CM("loop%d" % i):
        if i == 1:
            continue
        if i == 2:
            break
        print("loop body", i)

from contextlib import contextmanager, suppress

@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name * 2
    finally:
        print("</%s>" % name)

with tag("p") as t:
    print("inside", t)
with suppress(ZeroDivisionError):
    1 / 0
print("suppressed")
try:
    with tag("q"):
        raise RuntimeError("boom")
except RuntimeError as e:
    print("propagated", e)

class Res:
    count = 0
    def __enter__(self):
        Res.count += 1
        return self
    def __exit__(self, *a):
        Res.count -= 1
        return False
with Res() as r1:
    with Res() as r2:
        print("open", Res.count)
print("open", Res.count)
with (CM("g") as g1,
      CM("h") as g2):
    print(g1 + g2)
