# open-addressing hash table implemented in Python (uses hash() of ints/tuples only)
class Table:
    EMPTY = object()
    DELETED = object()
    def __init__(self, cap=8):
        self.keys = [self.EMPTY] * cap
        self.vals = [None] * cap
        self.used = 0
        self.filled = 0
    def _probe(self, key):
        mask = len(self.keys) - 1
        i = hash(key) & mask
        perturb = hash(key) & 0xFFFFFFFFFFFFFFFF
        first_deleted = None
        while True:
            k = self.keys[i]
            if k is self.EMPTY:
                return first_deleted if first_deleted is not None else i, False
            if k is self.DELETED:
                if first_deleted is None:
                    first_deleted = i
            elif k == key:
                return i, True
            perturb >>= 5
            i = (i * 5 + perturb + 1) & mask
    def __setitem__(self, key, val):
        i, found = self._probe(key)
        if not found:
            if self.keys[i] is self.EMPTY:
                self.filled += 1
            self.used += 1
        self.keys[i] = key
        self.vals[i] = val
        if self.filled * 3 >= len(self.keys) * 2:
            self._resize(len(self.keys) * 4 if self.used < 50000 else len(self.keys) * 2)
    def __getitem__(self, key):
        i, found = self._probe(key)
        if not found:
            raise KeyError(key)
        return self.vals[i]
    def __delitem__(self, key):
        i, found = self._probe(key)
        if not found:
            raise KeyError(key)
        self.keys[i] = self.DELETED
        self.vals[i] = None
        self.used -= 1
    def __contains__(self, key):
        return self._probe(key)[1]
    def __len__(self):
        return self.used
    def _resize(self, cap):
        old = [(k, v) for k, v in zip(self.keys, self.vals) if k is not self.EMPTY and k is not self.DELETED]
        self.keys = [self.EMPTY] * cap
        self.vals = [None] * cap
        self.used = self.filled = 0
        for k, v in old:
            self[k] = v
    def items(self):
        return sorted(((k, v) for k, v in zip(self.keys, self.vals) if k is not self.EMPTY and k is not self.DELETED), key=lambda kv: (type(kv[0]).__name__, kv[0]))
t = Table()
for i in range(1000):
    t[i * 7] = i
for i in range(0, 1000, 3):
    del t[i * 7]
t[(1, 2)] = "tuple"
t[-5] = "neg"
print(len(t), len(t.keys), t[7], t[(1, 2)], 21 in t, 14 in t, t[-5])
try:
    t[3]
except KeyError as e:
    print("KeyError:", e)
ref = {i * 7: i for i in range(1000) if i % 3}
print(all(t[k] == v for k, v in ref.items()), t.items()[:5])
for k in list(ref)[:300]:
    del t[k]
print(len(t), t.items()[-3:])
