# raise from, __cause__, __context__, __suppress_context__
class AppError(Exception):
    pass
def load():
    try:
        {}["config"]
    except KeyError as e:
        raise AppError("config missing") from e
try:
    load()
except AppError as e:
    print(repr(e), repr(e.__cause__), e.__suppress_context__, repr(e.__context__))
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("during handling")
except ValueError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("no context") from None
except ValueError as e:
    print(repr(e), e.__cause__, repr(e.__context__), e.__suppress_context__)
try:
    raise RuntimeError("outer") from TypeError("cause")
except RuntimeError as e:
    print(repr(e.__cause__), e.__context__)
def deep(n):
    if n == 0:
        raise KeyError("bottom")
    try:
        deep(n - 1)
    except Exception as e:
        raise RuntimeError("level %d" % n) from e
try:
    deep(3)
except RuntimeError as e:
    chain = []
    cur = e
    while cur is not None:
        chain.append(repr(cur))
        cur = cur.__cause__
    print(chain)
e = ValueError("x")
e2 = TypeError("y")
e.__cause__ = e2
print(e.__cause__ is e2, e.__suppress_context__)
try:
    raise ValueError("bad cause") from 5
except TypeError as err:
    print("TypeError:", err)
print(e.with_traceback(None) is e, e.__traceback__)
try:
    raise KeyError("k")
except KeyError as ke:
    tb = ke.__traceback__
    print(type(tb).__name__, tb.tb_lineno > 0, tb.tb_next)
def handler():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as t:
            return repr(t.__context__)
print(handler())
