"""CPython's side of pymm_bench's `full` and `full_local` workloads: 1,000,000 live __slots__
instances, each holding two references to other instances (random ones with a fixed seed, or
node i -> i+1, i+2), all kept alive by a list; times gc.collect() (a full collection) with
time.thread_time (this thread's CPU time, as the Rust side measures by default; with --wall,
time.perf_counter) and prints the best of 5 for each."""
import gc
import random
import sys
import time


class Node:
    __slots__ = ("val", "a", "b")

    def __init__(self, val):
        self.val = val
        self.a = None
        self.b = None


CLOCK = time.perf_counter if "--wall" in sys.argv else time.thread_time


def run(links, n=1_000_000, reps=5):
    rng = random.Random(42)
    nodes = [Node(i) for i in range(n)]
    for i, nd in enumerate(nodes):
        if links == "random":
            nd.a = nodes[rng.randrange(n)]
            nd.b = nodes[rng.randrange(n)]
        else:
            nd.a = nodes[(i + 1) % n]
            nd.b = nodes[(i + 2) % n]
    gc.collect()
    best = float("inf")
    for _ in range(reps):
        t = CLOCK()
        gc.collect()
        best = min(best, CLOCK() - t)
    ver = sys.version.split()[0]
    print(f"- {links} links, Python {ver}: gc.collect() over {n} live objects (+ the list and the rest of the "
          f"heap, {len(gc.get_objects())} tracked): {best * 1e3:.1f} ms = {best * 1e9 / n:.1f} ns/object (best of {reps}, {CLOCK.__name__})")


    for nd in nodes:
        nd.a = nd.b = None


if __name__ == "__main__":
    run("random")
    run("local")
