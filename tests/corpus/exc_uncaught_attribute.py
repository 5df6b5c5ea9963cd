# uncaught AttributeError with the 3.11 message
class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
head = Node(1, Node(2, Node(3)))
n = head
while True:
    print(n.val)
    n = n.next
