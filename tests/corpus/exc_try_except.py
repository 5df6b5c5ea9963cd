# try/except/else/finally flow
def f(x):
    try:
        print("try", x)
        r = 10 / x
    except ZeroDivisionError as e:
        print("except", e)
        return "from except"
    except TypeError:
        print("type error")
        raise
    else:
        print("else", r)
        return "from else"
    finally:
        print("finally", x)
print(f(2))
print(f(0))
try:
    f("a")
except TypeError as e:
    print("outer caught", e)
def finally_overrides():
    try:
        return 1
    finally:
        return 2
print(finally_overrides())
def finally_swallows():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(finally_swallows())
for i in range(3):
    try:
        if i == 1:
            continue
        print("loop", i)
    finally:
        print("loop finally", i)
try:
    try:
        raise KeyError("inner")
    except ValueError:
        print("wrong handler")
    finally:
        print("inner finally")
except KeyError as e:
    print("outer got", repr(e))
try:
    raise IndexError("multi")
except (TypeError, IndexError) as e:
    print("tuple handler", type(e).__name__)
try:
    {}["x"]
except LookupError as e:
    print("LookupError base caught", type(e).__name__)
try:
    raise ValueError
except ValueError as e:
    print("class raised", repr(e), e.args)
e_saved = None
try:
    1 / 0
except ZeroDivisionError as e:
    e_saved = e
try:
    print(e)
except NameError as ne:
    print("NameError:", ne)
print(type(e_saved).__name__, e_saved.args)
def nested_finally():
    out = []
    try:
        try:
            out.append("a")
            raise RuntimeError("r")
        finally:
            out.append("b")
    except RuntimeError:
        out.append("c")
    finally:
        out.append("d")
    return out
print(nested_finally())
try:
    pass
except Exception:
    print("never")
else:
    print("else without exception")
count = 0
while True:
    try:
        count += 1
        if count < 3:
            raise ValueError(count)
        break
    except ValueError as e:
        print("retry", e)
print("count", count)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise
except ArithmeticError as e:
    print("re-raised", type(e).__name__, e)
import sys
try:
    raise OSError(2, "No such file")
except OSError as e:
    print(e.errno, e.strerror, e, sys.exc_info()[0].__name__)
print(sys.exc_info())
