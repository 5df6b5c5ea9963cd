"""Generator pipelines: chained generators, yield from, send(), genexps vs lists.

Frame/generator creation and resumption heavy. Prints a checksum.
"""
import sys


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(it):
    for x in it:
        yield x * x


def evens(it):
    for x in it:
        if not x & 1:
            yield x


def take_mod(it, m):
    for x in it:
        yield x % m


def tree(depth):
    if depth == 0:
        yield 1
        return
    yield from tree(depth - 1)
    yield depth
    yield from tree(depth - 1)


def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return avg
        total += value
        count += 1
        avg = total / count


def chunks(seq, size):
    buf = []
    for x in seq:
        buf.append(x)
        if len(buf) == size:
            yield buf
            buf = []
    if buf:
        yield buf


def main(scale=16):
    checksum = 0
    for _ in range(scale):
        checksum += sum(take_mod(evens(squares(numbers(60000))), 1009))
        checksum += sum(tree(14))
        a = averager()
        next(a)
        last = None
        for v in numbers(30000):
            last = a.send(v % 97)
        checksum += int(last * 1000)
        lst_total = sum([x * 3 for x in range(50000) if x % 3])
        gen_total = sum(x * 3 for x in range(50000) if x % 3)
        assert lst_total == gen_total
        checksum += gen_total % 100003
        checksum += sum(len(c) * c[0] for c in chunks(numbers(40000), 7))
        small = 0
        for i in range(4000):
            small += sum(x for x in (i, i + 1, i + 2))
        checksum += small
        checksum &= 0xFFFFFFFFFFFF
    print("generators checksum=%d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 16)
