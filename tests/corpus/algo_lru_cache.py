# an LRU cache built on a dict + doubly linked list, checked against OrderedDict
from collections import OrderedDict
class _Node:
    __slots__ = ("key", "val", "prev", "next")
    def __init__(self, key=None, val=None):
        self.key, self.val = key, val
        self.prev = self.next = None
class LRU:
    def __init__(self, cap):
        self.cap = cap
        self.map = {}
        self.head = _Node()
        self.tail = _Node()
        self.head.next, self.tail.prev = self.tail, self.head
        self.hits = self.misses = 0
    def _unlink(self, n):
        n.prev.next, n.next.prev = n.next, n.prev
    def _push_front(self, n):
        n.next, n.prev = self.head.next, self.head
        self.head.next.prev = n
        self.head.next = n
    def get(self, key, default=None):
        n = self.map.get(key)
        if n is None:
            self.misses += 1
            return default
        self.hits += 1
        self._unlink(n)
        self._push_front(n)
        return n.val
    def put(self, key, val):
        n = self.map.get(key)
        if n:
            n.val = val
            self._unlink(n)
        else:
            if len(self.map) == self.cap:
                old = self.tail.prev
                self._unlink(old)
                del self.map[old.key]
            n = _Node(key, val)
            self.map[key] = n
        self._push_front(n)
    def keys(self):
        out, n = [], self.head.next
        while n is not self.tail:
            out.append(n.key)
            n = n.next
        return out
class ODLRU:
    def __init__(self, cap):
        self.cap, self.d = cap, OrderedDict()
    def get(self, k, default=None):
        if k not in self.d:
            return default
        self.d.move_to_end(k, last=False)
        return self.d[k]
    def put(self, k, v):
        if k in self.d:
            self.d.move_to_end(k, last=False)
        elif len(self.d) == self.cap:
            self.d.popitem(last=True)
        self.d[k] = v
        self.d.move_to_end(k, last=False)
    def keys(self):
        return list(self.d)
import random
random.seed(11)
a, b = LRU(8), ODLRU(8)
mismatch = 0
for i in range(5000):
    k = random.randint(0, 20)
    if random.random() < 0.5:
        a.put(k, i)
        b.put(k, i)
    elif a.get(k) != b.get(k):
        mismatch += 1
print(mismatch, a.keys() == b.keys(), a.keys(), a.hits, a.misses)
c = LRU(2)
c.put("a", 1); c.put("b", 2); c.get("a"); c.put("c", 3)
print(c.keys(), c.get("b", "evicted"), c.get("a"))
