# memory_profiler's line-by-line table (recorded with the memory_profiler 0.61 package
# on CPython). With the tracemalloc backend the figures are the bytes traced to this
# file, so they agree only if pymm allocates what CPython allocates; the line numbers,
# occurrence counts and source lines come from sys.settrace's line events. The tables
# go to one stream, printed at the end with this file's directory taken out.
import io
import os

from memory_profiler import LineProfiler, profile, show_results

report = io.StringIO()


def helper(n):
    return [None] * n


@profile(stream=report, precision=2, backend="tracemalloc")
def calls_helper():
    """A docstring
spanning lines at the left margin."""
    data = helper(200_000)
    text = "-".join(
        ["x" * 100] * 3000
    )
    del data
    return len(text)


class Store:
    def __init__(self):
        self.items = []

    @profile(stream=report, backend="tracemalloc")
    def fill(self, n):
        for i in range(n):
            self.items.append("item" * 15000)
        return len(self.items)


@profile(stream=report, backend="tracemalloc")
def raises():
    big = bytearray(300_000)
    raise ValueError(len(big))


@profile(stream=report, backend="tracemalloc")
def one_liner(n): return [0] * n


@profile(stream=report, backend="tracemalloc")
def branches(flag):
    if flag:
        block = bytes(500_000)
    else:
        block = None
    try:
        pass
    finally:
        size = len(block or b"")
    while size > 100_000:
        size //= 2
    return size


print(calls_helper())
print(Store().fill(10))
try:
    raises()
except ValueError as e:
    print("ValueError", e)
print(len(one_liner(100_000)))
print(branches(True), branches(False))

# A profiler used directly, reporting into a stream.
prof = LineProfiler(backend="tracemalloc")


def grow():
    blocks = []
    for _ in range(3):
        blocks.append(bytes(100_000))
    return blocks


prof(grow)()
show_results(prof, stream=report)
print(report.getvalue().replace(os.path.dirname(__file__) + os.sep, ""))
