# word ladder via BFS over a small dictionary; anagram index; trie
from collections import deque
WORDS = """cold cord card ward warm worm word wood good gold bold bolt boat coat cost most mist
mint mind bind band bend bond fond food fool pool poll pole pale sale sane same came cane lane
line fine fire hire here hare care core bore bare wire wore more mode made fade fame game gate""".split()
wordset = set(WORDS)
def neighbours(w):
    for i in range(len(w)):
        for c in "abcdefghijklmnopqrstuvwxyz":
            if c != w[i]:
                nw = w[:i] + c + w[i + 1:]
                if nw in wordset:
                    yield nw
def ladder(start, goal):
    prev = {start: None}
    q = deque([start])
    while q:
        w = q.popleft()
        if w == goal:
            path = []
            while w:
                path.append(w)
                w = prev[w]
            return path[::-1]
        for n in sorted(neighbours(w)):
            if n not in prev:
                prev[n] = w
                q.append(n)
    return None
for a, b in [("cold", "warm"), ("fool", "sage"), ("fine", "game"), ("cost", "mind"), ("boat", "bond")]:
    print(a, b, ladder(a, b))
class Trie:
    def __init__(self):
        self.root = {}
    def insert(self, w):
        node = self.root
        for ch in w:
            node = node.setdefault(ch, {})
        node["$"] = True
    def starts(self, prefix):
        node = self.root
        for ch in prefix:
            if ch not in node:
                return []
            node = node[ch]
        out = []
        def walk(n, acc):
            for k in sorted(n):
                if k == "$":
                    out.append(prefix + acc)
                else:
                    walk(n[k], acc + k)
        walk(node, "")
        return out
tr = Trie()
for w in WORDS:
    tr.insert(w)
print(tr.starts("bo"), tr.starts("ca"), tr.starts("x"), tr.starts("m"))
degree = {w: sum(1 for _ in neighbours(w)) for w in WORDS}
print(sorted(degree.items(), key=lambda kv: (-kv[1], kv[0]))[:6])
