# a long chain of instances freed on the refcount path and by the GC
import gc
gc.disable()
count = 0
class Node:
    __slots__ = ('next',)
class DNode:
    def __del__(self):
        global count
        count += 1
head = None
for i in range(100000):
    n = Node()
    n.next = head
    head = n
del head, n
print('slot chain ok')
head = None
for i in range(50000):
    n = DNode()
    n.next = head
    head = n
del head, n
print('del chain', count)
count = 0
first = DNode()
cur = first
for i in range(20000):
    nxt = DNode()
    cur.next = nxt
    cur = nxt
cur.next = first
del first, cur, nxt
print(gc.collect(), count)
