# generator send/throw/close
def accumulator():
    total = 0
    while True:
        try:
            v = yield total
        except ValueError as e:
            print("caught in gen:", e)
            total = 0
            continue
        except GeneratorExit:
            print("GeneratorExit, total", total)
            raise
        if v is None:
            break
        total += v
    return total
a = accumulator()
print(next(a), a.send(5), a.send(10))
print(a.throw(ValueError("reset")))
print(a.send(3))
a.close()
a.close()
print("closed")
try:
    a.send(1)
except StopIteration:
    print("StopIteration after close")
b = accumulator()
try:
    b.send(1)
except TypeError as e:
    print("TypeError:", e)
next(b)
try:
    b.throw(KeyError("k"))
except KeyError as e:
    print("KeyError propagated", e)
try:
    next(b)
except StopIteration:
    print("dead after throw")
def ignore_exit():
    while True:
        try:
            yield 1
        except GeneratorExit:
            print("ignoring GeneratorExit")
g = ignore_exit()
next(g)
try:
    g.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def final_yield():
    try:
        yield "a"
    finally:
        print("cleanup")
f = final_yield()
next(f)
f.close()
def unstarted():
    print("never")
    yield
u = unstarted()
u.close()
print("closed unstarted")
try:
    unstarted().throw(IndexError("x"))
except IndexError as e:
    print("IndexError on unstarted:", e)
def returns_on_close():
    try:
        yield 1
    except GeneratorExit:
        return "ret"
r = returns_on_close()
next(r)
print(r.close())
def echo():
    r = None
    while True:
        r = yield r
        if r == "stop":
            return "stopped"
        r = r * 2
e = echo()
next(e)
print([e.send(i) for i in (1, "x", [0])])
try:
    e.send("stop")
except StopIteration as s:
    print(s.value)
def thrower():
    try:
        yield
    except Exception as ex:
        yield "handled " + type(ex).__name__
t = thrower()
next(t)
print(t.throw(ZeroDivisionError))
print(t.throw(TypeError, TypeError("legacy"), None) if False else "skip legacy")
