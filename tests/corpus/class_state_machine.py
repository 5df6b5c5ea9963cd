# a state machine with classes, dicts of bound methods and exceptions
class TransitionError(Exception):
    pass
class TrafficLight:
    transitions = {"red": "green", "green": "yellow", "yellow": "red"}
    durations = {"red": 30, "green": 25, "yellow": 5}
    def __init__(self):
        self.state = "red"
        self.elapsed = 0
        self.log = []
    def tick(self, seconds):
        self.elapsed += seconds
        while self.elapsed >= self.durations[self.state]:
            self.elapsed -= self.durations[self.state]
            self.log.append(self.state)
            self.state = self.transitions[self.state]
        return self
light = TrafficLight()
for s in (10, 25, 3, 30, 40):
    light.tick(s)
    print(light.state, light.elapsed)
print(light.log)
class Door:
    def __init__(self):
        self.state = "closed"
        self.handlers = {
            ("closed", "open"): self._open,
            ("open", "close"): self._close,
            ("closed", "lock"): self._lock,
            ("locked", "unlock"): self._unlock,
        }
    def _open(self):
        return "opened"
    def _close(self):
        return "closed"
    def _lock(self):
        return "locked"
    def _unlock(self):
        return "closed"
    def send(self, event):
        h = self.handlers.get((self.state, event))
        if h is None:
            raise TransitionError(f"cannot {event} when {self.state}")
        self.state = h()
        return self.state
d = Door()
for ev in ["open", "close", "lock", "open", "unlock", "open", "lock"]:
    try:
        print(ev, "->", d.send(ev))
    except TransitionError as e:
        print("TransitionError:", e)
class VendingMachine:
    PRICES = {"cola": 150, "chips": 100, "candy": 65}
    def __init__(self):
        self.credit = 0
        self.sales = []
    def insert(self, coin):
        if coin not in (5, 10, 25, 100):
            raise ValueError(f"bad coin {coin}")
        self.credit += coin
    def buy(self, item):
        price = self.PRICES[item]
        if self.credit < price:
            return f"need {price - self.credit} more"
        self.credit -= price
        self.sales.append(item)
        change, self.credit = self.credit, 0
        coins = []
        for c in (100, 25, 10, 5):
            n, change = divmod(change, c)
            coins += [c] * n
        return f"{item}, change {coins}"
vm = VendingMachine()
for c in (100, 25, 25, 10):
    vm.insert(c)
print(vm.buy("cola"))
for c in (25, 25):
    vm.insert(c)
print(vm.buy("chips"))
try:
    vm.insert(3)
except ValueError as e:
    print("ValueError:", e)
vm.insert(100)
print(vm.buy("candy"), vm.sales)
try:
    vm.buy("water")
except KeyError as e:
    print("KeyError:", e)
