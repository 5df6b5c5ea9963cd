# Seed article 000 ("Explain Memory Management In Python: How It Works?"),
# sections "2. Memory leaks" and "3. Use memory profiling tools". The article has
# no code listing; this script finds a leak with tracemalloc and the gc module.
import gc
import tracemalloc

_cache = []  # a forgotten global cache: the classic leak


def handle_request(n):
    payload = bytearray(1000)
    _cache.append(payload)  # the leak: every payload is kept forever
    return n


tracemalloc.start()
before = tracemalloc.take_snapshot()
for n in range(500):
    handle_request(n)
after = tracemalloc.take_snapshot()
top = after.compare_to(before, "lineno")[0]
frame = top.traceback[0]
print("biggest growth at line", frame.lineno, "of", frame.filename.rsplit("/", 1)[-1])
print("it grew by more than 400 KiB:", top.size_diff > 400 * 1024, "| new blocks:", top.count_diff >= 500)
tracemalloc.stop()

# The gc module can list the objects the collector tracks, e.g. leaked cycles.
class Node:
    pass


gc.collect()
gc.set_debug(gc.DEBUG_SAVEALL)  # keep what the collector finds, to inspect it
for _ in range(3):
    n = Node()
    n.me = n
del n
found = gc.collect()
leaked = [o for o in gc.garbage if isinstance(o, Node)]
print("collector found", found, "objects;", len(leaked), "of them are Node cycles")
gc.set_debug(0)
gc.garbage.clear()
