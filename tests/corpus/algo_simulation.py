# discrete-event queue simulation with a seeded RNG, deque and heapq
import heapq
import random
from collections import deque
random.seed(2024)
class Customer:
    __slots__ = ("id", "arrival", "service", "start")
    def __init__(self, id, arrival, service):
        self.id, self.arrival, self.service, self.start = id, arrival, service, None
events = []
t = 0.0
for i in range(200):
    t += random.expovariate(1.0)
    heapq.heappush(events, (t, 0, i, Customer(i, t, random.uniform(0.3, 1.5))))
queue = deque()
busy_until = [0.0, 0.0]
served = []
seq = 1
while events:
    now, kind, _, cust = heapq.heappop(events)
    if kind == 0:
        queue.append(cust)
    else:
        served.append(cust)
    for s in range(2):
        if queue and busy_until[s] <= now:
            c = queue.popleft()
            c.start = now
            busy_until[s] = now + c.service
            heapq.heappush(events, (busy_until[s], 1, seq, c))
            seq += 1
waits = [c.start - c.arrival for c in served]
print(len(served), round(sum(waits) / len(waits), 6), round(max(waits), 6), round(max(busy_until), 6))
print([c.id for c in served[:15]])
dq = deque(range(5), maxlen=5)
dq.append(5)
dq.appendleft(-1)
dq.rotate(2)
print(dq, dq.maxlen, dq.count(2), list(reversed(dq)), dq[0], dq[-1])
dq.extendleft([10, 11])
print(dq, dq.popleft(), dq.pop(), len(dq))
inventory = {"apple": 5, "pear": 2}
orders = [("apple", 3), ("pear", 5), ("apple", 2), ("kiwi", 1), ("apple", 1)]
log = []
for item, n in orders:
    have = inventory.get(item, 0)
    if have >= n:
        inventory[item] = have - n
        log.append(f"ok {item} x{n}")
    else:
        log.append(f"short {item}: want {n}, have {have}")
print(log, inventory)
