"""GCBench / binary-trees: build, check and drop many complete binary trees.

Allocation/deallocation heavy: each node is a tuple (left, right); trees are
freed by reference counting as soon as they are dropped, and one long-lived
tree stays alive the whole time. Also builds object-based trees.
"""
import sys


def make_tree(depth):
    if depth == 0:
        return (None, None)
    depth -= 1
    return (make_tree(depth), make_tree(depth))


def check_tree(node):
    left, right = node
    if left is None:
        return 1
    return 1 + check_tree(left) + check_tree(right)


class Node:
    __slots__ = ("left", "right")

    def __init__(self, left=None, right=None):
        self.left = left
        self.right = right


def make_obj_tree(depth):
    if depth == 0:
        return Node()
    return Node(make_obj_tree(depth - 1), make_obj_tree(depth - 1))


def check_obj_tree(n):
    if n.left is None:
        return 1
    return 1 + check_obj_tree(n.left) + check_obj_tree(n.right)


def main(max_depth=15):
    min_depth = 4
    stretch = max_depth + 1
    lines = ["stretch tree of depth %d check: %d" % (stretch, check_tree(make_tree(stretch)))]
    long_lived = make_tree(max_depth)
    for d in range(min_depth, max_depth + 1, 2):
        iters = 2 ** (max_depth - d + min_depth)
        check = 0
        for _ in range(iters):
            check += check_tree(make_tree(d))
        lines.append("%d trees of depth %d check: %d" % (iters, d, check))
    obj_check = 0
    for _ in range(8):
        obj_check += check_obj_tree(make_obj_tree(12))
    lines.append("object trees check: %d" % obj_check)
    lines.append("long lived tree of depth %d check: %d" % (max_depth, check_tree(long_lived)))
    h = 0
    for line in lines:
        for ch in line:
            h = (h * 31 + ord(ch)) & 0xFFFFFFFF
    print("binary_trees %d lines, last=%r, hash=%d" % (len(lines), lines[-1], h))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
