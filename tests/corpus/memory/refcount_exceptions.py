# exceptions and tracebacks hold references; except-clause names are deleted
import sys
class T:
    pass
v = T()
base = sys.getrefcount(v)
def raiser(o):
    raise ValueError(o)
try:
    raiser(v)
except ValueError as e:
    print("inside except", sys.getrefcount(v) - base, e.args[0] is v)
print("after except", sys.getrefcount(v) - base)
print("name e bound:", 'e' in dir())
saved = None
try:
    raiser(v)
except ValueError as e:
    saved = e
print("saved exception", sys.getrefcount(v) - base)
saved.__traceback__ = None
print("traceback dropped", sys.getrefcount(v) - base)
saved = None
print("exception dropped", sys.getrefcount(v) - base)
def local_frame_holder(o):
    try:
        raise KeyError('x')
    except KeyError as exc:
        return exc
ex = local_frame_holder(v)
print("frame kept via traceback", sys.getrefcount(v) - base)
ex.__traceback__ = None
print("traceback cleared", sys.getrefcount(v) - base)
del ex
print("end", sys.getrefcount(v) - base)
