"""Many small, short-lived allocations: tuples, floats, ints, small lists,
dicts and instances created and dropped immediately (free-list and pymalloc
small-block churn), plus a slowly growing set of survivors.
"""
import sys


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a, b):
        self.a = a
        self.b = b


def main(rounds=12):
    checksum = 0
    survivors = []
    for r in range(rounds):
        p = Point(0, 0)
        for i in range(60000):
            p = p.moved(1, -1)
            t = (i, i + 1, i + 2)
            checksum += t[2] - t[0]
            f = i * 0.5 + 1.25
            checksum += int(f) & 1
            l = [i, i]
            d = {"i": i}
            s = Slotted(l, d)
            checksum += len(s.a) + len(s.b)
            if i % 1000 == 0:
                survivors.append((p, s))
        checksum += p.x - p.y
        big = 10 ** 20
        for i in range(20000):
            big += i
            checksum += big & 0xFF
        words = [str(i) for i in range(20000)]
        checksum += sum(len(w) for w in words)
        checksum &= 0xFFFFFFFFFFFF
    print("small_alloc checksum=%d survivors=%d" % (checksum, len(survivors)))


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 12)
