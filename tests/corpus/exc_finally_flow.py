# finally with break/continue/return, exceptions inside handlers and finally
def f1():
    for i in range(5):
        try:
            if i == 2:
                break
        finally:
            print("finally", i)
    return i
print(f1())
def f2():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(f2())
def f3():
    try:
        raise ValueError("a")
    except ValueError:
        raise TypeError("b")
    finally:
        print("f3 finally")
try:
    f3()
except TypeError as e:
    print("TypeError:", e, "context:", repr(e.__context__))
def f4():
    try:
        try:
            raise KeyError("inner")
        finally:
            print("inner finally")
            raise RuntimeError("from finally")
    except RuntimeError as e:
        return repr(e) + " ctx=" + repr(e.__context__)
print(f4())
def f5():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
        print("finally sets x =", x)
print(f5())
def f6():
    while True:
        try:
            return "from try"
        finally:
            break
    return "after loop"
print(f6())
def f7(n):
    try:
        if n == 0:
            raise ZeroDivisionError("zero")
        return 10 / n
    except ZeroDivisionError:
        return "handled"
    else:
        print("else branch")
    finally:
        print("finally", n)
print(f7(0), f7(5))
def f8():
    try:
        raise ValueError("original")
    except ValueError as e:
        try:
            raise
        except ValueError as again:
            return again is e
print(f8())
def f9():
    res = []
    try:
        for i in range(3):
            try:
                res.append(i)
                if i == 1:
                    raise IndexError(i)
            except IndexError:
                res.append("caught")
                continue
            finally:
                res.append("fin")
    finally:
        res.append("outer")
    return res
print(f9())
import sys
def f10():
    try:
        raise ValueError("v")
    except ValueError:
        print("in handler:", sys.exc_info()[0].__name__)
    print("after handler:", sys.exc_info()[0])
f10()
try:
    try:
        1 / 0
    finally:
        print("cleanup before propagation")
except ZeroDivisionError:
    print("propagated")
