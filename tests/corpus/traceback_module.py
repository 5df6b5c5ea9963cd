# The traceback module on caught exceptions: extract_tb, format_exception(_only),
# format_tb/print_tb with limits, format_exc/print_exc, chains, walk_tb. File paths are
# not printed (only names and lines), since the corpus runs from another directory.
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
import io
def a():
    b()
def b():
    c()
def c():
    raise KeyError("deep")
try:
    a()
except KeyError as err:
    tb = err.__traceback__
    for limit in (None, 1, 2, -1, -2, 0):
        print(limit, [l.split(",")[-1].strip() for l in traceback.format_tb(tb, limit)])
        print(limit, [f.name for f in traceback.extract_tb(tb, limit)])
    print([(f.f_code.co_name, n) for f, n in traceback.walk_tb(tb)])
    s = traceback.format_exc()
    print(s.splitlines()[0], s.splitlines()[-1], s.count("line "))
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue() == s)
    buf = io.StringIO()
    traceback.print_tb(tb, limit=1, file=buf)
    print(len(buf.getvalue().splitlines()))
    lines = traceback.format_exception(err, limit=1)
    print(len(lines), lines[0], lines[-1])
    fs = traceback.extract_tb(tb)[-1]
    print(fs.name, fs.line, fs.lineno > 0, fs == (fs.filename, fs.lineno, fs.name, fs.line), len(fs), list(fs)[2:])
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("second")
except ValueError as err:
    full = traceback.format_exception(err)
    alone = traceback.format_exception(err, chain=False)
    print(len(full) > len(alone), [l for l in alone if not l.startswith("  File")])
print(traceback.format_exception_only(None), traceback.format_exc().strip())
