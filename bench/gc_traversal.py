"""gc_traversal: many live objects, repeated gc.collect() that frees nothing.

Same shape as pyperformance's gc_traversal benchmark (written for pymm): a
large, fully reachable object graph (instances, lists, dicts, tuples) is kept
alive, and gc.collect() is called repeatedly; every collection must traverse
the whole graph and find 0 unreachable objects.

On stderr: the time spent inside the timed gc.collect() calls.
"""
import gc
import sys
import time


class Tree:
    def __init__(self, left, right, payload):
        self.left = left
        self.right = right
        self.payload = payload


def build(depth, counter):
    counter[0] += 1
    if depth == 0:
        return Tree(None, None, [counter[0], {"k": counter[0]}])
    return Tree(build(depth - 1, counter), build(depth - 1, counter), (counter[0], [depth]))


def main(collections=50, depth=13):
    counter = [0]
    roots = [build(depth, counter) for _ in range(2)]
    extra = [[i, str(i), {"i": i}] for i in range(20000)]
    gc.collect()
    found = 0
    t0 = time.perf_counter()
    for _ in range(collections):
        found += gc.collect()
    dt = time.perf_counter() - t0
    print("gc_traversal nodes=%d extra=%d collections=%d unreachable=%d"
          % (counter[0], len(extra), collections, found))
    print("gc.collect(): %.1f ms in %d collections of %d tracked objects"
          % (dt * 1e3, collections, len(gc.get_objects())), file=sys.stderr)
    del roots


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 50)
