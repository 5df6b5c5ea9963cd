# user exception classes, args, str/repr, attributes
class MyError(Exception):
    pass
class CodeError(MyError):
    def __init__(self, code, msg="failed"):
        super().__init__(code, msg)
        self.code = code
        self.msg = msg
    def __str__(self):
        return f"[{self.code}] {self.msg}"
class Empty(Exception):
    def __init__(self):
        pass
for exc in (MyError(), MyError("one"), MyError("a", "b"), CodeError(404), CodeError(500, "server"), Empty()):
    print(type(exc).__name__, repr(exc), str(exc), exc.args)
try:
    raise CodeError(418, "teapot")
except MyError as e:
    print("caught base", e, e.code, isinstance(e, Exception), isinstance(e, BaseException))
print(CodeError.__mro__)
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
print(repr(WithRepr("x")), str(WithRepr("x")))
class Hier(Exception): pass
class Hier1(Hier): pass
class Hier2(Hier1): pass
for cls in (Hier, Hier1, Hier2):
    try:
        raise cls(cls.__name__)
    except Hier2 as e:
        print("Hier2 handler", e)
    except Hier1 as e:
        print("Hier1 handler", e)
    except Hier as e:
        print("Hier handler", e)
e = MyError(1, 2)
e.extra = "attr"
print(e.extra, e.args)
e.args = ("replaced",)
print(e, repr(e))
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as t:
    print("TypeError:", t)
try:
    raise 42
except TypeError as t:
    print("TypeError:", t)
try:
    class E2(Exception):
        def __init__(self, a, b):
            super().__init__(a)
            self.b = b
    raise E2(1, 2)
except E2 as x:
    print(x, x.args, x.b)
print(str(KeyError("k")), str(KeyError("a", "b")), repr(KeyError()), str(KeyError()), str(KeyError(1)))
class Warnish(UserWarning): pass
print(issubclass(Warnish, Warning), issubclass(Warning, Exception))
try:
    raise MyError("with note")
except MyError as err:
    err.add_note("extra note")
    print(err.__notes__)
