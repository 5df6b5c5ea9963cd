# The traceback module on caught exceptions: extract_tb, format_exception(_only),
# format_tb/print_tb with limits, format_exc/print_exc, chains, walk_tb. File paths are
# not printed (only names and lines), since the corpus runs from another directory.
import sys
import traceback
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
