# staticmethod/classmethod objects built by their constructors copy the callable's
# attributes into their own dict (sm_dict, 3.10+), which makes them 48 bytes plus a dict,
# and take part in cycles through it.
import sys, gc
def f(x: int): 'doc'
sm = staticmethod(f)
print(sm.__dict__)
print(sm.__wrapped__ is f, sm.__func__ is f, sm.__isabstractmethod__)
cm = classmethod(f)
print(sorted(cm.__dict__))
sm.x = 5; print(sm.x, sys.getsizeof(sm), sys.getsizeof(sm.__dict__))
print(staticmethod(f).__annotations__ is f.__annotations__)
class A:
    @staticmethod
    def s(): pass
    @classmethod
    def c(cls): return cls.__name__
print(A.__dict__['s'].__name__, A.s.__qualname__, A.c(), A.__dict__['c'].__qualname__)
try:
    staticmethod(f).nope
except AttributeError as e:
    print(e)
# A cycle through the attribute dict is collected.
gc.collect()
s = staticmethod(f)
s.me = s
del s
print(gc.collect())
