# cooperative multitasking: a round-robin scheduler of generator tasks
from collections import deque
class Scheduler:
    def __init__(self):
        self.ready = deque()
        self.tick = 0
        self.log = []
        self.waiting = {}
        self.results = {}
    def spawn(self, name, gen):
        self.ready.append((name, gen, None))
    def run(self):
        while self.ready:
            name, gen, value = self.ready.popleft()
            self.tick += 1
            try:
                req = gen.send(value)
            except StopIteration as e:
                self.results[name] = e.value
                self.log.append(f"{self.tick}: {name} done -> {e.value!r}")
                for w in self.waiting.pop(name, []):
                    self.ready.append((w[0], w[1], e.value))
                continue
            if req is None:
                self.ready.append((name, gen, None))
            elif req[0] == "wait":
                target = req[1]
                if target in self.results:
                    self.ready.append((name, gen, self.results[target]))
                else:
                    self.waiting.setdefault(target, []).append((name, gen))
            elif req[0] == "log":
                self.log.append(f"{self.tick}: {name}: {req[1]}")
                self.ready.append((name, gen, None))
def worker(n):
    total = 0
    for i in range(n):
        total += i
        yield ("log", f"step {i}")
    return total
def waiter(target):
    yield ("log", f"waiting for {target}")
    res = yield ("wait", target)
    yield ("log", f"got {res}")
    return res * 10
def chatter():
    for w in ("a", "b", "c"):
        yield ("log", w)
        yield
    return "chatted"
s = Scheduler()
s.spawn("w3", worker(3))
s.spawn("waiter", waiter("w3"))
s.spawn("w5", worker(5))
s.spawn("chat", chatter())
s.spawn("late", waiter("chat"))
s.run()
for line in s.log:
    print(line)
print(s.results, s.tick)
