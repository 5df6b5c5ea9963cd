# Exception construction details: BaseException.__new__ keeps its arguments as args
# without calling __init__; AttributeError and NameError take keyword-only members;
# built-in T.__new__ checks its first argument.


def attempt(label, f):
    try:
        print(label, repr(f()))
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("KeyError.__new__", lambda: KeyError.__new__(KeyError, 1).args)
attempt("ValueError.__new__ no args", lambda: ValueError.__new__(ValueError).args)
attempt("BaseException.__new__(int)", lambda: BaseException.__new__(int))
attempt("BaseException.__new__(5)", lambda: BaseException.__new__(5))


class Traced(Exception):
    def __new__(cls, *a):
        o = super().__new__(cls, *a)
        print("new", o.args)
        return o

    def __init__(self, *a):
        print("init", self.args)


print(Traced(1, 2).args)


class Fixed(Exception):
    def __new__(cls, *a):
        return Exception.__new__(cls, "z")


print(Fixed(1).args)

e = AttributeError("m", name="n", obj=3)
print(e.args, e.name, e.obj)
e = AttributeError("m", obj=None)
print(e.name, e.obj)
print(NameError("m", name="q").name)
attempt("AttributeError foo=", lambda: AttributeError("m", foo=1))
attempt("NameError obj=", lambda: NameError("m", obj=1))
attempt("AttributeError name2=", lambda: AttributeError("m", name=1, name2=2))


class MyAttr(AttributeError):
    pass


attempt("MyAttr foo=", lambda: MyAttr("m", foo=1))
print(MyAttr("m", name="x").name)


class Init(AttributeError):
    def __init__(self, msg):
        super().__init__(msg, name="from init")


print(Init("m").name, Init("m").obj)

for src in ["int.__new__()", "int.__new__(list)", "tuple.__new__(int)",
            "list.__new__(dict)", "float.__new__(5)", "frozenset.__new__(set)",
            "int.__new__(bool)", "str.__new__(str, 5)"]:
    attempt(src, lambda: eval(src))

m = memoryview(bytearray(b"ab"))
for k in ["x", 1.5, None]:
    attempt("view[%r]" % (k,), lambda: m[k])

    def store():
        m[k] = 1
    attempt("view[%r] = 1" % (k,), store)
print(bool.__new__(bool, 5), bool.__new__(bool), type(bool.__new__))
try: bool.__new__(int)
except TypeError as e: print(e)
class I(int): pass
print(int.__new__(I, 5), type(int.__new__(I, 5)))
try: object.__new__(bool)
except TypeError as e: print(e)
try: object.__new__(int)
except TypeError as e: print(e)
e = OSError.__new__(OSError, 2, "No such file", "f.txt")
print(type(e), e.errno, e.strerror, e.filename, e.args, str(e))
e = OSError.__new__(OSError, 99, "x")
print(type(e), e.errno, e.args)
print(type(OSError.__new__(FileNotFoundError, 17, "y")), OSError.__new__(OSError).args)
