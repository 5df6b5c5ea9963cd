"""gc_million: a full collection over 1,000,000 live instances with two attributes each.

The issue 4 measurement (written for pymm): one million two-attribute instances are
kept alive in a list, each referring to its neighbours, and `gc.collect()` walks all of
them without finding garbage. Prints the objects collected (0) and the live count to
stdout; the time of the best of `repeat` collections goes to stderr, so
`scripts/bench_compare.py` checks the output and times the whole run while this
script reports the collection itself.

`gc_million.py N random` links each instance to two instances drawn at random (fixed
seed) instead of its neighbours: the same work for the collector, with its memory
accesses scattered over the whole heap.
"""
import gc
import random
import sys
import time


class Pair:
    def __init__(self, a, b):
        self.a = a
        self.b = b


def main(n=1_000_000, repeat=3, scattered=False):
    gc.disable()
    nodes = [Pair(None, None) for _ in range(n)]
    if scattered:
        rng = random.Random(5)
        for i in range(n):
            nodes[i].a = nodes[rng.randrange(n)]
            nodes[i].b = nodes[rng.randrange(n)]
    else:
        for i in range(n):
            nodes[i].a = nodes[i - 1]
            nodes[i].b = nodes[(i + 1) % n]
    gc.collect()
    best = None
    found = 0
    for _ in range(repeat):
        t0 = time.perf_counter()
        found += gc.collect()
        dt = time.perf_counter() - t0
        best = dt if best is None or dt < best else best
    print("gc_million live=%d collected=%d" % (len(nodes), found))
    print("gc.collect() over %d instances%s: %.1f ms (%.1f ns/object)"
          % (n, ", random links" if scattered else "", best * 1e3, best * 1e9 / n), file=sys.stderr)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1_000_000,
         scattered=len(sys.argv) > 2 and sys.argv[2] == "random")
