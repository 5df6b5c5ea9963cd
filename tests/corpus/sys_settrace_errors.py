# sys.settrace's errors: a non-callable tracer, a tracer raising at 'call', no events while
# a tracer runs, recursion, and the argument checks.
import sys


def f(x):
    return x + 1


sys.settrace(5)
try:
    f(1)
except TypeError as e:
    print("TypeError", e)
print(sys.gettrace())


def call_raiser(frame, event, arg):
    raise KeyError("in call")


sys.settrace(call_raiser)
try:
    f(1)
except KeyError as e:
    print("KeyError", e)
print(sys.gettrace())

depth = []


def nested(frame, event, arg):
    if event == "call":
        depth.append(frame.f_code.co_name)
        f(0)  # not traced: no events while a tracer runs
    return None


sys.settrace(nested)
f(2)
sys.settrace(None)
print(depth)


def rec(n):
    return n if n == 0 else rec(n - 1)


count = [0]


def counter(frame, event, arg):
    count[0] += 1
    return counter


sys.settrace(counter)
rec(50)
sys.settrace(None)
print(count[0])
try:
    sys.settrace()
except TypeError as e:
    print("TypeError", e)
try:
    sys.gettrace(1)
except TypeError as e:
    print("TypeError", e)
