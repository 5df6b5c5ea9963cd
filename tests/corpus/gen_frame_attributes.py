# gi_frame (a real frame object: code, line, variables read while suspended), gi_yieldfrom
# and gi_suspended of generators before, during and after their run.
def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield i


g = gen(3)
print(g.gi_suspended, g.gi_running, g.gi_frame is not None, g.gi_yieldfrom)
f = g.gi_frame
print(f.f_code.co_name, f.f_lineno, sorted(f.f_locals))
next(g)
print(g.gi_suspended, g.gi_frame is f, g.gi_frame.f_lineno, sorted(g.gi_frame.f_locals.items()))
next(g)
print(sorted(g.gi_frame.f_locals.items()), f.f_lasti > 0)


def outer():
    yield from inner()


def inner():
    yield 1
    yield 2


o = outer()
print(o.gi_yieldfrom)
next(o)
print(type(o.gi_yieldfrom).__name__, o.gi_yieldfrom.__name__, o.gi_yieldfrom.gi_frame.f_lineno)
list(o)
print(o.gi_yieldfrom, o.gi_frame, o.gi_suspended)
list(g)
print(g.gi_frame, g.gi_suspended)
g2 = gen(2)
g2.close()
print(g2.gi_frame)
