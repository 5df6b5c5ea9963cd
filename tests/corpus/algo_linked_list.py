# linked list and binary search tree with classes
class Node:
    __slots__ = ("val", "next")
    def __init__(self, val, next=None):
        self.val = val
        self.next = next
class LinkedList:
    def __init__(self, items=()):
        self.head = None
        self.size = 0
        for x in reversed(list(items)):
            self.push(x)
    def push(self, v):
        self.head = Node(v, self.head)
        self.size += 1
    def __iter__(self):
        n = self.head
        while n:
            yield n.val
            n = n.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return "LL[" + " -> ".join(map(str, self)) + "]"
    def reverse(self):
        prev, cur = None, self.head
        while cur:
            cur.next, prev, cur = prev, cur, cur.next
        self.head = prev
    def remove(self, v):
        prev, cur = None, self.head
        while cur:
            if cur.val == v:
                if prev:
                    prev.next = cur.next
                else:
                    self.head = cur.next
                self.size -= 1
                return True
            prev, cur = cur, cur.next
        return False
ll = LinkedList(range(1, 8))
print(ll, len(ll))
ll.reverse()
print(ll)
print(ll.remove(4), ll.remove(99), ll.remove(7), ll, len(ll))
class BST:
    def __init__(self):
        self.root = None
    def insert(self, k):
        if self.root is None:
            self.root = [k, None, None]
            return
        n = self.root
        while True:
            i = 1 if k < n[0] else 2
            if n[i] is None:
                n[i] = [k, None, None]
                return
            n = n[i]
    def inorder(self, n="root"):
        n = self.root if n == "root" else n
        if n is None:
            return
        yield from self.inorder(n[1])
        yield n[0]
        yield from self.inorder(n[2])
    def height(self, n="root"):
        n = self.root if n == "root" else n
        return 0 if n is None else 1 + max(self.height(n[1]), self.height(n[2]))
    def __contains__(self, k):
        n = self.root
        while n:
            if k == n[0]:
                return True
            n = n[1] if k < n[0] else n[2]
        return False
t = BST()
for k in [50, 30, 70, 20, 40, 60, 80, 35, 45, 65]:
    t.insert(k)
print(list(t.inorder()), t.height(), 45 in t, 46 in t)
import random
random.seed(5)
t2 = BST()
vals = random.sample(range(10000), 2000)
for v in vals:
    t2.insert(v)
out = list(t2.inorder())
print(out == sorted(vals), t2.height(), out[:5])
big = LinkedList(range(20000))
print(len(big), sum(big))
big.reverse()
print(next(iter(big)))
del big
print("freed long chain")
