# len, range, enumerate, zip, map, filter, sorted, reversed, sum, min, max
data = [4, 8, 15, 16, 23, 42]
print(len(data), len("abc"), len({1: 2}), len(set()), len(range(0, 10, 3)), len(b"xy"))
print(list(enumerate(data)), list(enumerate("ab", start=10)))
print(list(zip(data, "abcdef", range(100))), list(zip()), list(zip([1, 2, 3], [4])))
try:
    list(zip([1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(abs, [-1, 2, -3])), list(map(pow, [2, 3], [3, 2])), list(map(lambda a, b, c: a + b + c, [1], [2], [3])))
print(list(filter(None, [0, 1, "", "a", [], [0]])), list(filter(lambda x: x % 2, data)), list(filter(str.isdigit, "a1b2")))
print(sorted(data, reverse=True), sorted("hello"), list(reversed(data)), list(reversed("abc")), list(reversed(range(3))))
print(sum(data), sum(data, 100), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(10), start=-45), sum(()))
print(min(data), max(data), min("hello"), max([1, 5], [2, 0]), min(3, 1, 2), max(3, 1, 2, key=lambda x: -x))
print(max([], default="empty"), min([], default=None), max(["aa", "b", "ccc"], key=len), min({"x": 3, "y": 1}.items(), key=lambda kv: kv[1]))
print(max([1, 1.0]), max([1.0, 1]), min([True, 0]), max("a", "B"), min([(2, "b"), (2, "a")]))
print(abs(-3), abs(-2.5), abs(3 + 4j), abs(True), round(2.567, 2), round(-0.5), round(7), round(2.5), round(3.5))
print(divmod(17, 5), divmod(-17, 5), divmod(17.5, 5), pow(2, 10), pow(2, -2), pow(7, 2, 5), pow(2, 0.5))
print(any([0, 0, 1]), any([]), all([1, 1]), all([1, 0]), any(x > 40 for x in data), all(isinstance(x, int) for x in data))
print(list(range(3)), list(range(1, 10, 4)), list(range(5, -5, -3)))
r = reversed([1, 2, 3])
print(next(r), list(r))
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(reversed(Seq())), sorted(Seq(), reverse=True), sum(Seq()), max(Seq()))
print(sorted(set([3, 1, 2])), sorted(map(str, range(12))), sorted(zip("cab", range(3))))
it = iter(range(10))
print(list(zip(it, it)))
print(tuple(enumerate(map(str.upper, filter(str.isalpha, "a1b2c3")))))
