# sys.settrace over while/else, with, comprehensions, lambdas, if/elif/else, yield
# from, try/finally, methods and generator.close(); frame.f_locals inside a tracer; a
# tracer that raises is removed and its exception propagates.
import sys

log = []


def tracer(frame, event, arg):
    name = frame.f_code.co_name
    if event == "exception":
        arg = arg[0].__name__
    elif event == "return" and not isinstance(arg, (int, str, type(None))):
        arg = type(arg).__name__
    log.append("%s %s %d %r" % (name, event, frame.f_lineno, arg))
    return tracer


class Res:
    def __enter__(self):
        return self

    def __exit__(self, *a):
        return False


def w(n):
    i = 0
    while i < n:
        i += 1
    else:
        i = -i
    with Res() as r:
        i += 1
    squares = [x * x for x in range(2)]
    f = lambda y: y + 1
    f(1)
    if i > 100:
        i = 0
    elif i < -100:
        i = 1
    else:
        i = 2
    return i


def deleg():
    yield 1
    yield from range(2)
    return 5


def inner():
    raise KeyError("k")


def outer():
    try:
        inner()
    finally:
        x = 1


def uses_locals(a):
    b = a * 2
    return b


class K:
    attr = 1

    def method(self):
        return self.attr


sys.settrace(tracer)
w(2)
list(deleg())
try:
    outer()
except KeyError:
    pass
uses_locals(3)
K().method()
g = deleg()
next(g)
g.close()
sys.settrace(None)
print("\n".join(log))

seen = []
def loc_tracer(frame, event, arg):
    if event == "line" and frame.f_code.co_name == "uses_locals":
        seen.append(sorted(frame.f_locals.items()))
    return loc_tracer
sys.settrace(loc_tracer)
uses_locals(4)
sys.settrace(None)
print(seen)


def bad_tracer(frame, event, arg):
    if event == "line":
        raise RuntimeError("tracer failed")
    return bad_tracer
sys.settrace(bad_tracer)
try:
    uses_locals(5)
except RuntimeError as e:
    print("caught", e, sys.gettrace())
print(sys.gettrace())
