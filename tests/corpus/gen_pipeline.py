# a log-processing pipeline made of generators
LOG = """2024-01-01 10:00:01 INFO user=alice action=login
2024-01-01 10:00:05 WARN user=bob action=retry
2024-01-01 10:01:00 INFO user=alice action=view page=home
2024-01-01 10:02:13 ERROR user=carol action=pay amount=30
2024-01-01 10:02:14 INFO user=bob action=login
# comment line
2024-01-01 10:03:00 ERROR user=alice action=pay amount=12
2024-01-01 10:04:30 INFO user=carol action=logout

2024-01-01 10:05:00 INFO user=bob action=view page=cart"""
def lines(text):
    for line in text.splitlines():
        yield line
def non_blank(it):
    return (l for l in it if l.strip() and not l.startswith("#"))
def parse(it):
    for l in it:
        date, time, level, *fields = l.split()
        rec = {"time": time, "level": level}
        rec.update(f.split("=", 1) for f in fields)
        yield rec
def where(it, **cond):
    for r in it:
        if all(r.get(k) == v for k, v in cond.items()):
            yield r
def pluck(it, key):
    for r in it:
        yield r.get(key)
recs = list(parse(non_blank(lines(LOG))))
print(len(recs), recs[0])
print(list(pluck(where(parse(non_blank(lines(LOG))), level="ERROR"), "user")))
print(sum(int(a) for a in pluck(parse(non_blank(lines(LOG))), "amount") if a))
by_user = {}
for r in parse(non_blank(lines(LOG))):
    by_user.setdefault(r["user"], []).append(r["action"])
print(by_user)
def window(it, n):
    buf = []
    for x in it:
        buf.append(x)
        if len(buf) > n:
            buf.pop(0)
        if len(buf) == n:
            yield tuple(buf)
print(list(window(range(6), 3)))
def running_avg():
    total = count = 0
    avg = None
    while True:
        x = yield avg
        total += x
        count += 1
        avg = total / count
ra = running_avg()
next(ra)
print([round(ra.send(v), 3) for v in [10, 20, 5, 7, 100]])
def merge_sorted(*its):
    import heapq
    yield from heapq.merge(*its)
print(list(merge_sorted([1, 4, 9], [2, 3, 10], [0, 5])))
def batched(it, n):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == n:
            yield batch
            batch = []
    if batch:
        yield batch
print(list(batched("abcdefg", 3)))
def take(n, it):
    for _, x in zip(range(n), it):
        yield x
def naturals():
    n = 1
    while True:
        yield n
        n += 1
def primes():
    seen = []
    for n in naturals():
        if n > 1 and all(n % p for p in seen):
            seen.append(n)
            yield n
print(list(take(15, primes())))
