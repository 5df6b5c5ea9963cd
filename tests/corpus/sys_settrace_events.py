# sys.settrace: call, line, return and exception events of plain functions, loops,
# generators and handled exceptions, in CPython 3.11's order and with its line numbers.
import sys

events = []


def tracer(frame, event, arg):
    events.append((frame.f_code.co_name, event, frame.f_lineno, arg if event == "return" else None))
    if frame.f_code.co_name == "skipped":
        return None
    return tracer


def add(a, b):
    c = a + b
    return c


def loop(n):
    t = 0
    for i in range(n):
        t += i
    return t


def gen(n):
    for i in range(n):
        yield i * 2


def skipped():
    x = 1
    return x


def boom():
    raise ValueError("x")


def catcher():
    try:
        boom()
    except ValueError:
        pass
    return "ok"


sys.settrace(tracer)
add(1, 2)
loop(2)
list(gen(2))
skipped()
catcher()
sys.settrace(None)
print(sys.gettrace())
for e in events:
    print(e)
