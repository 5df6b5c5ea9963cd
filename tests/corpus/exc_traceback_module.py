# the traceback module on caught exceptions (no file paths printed)
import traceback, sys
def f():
    return g()
def g():
    return 1 / 0
try:
    f()
except ZeroDivisionError as e:
    print(traceback.format_exception_only(type(e), e))
    tb = traceback.extract_tb(e.__traceback__)
    print([(fr.name, fr.line) for fr in tb])
    print(len(tb), tb[-1].name, tb[-1].lineno)
try:
    try:
        {}["k"]
    except KeyError as e:
        raise ValueError("wrapped") from e
except ValueError as e:
    lines = traceback.format_exception(type(e), e, e.__traceback__)
    print([l for l in lines if not l.startswith("  File")])
def deep(n):
    if n == 0:
        raise RuntimeError("bottom reached")
    deep(n - 1)
try:
    deep(5)
except RuntimeError as e:
    frames = traceback.extract_tb(e.__traceback__)
    print([fr.name for fr in frames], sum(1 for fr in frames if fr.name == "deep"))
    t = e.__traceback__
    depth = 0
    while t:
        depth += 1
        t = t.tb_next
    print("tb depth", depth)
print(traceback.format_exception_only(SyntaxError, SyntaxError("bad syntax", ("f.py", 3, 5, "x = = 1\n"))))
e = ValueError("no traceback")
print(e.__traceback__, traceback.format_exception_only(e))
def show_exc():
    try:
        int("x")
    except ValueError:
        et, ev, tb = sys.exc_info()
        return traceback.format_exception_only(et, ev)[-1].strip()
print(show_exc())
