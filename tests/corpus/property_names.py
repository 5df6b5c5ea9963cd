# property objects: the name __set_name__ gives them in error messages (with the
# qualified type name), doc strings taken from the getter, and what getter()/setter()
# copy; an 80-byte object as in CPython 3.11.
import sys
class A:
    @property
    def x(self):
        "the x"
        return 1
    y = property(lambda self: 1)
    @x.setter
    def x(self, v): pass
    z = x
    class Inner:
        w = property(None)
a = A()
for stmt in ["a.y = 1", "del a.x", "del a.z", "A.Inner().w", "A.Inner().w = 1"]:
    try:
        exec(stmt)
    except AttributeError as e:
        print(e)
print(A.x.__doc__, A.y.__doc__, A.x.fset is not None)
print(sys.getsizeof(A.x))
p = property(None)
for f in [lambda: p.__get__(a, A), lambda: p.__set__(a, 1)]:
    try:
        f()
    except AttributeError as e:
        print(e)
p.__set_name__(A, 'late')
try:
    p.__get__(a)
except AttributeError as e:
    print(e)
def g(self):
    "g doc"
q = property(g)
print(q.__doc__, q.getter(lambda s: 2).__doc__, q.setter(print).__doc__)
r = property(g, doc="explicit")
print(r.getter(lambda s: 3).__doc__)
class B:
    @property
    def v(self): "first"
    @v.getter
    def v(self): "second"
print(B.v.__doc__)
