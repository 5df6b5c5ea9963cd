# tracemalloc API behaviour that does not depend on addresses (spec section 8)
import tracemalloc
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_traceback_limit())
try:
    tracemalloc.take_snapshot()
except RuntimeError as e:
    print("RuntimeError:", e)
for bad in (0, 65536, -1):
    try:
        tracemalloc.start(bad)
    except ValueError as e:
        print("ValueError:", e)
print(tracemalloc.is_tracing())
tracemalloc.start()
print(tracemalloc.is_tracing(), tracemalloc.get_traceback_limit())
big = bytes(1_000_000)
cur, peak = tracemalloc.get_traced_memory()
print("current >= 1e6:", cur >= 1_000_000, "peak >= current:", peak >= cur)
del big
cur2, peak2 = tracemalloc.get_traced_memory()
print("freed:", cur2 < 1_000_000, "peak kept:", peak2 >= 1_000_000)
tracemalloc.reset_peak()
cur3, peak3 = tracemalloc.get_traced_memory()
print("peak reset:", peak3 < 1_000_000)
data = [bytearray(1000) for _ in range(100)]
snap = tracemalloc.take_snapshot()
stats = snap.statistics("lineno")
print("top stat is the bytearray line:", stats[0].traceback[0].lineno, stats[0].size >= 100_000, stats[0].count >= 100)
try:
    snap.statistics("traceback", cumulative=True)
except ValueError as e:
    print("ValueError:", e)
try:
    snap.statistics("nope")
except ValueError as e:
    print("ValueError:", e)
tb = tracemalloc.get_object_traceback(data[0])
print("object traceback line:", tb[0].lineno if tb else None)
tracemalloc.stop()
print(tracemalloc.is_tracing(), tracemalloc.get_traced_memory(), tracemalloc.get_object_traceback(data[0]))
tracemalloc.start(5)
print(tracemalloc.get_traceback_limit())
tracemalloc.stop()
print(tracemalloc.get_traceback_limit())
from tracemalloc import _format_size
print([_format_size(x, False) for x in (0, 1, 1023, 1024, 10 * 1024, 100 * 1024, 1536, 5 * 1024 ** 2, 3 * 1024 ** 3, 2 * 1024 ** 4)])
print([_format_size(x, True) for x in (0, 5, -5, 2048, -2048, 150 * 1024)])
