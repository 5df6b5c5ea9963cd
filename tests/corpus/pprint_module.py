# pprint: dict/list/tuple/set/str layouts at several widths, indents, depth, compact,
# sort_dicts, the collections containers, recursion and the helpers.
import pprint, collections
data = {"name": "pymm", "versions": [3, 11, 7], "gc": {"thresholds": (700, 10, 10), "generations": 3, "enabled": True},
        "sizes": {"list": 56, "dict": 64, "tuple": 40, "set": 216, "str": 49, "int": 28, "float": 24},
        "nested": [[1, 2, [3, 4, [5, 6, [7, 8]]]], {"z": 1, "a": {"y": [None, 1.5, "text"]}}],
        "long": "Python memory management: the private heap, reference counting and the generational garbage collector work together."}
pprint.pprint(data)
pprint.pprint(data, width=40)
pprint.pprint(data, indent=4, width=60, sort_dicts=False)
pprint.pprint(data, depth=2)
pprint.pprint(list(range(40)), compact=True)
pprint.pprint(list(range(40)))
pprint.pprint({i: str(i) * i for i in range(12)}, width=50)
pprint.pprint({3, 1, 2}); pprint.pprint(frozenset(range(30)), width=30); pprint.pprint((1,)); pprint.pprint(tuple(range(25)), width=20)
pprint.pprint("a fairly long single string that will have to be broken into pieces by pprint at spaces", width=30)
pprint.pprint(["line one\nline two that is long enough to wrap around the width limit\n", "x"], width=40)
od = collections.OrderedDict((str(i), i) for i in range(10)); pprint.pprint(od, width=40)
dd = collections.defaultdict(list, {"k%d" % i: [i] * 3 for i in range(6)}); pprint.pprint(dd, width=40)
c = collections.Counter("abracadabra" * 3); pprint.pprint(c, width=20)
dq = collections.deque(range(30), maxlen=40); pprint.pprint(dq, width=40)
r = [1, 2]; r.append(r); print(pprint.pformat(r).startswith("[1, 2, <Recursion on list with id="), pprint.saferepr(r) == pprint.pformat(r), pprint.isrecursive(r), pprint.isreadable([1, "a"]), pprint.isreadable(object()))
print(pprint.pformat({"b": 1, "a": [3, {"d": 4, "c": 5}]}), pprint.pformat(12345678, underscore_numbers=True))
pprint.pp({"b": 1, "a": 2})
