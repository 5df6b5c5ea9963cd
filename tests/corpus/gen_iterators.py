# iterator protocol, iter(callable, sentinel), itertools basics
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(5)))
c = Countdown(2)
print(next(c), next(c), next(c, "end"), list(c))
class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print(list(r), list(r), [a * b for a in r for b in r])
it = iter([1, 2, 3])
print(next(it), list(it), next(it, None))
vals = iter([5, 4, 3, 0, 2])
print(list(iter(lambda: next(vals), 0)))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
import itertools as itt
print(list(itt.islice(itt.count(10, 5), 4)), list(itt.islice(itt.cycle("ab"), 5)), list(itt.repeat("x", 3)))
print(list(itt.accumulate([1, 2, 3, 4])), list(itt.accumulate([3, 1, 4], max)), list(itt.product("ab", [1, 2])))
print(list(itt.permutations([1, 2, 3], 2)), list(itt.combinations("abcd", 2)), list(itt.combinations_with_replacement([1, 2], 2)))
print([(k, list(g)) for k, g in itt.groupby("aaabccdd")], list(itt.zip_longest("ab", [1, 2, 3], fillvalue="-")))
print(list(itt.starmap(pow, [(2, 3), (3, 2)])), list(itt.filterfalse(lambda x: x % 2, range(8))), list(itt.dropwhile(lambda x: x < 3, [1, 4, 2])))
print(list(itt.compress("abcdef", [1, 0, 1, 0, 1, 1])), list(itt.pairwise([1, 2, 3, 4])), [list(t) for t in itt.tee([1, 2], 2)])
e = enumerate("abc", 1)
print(next(e), list(e))
z = zip([1, 2, 3], "ab")
print(list(z), list(z))
m = map(str.upper, ["a", "b"])
print(type(m).__name__, list(m), list(m))
ri = reversed([1, 2, 3])
print(type(ri).__name__, next(ri), list(ri))
li = iter([1, 2, 3])
print(type(li).__name__, li.__length_hint__(), type(iter("s")).__name__, type(iter(())).__name__, type(iter(range(2))).__name__)
data = [1, 2, 3]
itd = iter(data)
data.append(4)
print(list(itd))
