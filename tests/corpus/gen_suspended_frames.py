# A generator's frame between runs: its frame object (from sys._getframe inside it)
# shows the variables and line where it stopped; gi_code outlives the frame; a
# generator cannot be re-entered; finalizers run as its frame ends see it exhausted.
import gc
import sys


def walker(items):
    total = 0
    for x in items:
        total += x
        yield sys._getframe()


w = walker([1, 2, 3])
fr = next(w)
print(fr.f_code.co_name, sorted(fr.f_locals.items(), key=str), fr.f_lineno)
next(w)
print(sorted(fr.f_locals.items(), key=str))
w.close()
print(w.gi_frame, w.gi_code.co_name, w.gi_suspended, fr.f_lineno)


def recursive(n):
    yield from recursive(n + 1)


try:
    next(recursive(0))
except RecursionError as e:
    print(type(e).__name__, e)


def reenter():
    try:
        again.send(None)
    except ValueError as e:
        yield str(e)


again = reenter()
print(next(again))


def measure():
    x = [1]
    x.append(x)
    gc.collect()
    yield sys.getsizeof(me), me.gi_running
    yield sys.getsizeof(me)


me = measure()
print(next(me), next(me), sys.getsizeof(me))
me.close()
print(sys.getsizeof(me), me.gi_code.co_name)


class Watcher:
    def __del__(self):
        print("finalizer sees", next(watched, "exhausted"), watched.gi_frame)


def owner():
    w = Watcher()
    yield 1


watched = owner()
next(watched)
print(list(watched))


def gone():
    global doomed
    del doomed
    yield "still running"


doomed = gone()
print(next(doomed))

g = (i * i for i in range(4))
print(g.gi_code.co_name, list(g), g.gi_code.co_name, g.gi_frame, g.gi_running)


def closes_itself():
    try:
        yield 1
    finally:
        me_too.close()


me_too = closes_itself()
next(me_too)
try:
    me_too.close()
except ValueError as e:
    print("close inside close:", e, me_too.gi_frame)
