# itertools recipes implemented with generators
import itertools as it
def take(n, iterable):
    return list(it.islice(iterable, n))
def tabulate(fn, start=0):
    return map(fn, it.count(start))
def nth(iterable, n, default=None):
    return next(it.islice(iterable, n, None), default)
def all_equal(iterable):
    g = it.groupby(iterable)
    return next(g, True) and not next(g, False)
def quantify(iterable, pred=bool):
    return sum(map(pred, iterable))
def ncycles(iterable, n):
    return it.chain.from_iterable(it.repeat(tuple(iterable), n))
def flatten(list_of_lists):
    return it.chain.from_iterable(list_of_lists)
def roundrobin(*iterables):
    nexts = it.cycle(iter(x).__next__ for x in iterables)
    pending = len(iterables)
    while pending:
        try:
            for nxt in nexts:
                yield nxt()
        except StopIteration:
            pending -= 1
            nexts = it.cycle(it.islice(nexts, pending))
def partition(pred, iterable):
    t1, t2 = it.tee(iterable)
    return list(it.filterfalse(pred, t1)), list(filter(pred, t2))
def powerset(iterable):
    s = list(iterable)
    return it.chain.from_iterable(it.combinations(s, r) for r in range(len(s) + 1))
def unique_everseen(iterable, key=None):
    seen = set()
    for el in iterable:
        k = el if key is None else key(el)
        if k not in seen:
            seen.add(k)
            yield el
def sliding_window(iterable, n):
    from collections import deque
    itr = iter(iterable)
    window = deque(it.islice(itr, n - 1), maxlen=n)
    for x in itr:
        window.append(x)
        yield tuple(window)
def grouper(iterable, n, fill=None):
    args = [iter(iterable)] * n
    return it.zip_longest(*args, fillvalue=fill)
def first_true(iterable, default=False, pred=None):
    return next(filter(pred, iterable), default)
print(take(5, tabulate(lambda x: x * x)), nth(range(100), 42), nth(iter([]), 3, "dflt"))
print(all_equal("aaaa"), all_equal("aab"), all_equal(""), quantify([1, 0, 2, 0, 3]), list(ncycles("ab", 3)))
print(list(flatten([[1, 2], [3], []])), list(roundrobin("ABC", "D", "EF")), partition(lambda x: x % 2, range(10)))
print(list(powerset([1, 2, 3])), list(unique_everseen("AAAABBBCCDAABBB")), list(unique_everseen("ABBcCAD", str.lower)))
print(list(sliding_window("ABCDEFG", 4)), list(grouper("ABCDEFG", 3, "x")), first_true([0, None, "", 7, 8]), first_true([], "none"))
print(take(10, it.accumulate(it.count(1), lambda a, b: a * b)), list(it.accumulate([1, 2, 3], initial=100)))
print([(k, len(list(g))) for k, g in it.groupby(sorted("mississippi"))], list(it.product(range(2), repeat=3))[:4])
print(sum(1 for _ in it.permutations(range(6))), sum(1 for _ in it.combinations(range(20), 3)), list(it.batched("abcdefg", 3)) if hasattr(it, "batched") else "no batched")
