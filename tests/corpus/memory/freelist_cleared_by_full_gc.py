# every full collection empties the tuple/float/list/dict free lists
import gc
def counts_after(make, n, collect_between):
    gc.collect()
    gc.get_count()  # warm the 3-tuple free list
    objs = [make() for _ in range(n)]
    del objs
    if collect_between is not None:
        gc.collect(collect_between)
    base = gc.get_count()[0]
    objs = [make() for _ in range(n)]
    d = gc.get_count()[0] - base
    del objs
    return d
src = [1, 2, 3]
makers = [("list", lambda: [0]), ("dict", lambda: {}), ("tuple3", lambda: tuple(src))]
for name, mk in makers:
    print(name, "no gc:", counts_after(mk, 20, None),
          "gen0:", counts_after(mk, 20, 0), "gen1:", counts_after(mk, 20, 1),
          "full:", counts_after(mk, 20, 2))
print(gc.get_count())
