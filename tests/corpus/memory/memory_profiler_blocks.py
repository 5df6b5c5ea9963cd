# memory_profiler finds a profiled function's lines as inspect.getsourcelines does:
# decorators over several lines, nested functions, comments, multi-line strings and
# statements, and indented comments after the last statement.
import io, os
from memory_profiler import profile
report = io.StringIO()


def deco(f):
    return f


@profile(stream=report,
         backend="tracemalloc")
@deco
def outer(n):
    def inner(k):
        return [0] * k
    # comment inside
    x = inner(n)  # trailing comment
    s = """line one
line two"""
    if n > 5: y = 1
    return len(x) + len(s)
# a comment at column 0 right after



@profile(stream=report, backend="tracemalloc")
def tail(n,
         m=2):
    total = n + \
        m
    return total

    # indented comment after the last statement

x = 1
print(outer(10), tail(1))
print(report.getvalue().replace(os.path.dirname(__file__) + os.sep, ""))
