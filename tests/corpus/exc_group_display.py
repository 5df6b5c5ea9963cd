# How exception groups are displayed: traceback.format_exception gives the text an
# uncaught group prints, frames of each sub-exception, chained causes inside a group,
# nesting, more than 15 sub-exceptions, notes and depth past 10. Paths are printed
# relative to this file's directory.
import os
import traceback


def fail(i):
    if i % 2:
        raise ValueError(f"odd {i}")
    raise TypeError(f"even {i}")


def collect(n):
    errors = []
    for i in range(n):
        try:
            fail(i)
        except Exception as e:
            errors.append(e)
    return errors


def show(e):
    text = "".join(traceback.format_exception(e))
    print(text.replace(os.path.dirname(__file__) + os.sep, ""), end="")
    print("-" * 20)


try:
    raise ExceptionGroup("two", collect(2))
except ExceptionGroup as e:
    show(e)

try:
    try:
        raise KeyError("inner cause")
    except KeyError as k:
        raise ExceptionGroup("caused", [RuntimeError("r")]) from k
except ExceptionGroup as e:
    show(e)

nested = ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("mid", [TypeError("b"), ExceptionGroup("deep", [KeyError("c")])])])
show(nested)

show(ExceptionGroup("wide", [ValueError(i) for i in range(17)]))

noted = ExceptionGroup("noted", [ValueError("v")])
noted.add_note("a note on the group")
noted.exceptions[0].add_note("a note on the member")
show(noted)

deep = ValueError("bottom")
for i in range(12):
    deep = ExceptionGroup(f"level {i}", [deep])
show(deep)

try:
    try:
        raise ExceptionGroup("star", collect(3))
    except* ValueError:
        raise RuntimeError("while handling")
except Exception as e:
    show(e)

raise ExceptionGroup("uncaught", collect(2))
