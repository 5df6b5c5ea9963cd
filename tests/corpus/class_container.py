# a full custom container: sequence protocol, slicing, iteration, reversed, copy
import copy
class Deque:
    def __init__(self, items=()):
        self._items = list(items)
    def __len__(self):
        return len(self._items)
    def __getitem__(self, i):
        if isinstance(i, slice):
            return Deque(self._items[i])
        return self._items[i]
    def __setitem__(self, i, v):
        self._items[i] = v
    def __delitem__(self, i):
        del self._items[i]
    def __iter__(self):
        yield from self._items
    def __reversed__(self):
        print("custom reversed")
        return reversed(self._items)
    def __contains__(self, x):
        return x in self._items
    def __add__(self, other):
        return Deque(self._items + list(other))
    def __iadd__(self, other):
        self._items.extend(other)
        return self
    def __mul__(self, n):
        return Deque(self._items * n)
    __rmul__ = __mul__
    def __eq__(self, other):
        return isinstance(other, Deque) and self._items == other._items
    def __repr__(self):
        return f"Deque({self._items})"
    def __bool__(self):
        return bool(self._items)
    def appendleft(self, x):
        self._items.insert(0, x)
    def popleft(self):
        return self._items.pop(0)
    def __copy__(self):
        print("__copy__")
        return Deque(self._items)
    def __deepcopy__(self, memo):
        print("__deepcopy__")
        return Deque(copy.deepcopy(self._items, memo))
d = Deque([1, 2, 3])
d.appendleft(0)
d += [4, 5]
print(d, len(d), d[0], d[-1], d[1:3], d[::-1], 3 in d, 9 in d, bool(d), bool(Deque()))
print(list(reversed(d)), sorted(d, reverse=True), d + [6], 2 * Deque([1]), d == Deque(range(6)))
d[0] = "zero"
del d[1]
print(d, d.popleft(), d)
c = copy.copy(d)
dc = copy.deepcopy(Deque([[1], [2]]))
print(c == d, c is d, dc)
print(sum(Deque([1, 2, 3])), max(Deque("abc")), list(enumerate(Deque("xy"))), dict(zip(Deque("ab"), Deque([1, 2]))))
class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __getitem__(self, pos):
        r, c = pos
        if not (0 <= r < self.h and 0 <= c < self.w):
            raise IndexError(f"cell {pos} out of range")
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, v):
        self.cells[pos] = v
    def __str__(self):
        return "\n".join("".join(self[r, c] for c in range(self.w)) for r in range(self.h))
g = Grid(5, 3)
g[0, 0] = "#"
g[1, 2] = "@"
g[2, 4] = "$"
print(g)
try:
    g[3, 0]
except IndexError as e:
    print("IndexError:", e)
lst = [[1, [2]], 3]
shallow = copy.copy(lst)
deep = copy.deepcopy(lst)
lst[0][1].append(99)
print(shallow, deep)
