"""gc_collect: create many cyclic linked structures, drop them, gc.collect().

Same shape as pyperformance's gc_collect benchmark (written for pymm): each
round builds `cycles` doubly linked rings of `links` nodes, deletes the only
external reference and lets the cycle collector reclaim everything. The
checksum is the total number of objects gc.collect() reported (exactly
rounds * cycles * links on CPython 3.11: a Node without a materialised
__dict__ is a single GC object).
"""
import gc
import sys


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
    total = 0
    for _ in range(rounds):
        all_cycles = [create_cycle(links) for _ in range(cycles)]
        del all_cycles
        total += gc.collect()
    print("gc_collect rounds=%d collected=%d expected=%d" % (rounds, total, rounds * cycles * links))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400)
