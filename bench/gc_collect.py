"""gc_collect: create many cyclic linked structures, drop them, gc.collect().

Same shape as pyperformance's gc_collect benchmark (written for pymm): each
round builds `cycles` doubly linked rings of `links` nodes, deletes the only
external reference and lets the cycle collector reclaim everything. The
checksum is the total number of objects gc.collect() reported (exactly
rounds * cycles * links on CPython 3.11: a Node without a materialised
__dict__ is a single GC object).

On stderr: the time spent inside gc.collect() (what pyperformance's
gc_collect times), and the time of a tenth as many collections with no
garbage, taken first: the cost of walking the interpreter's own live objects, which
differs between interpreters (CPython 3.11 starts with about 11,000 tracked
objects, pymm with about 1,000).
"""
import gc
import sys
import time


class Node:
    def __init__(self):
        self.next = None
        self.prev = None


def create_cycle(n_links):
    first = node = Node()
    for _ in range(n_links - 1):
        nxt = Node()
        node.next = nxt
        nxt.prev = node
        node = nxt
    node.next = first
    first.prev = node
    return first


def main(rounds=400, cycles=100, links=20):
    gc.collect()
    n_empty = max(1, rounds // 10)
    t0 = time.perf_counter()
    for _ in range(n_empty):
        gc.collect()
    empty = time.perf_counter() - t0
    total = 0
    in_collect = 0.0
    for _ in range(rounds):
        all_cycles = [create_cycle(links) for _ in range(cycles)]
        del all_cycles
        t0 = time.perf_counter()
        total += gc.collect()
        in_collect += time.perf_counter() - t0
    print("gc_collect rounds=%d collected=%d expected=%d" % (rounds, total, rounds * cycles * links))
    print("gc.collect(): %.1f ms in %d collections of garbage rings; %.1f ms in %d with no garbage"
          % (in_collect * 1e3, rounds, empty * 1e3, n_empty), file=sys.stderr)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
