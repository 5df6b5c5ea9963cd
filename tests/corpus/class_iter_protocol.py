# classes implementing iteration in several ways
class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
print(list(Fib(100)), sum(Fib(10 ** 6)), 21 in Fib(50), max(Fib(1000)))
class Cycle:
    def __init__(self, items, n):
        self.items, self.n = items, n
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        v = self.items[self.i % len(self.items)]
        self.i += 1
        return v
print(list(Cycle("abc", 7)))
c = Cycle([1, 2], 3)
print(list(c), list(c))
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
    def bfs(self):
        q = [self]
        while q:
            n = q.pop(0)
            yield n.v
            q.extend(n.kids)
t = Tree(1, Tree(2, Tree(4), Tree(5)), Tree(3, Tree(6, Tree(7))))
print(list(t), list(t.bfs()), sorted(t, reverse=True), len(list(t)))
class Paginator:
    def __init__(self, data, size):
        self.data, self.size = data, size
    def __iter__(self):
        for i in range(0, len(self.data), self.size):
            yield self.data[i:i + self.size]
    def __len__(self):
        return -(-len(self.data) // self.size)
p = Paginator(list(range(10)), 3)
print(list(p), len(p))
class Reader:
    def __init__(self, lines):
        self.lines = lines
        self.closed = False
    def __enter__(self):
        return self
    def __exit__(self, *a):
        self.closed = True
    def __iter__(self):
        for line in self.lines:
            if self.closed:
                return
            yield line.strip()
with Reader(["a\n", " b \n", "c"]) as rd:
    print([l for l in rd])
print(rd.closed, list(rd))
class Counter:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
it = iter(Counter())
print(next(it), next(it), next(it), next(it, "done"))
print(dict(zip(Fib(30), Cycle("xyz", 10))))
