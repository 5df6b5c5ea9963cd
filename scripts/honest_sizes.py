"""Is sys.getsizeof honest? For common objects, the bytes tracemalloc sees allocated per
object (500 objects kept alive, averaged) next to what sys.getsizeof reports.

    target/release/pymm scripts/honest_sizes.py          # one interpreter's table
    python3 scripts/honest_sizes.py --compare target/release/pymm

With --compare, the script runs itself under python3 and under the given pymm binary
and prints both columns, marking the rows where pymm's traced bytes differ from
CPython's by more than 4 bytes per object ("traced" includes what the object owns:
a dict's tables, a list's item array, an instance's values array, a generator's frame).
"""
import sys
import tracemalloc

N = 500


class Attrs:
    def __init__(self):
        self.a = 1
        self.b = 2


class Slots:
    __slots__ = ("a", "b")


def gen():
    yield 1


def make_cell():
    x = 1

    def g():
        return x
    return g.__closure__[0]


BIG = 10 ** 30
CASES = [
    ("int 10**30+i", lambda i: BIG + i),
    ("float", lambda i: i + 0.5),
    ("str ascii 10", lambda i: "abcdefghi" + chr(65 + i % 26)),
    ("str latin-1 10", lambda i: "\xe9bcdefghi" + chr(65 + i % 26)),
    ("str ucs-2 10", lambda i: "\u20acbcdefghi" + chr(65 + i % 26)),
    ("str ucs-4 10", lambda i: "\U0001F600bcdefghi" + chr(65 + i % 26)),
    ("bytes 10", lambda i: b"abcdefghi" + bytes([i % 256])),
    ("tuple 3", lambda i: (i, None, None)),
    ("list []", lambda i: []),
    ("list 3", lambda i: [i, 2, 3]),
    ("dict {}", lambda i: {}),
    ("dict 1 str key", lambda i: {"a": i}),
    ("dict 6 str keys", lambda i: {k: i for k in "abcdef"}),
    ("dict 3 int keys", lambda i: {1: i, 2: i, 3: i}),
    ("set()", lambda i: set()),
    ("set 3", lambda i: {i, -1, -2}),
    ("frozenset 3", lambda i: frozenset((i, -1, -2))),
    ("bytearray 10", lambda i: bytearray(10)),
    ("range", lambda i: range(i)),
    ("slice", lambda i: slice(i)),
    ("instance, 2 attrs", lambda i: Attrs()),
    ("__slots__ instance", lambda i: Slots()),
    ("closure cell", lambda i: make_cell()),
    ("generator", lambda i: gen()),
    ("lambda", lambda i: (lambda: i)),
    ("ValueError(i)", lambda i: ValueError(i)),
    ("list iterator", lambda i: iter([])),
]


def table():
    tracemalloc.start()
    rows = []
    for name, make in CASES:
        keep = [None] * N
        first = make(0)
        before = tracemalloc.get_traced_memory()[0]
        for i in range(N):
            keep[i] = make(i)
        after = tracemalloc.get_traced_memory()[0]
        rows.append((name, sys.getsizeof(first), (after - before) / N))
        del keep, first
    return rows


def main():
    if len(sys.argv) == 3 and sys.argv[1] == "--compare":
        import subprocess
        outs = []
        for interp in (sys.executable, sys.argv[2]):
            r = subprocess.run([interp, __file__], capture_output=True, text=True)
            if r.returncode != 0:
                print("%s failed:\n%s" % (interp, r.stderr), file=sys.stderr)
                sys.exit(1)
            outs.append([line.split("\t") for line in r.stdout.splitlines()])
        print("%-20s %24s %24s" % ("", "CPython: getsizeof traced", "pymm: getsizeof traced"))
        for (name, s1, t1), (_, s2, t2) in zip(*outs):
            flag = "  <- differs" if abs(float(t1) - float(t2)) > 4 else ""
            print("%-20s %14s %9s %14s %9s%s" % (name, s1, t1, s2, t2, flag))
        return
    if len(sys.argv) > 1:
        print(__doc__, file=sys.stderr)
        sys.exit(2)
    for name, size, traced in table():
        print("%s\t%d\t%.1f" % (name, size, traced))


main()
