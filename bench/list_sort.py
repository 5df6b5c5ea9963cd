"""List-heavy workload: appends, slicing, sort with and without keys,
list comprehensions, insert/pop, reversal.
"""
import sys


def lcg(seed):
    x = seed
    while True:
        x = (x * 6364136223846793005 + 1442695040888963407) & 0xFFFFFFFFFFFFFFFF
        yield x >> 33


def main(rounds=3):
    checksum = 0
    for r in range(rounds):
        g = lcg(r + 7)
        data = []
        for _ in range(100000):
            data.append(next(g) % 1000000)
        a = sorted(data)
        checksum += a[0] + a[len(a) // 2] + a[-1]
        b = sorted(data, key=lambda v: (v % 1000, v))
        checksum += b[100] + b[-100]
        recs = [(v % 97, str(v), v) for v in data[:30000]]
        recs.sort()
        checksum += recs[0][2] + recs[-1][2]
        recs.sort(key=lambda t: t[1], reverse=True)
        checksum += recs[0][2]
        c = data[:]
        c.reverse()
        checksum += sum(c[::1000])
        chunks = [data[i:i + 100] for i in range(0, len(data), 100)]
        checksum += sum(max(ch) - min(ch) for ch in chunks)
        q = []
        for i in range(5000):
            q.insert(0, i)
            if i % 3 == 0:
                q.pop()
        checksum += len(q) + q[0]
        m = [x * 2 for x in data if x & 1]
        checksum += len(m)
        m[10:20] = []
        del m[::5]
        checksum += len(m)
        checksum &= 0xFFFFFFFFFFFF
    print("list_sort checksum=%d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 3)
