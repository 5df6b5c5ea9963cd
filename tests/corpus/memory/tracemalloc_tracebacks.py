# tracemalloc with several frames per trace: statistics by traceback, their
# formatting with the source lines (linecache), and total_nframe.
import tracemalloc


def leaf(n):
    return b"x" * n


def middle(n):
    return [leaf(n) for _ in range(3)]


def outer():
    return middle(100_000)


tracemalloc.start(4)
keep = outer()
snap = tracemalloc.take_snapshot()
tracemalloc.stop()

snap = snap.filter_traces([tracemalloc.Filter(True, __file__)])
top = snap.statistics("traceback")[0]
print(top.size // 1000, top.count)
for line in top.traceback.format():
    print(line.replace(__file__, "<this file>"))
print("--- most recent first, limit 2")
for line in top.traceback.format(limit=2, most_recent_first=True):
    print(line.replace(__file__, "<this file>"))
print(len(top.traceback), top.traceback.total_nframe)
print([f.lineno for f in top.traceback])
tb = tracemalloc.get_object_traceback(keep[0])
print(tb)

tracemalloc.start(1)
more = outer()
one = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(True, __file__)])
tracemalloc.stop()
st = one.statistics("traceback")[0]
print(len(st.traceback), st.traceback.total_nframe, st.traceback[0].lineno)
for stat in one.statistics("lineno")[:1]:
    print(str(stat).replace(__file__, "<this file>"))
