# random.Random instances own their generators; getstate/setstate round-trip the
# Mersenne Twister state in CPython's format, with its errors.
import random

a = random.Random(42)
random.seed(42)
b = random.Random(42)
print(a.random() == random.random() == b.random())
print([a.randint(1, 100) for _ in range(5)], [b.randint(1, 100) for _ in range(5)])

# The module's generator and an instance's do not disturb each other.
random.seed(1)
x1 = random.random()
random.seed(1)
c = random.Random(99)
c.random(); c.shuffle([1, 2, 3])
print(random.random() == x1)

st = a.getstate()
print(type(st).__name__, len(st), st[0], type(st[1]).__name__, len(st[1]), st[2])
seq1 = [a.random() for _ in range(3)]
a.setstate(st)
print(seq1 == [a.random() for _ in range(3)])

# A state moves between the module and instances.
random.setstate(b.getstate())
print(random.random() == b.random())

# gauss_next is part of the state.
g = random.Random(5)
g.gauss(0, 1)
s = g.getstate()
print(s[2] is not None, g.gauss(0, 1) == (g.setstate(s), g.gauss(0, 1))[1])

print(random.Random.__name__, random.Random.VERSION, isinstance(a, random.Random))
print(round(a.betavariate(2, 3), 10), round(a.gammavariate(2.5, 1.0), 10))
print(round(a.lognormvariate(0, 1), 10), round(a.vonmisesvariate(1, 2), 10))
print(round(a.paretovariate(3), 10), round(a.weibullvariate(1, 2), 10))
print(len(a.randbytes(7)), a.getrandbits(40) < 2**40)

for bad in ([1], (2, (1,) * 625, None), (3, (1,) * 624, None), (3, (1,) * 624 + (700,), None),
            (3, (1,) * 624 + ("x",), None), (3, (-1,) * 624 + (3,), None),
            (3, [1] * 625, None), (3, (1,) * 625), (4, (), None)):
    try:
        random.setstate(bad)
        print("accepted")
    except Exception as e:
        print(type(e).__name__, e)
random.setstate((3, (2**40 + 5,) * 624 + (624,), None))
print(random.getstate()[1][:2], random.getstate()[1][-1])
try:
    random.Random().randrange(0)
except ValueError as e:
    print("ValueError", e)

# Subclasses keep their own attributes beside the generator.
class Dice(random.Random):
    def __init__(self, seed, sides):
        super().__init__(seed)
        self.sides = sides
        self._rng = "mine"

    def roll(self):
        return self.randint(1, self.sides)

d = Dice(11, 6)
print([d.roll() for _ in range(8)], d._rng, isinstance(d, random.Random))
print(hasattr(random, "_rng_swap"), hasattr(random, "_rng_fresh"))

# Copies are independent generators in the same state (Random.__reduce__).
import copy
r = random.Random(5)
r.random()
c = copy.copy(r)
dc = copy.deepcopy(r)
print(r.random() == c.random() == dc.random(), c.random() == dc.random(), len(r.__reduce__()[2][1]))
