# Traceback and frame objects: the chain an exception collects on its way out, and what a
# stored traceback keeps alive (the finished activation's variables).
import gc
import sys


def inner(x):
    y = x * 2
    return 1 / 0


def outer():
    z = "zz"
    try:
        inner(5)
    except ZeroDivisionError as e:
        return e


e = outer()
tb = e.__traceback__
print(type(tb).__name__, sys.getsizeof(tb), tb.tb_lineno, tb.tb_lasti >= 0)
print(tb.tb_frame.f_code.co_name, tb.tb_next.tb_frame.f_code.co_name, tb.tb_next.tb_next)
print(tb.tb_next.tb_lineno)
f = tb.tb_next.tb_frame
print(type(f).__name__, f.f_lineno, f.f_locals, f.f_back is tb.tb_frame)
print(sorted(tb.tb_frame.f_locals))
print(sys.getsizeof(f), sys.getsizeof(tb.tb_frame))
print(gc.is_tracked(tb), gc.is_tracked(f))
print(f.f_globals is globals(), f.f_code is inner.__code__)

# __traceback__ and with_traceback.
print(e.with_traceback(None) is e, e.__traceback__)
e.__traceback__ = tb
print(e.__traceback__ is tb)
try:
    e.__traceback__ = 5
except TypeError as x:
    print(x)
print(ValueError().__traceback__)


# A stored traceback keeps the finished activation's variables alive.
class Big:
    def __del__(self):
        print("Big freed")


def keeps():
    b = Big()
    raise KeyError("k")


try:
    keeps()
except KeyError as err:
    saved = err
print("handler done")
del saved
print("saved dropped")

# Re-raising adds one entry per frame passed, a bare raise none for its own frame.
def reraiser():
    try:
        inner(1)
    except ZeroDivisionError:
        raise


try:
    reraiser()
except ZeroDivisionError as err:
    t = err.__traceback__
    names = []
    while t is not None:
        names.append((t.tb_frame.f_code.co_name, t.tb_lineno))
        t = t.tb_next
    print(names)

# sys.exc_info() hands out the same traceback. (The cycle that storing the exception in
# a local makes is memory/canon_exception_local.py.)
try:
    1/0
except ZeroDivisionError:
    t, v, tb = sys.exc_info()
    print(t.__name__, tb is v.__traceback__, tb.tb_lineno)

# f_locals of a finished frame shows captured arguments and cells by their values.
def f(x, y):
    z = 3
    def g():
        return x + z
    w = 4
    1 / 0
try:
    f(1, 2)
except ZeroDivisionError as e:
    fr = e.__traceback__.tb_next.tb_frame
    print(sorted(fr.f_locals), fr.f_locals['x'], fr.f_locals['z'], list(fr.f_locals)[:2])
