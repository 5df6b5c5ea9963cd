# random with a fixed seed: results are deterministic (Mersenne Twister)
import random
random.seed(42)
print(random.random(), random.random())
print([random.randint(1, 6) for _ in range(10)])
print(random.randrange(100), random.randrange(0, 100, 5), random.uniform(1, 2))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.choice("abcdef"), random.choices(range(5), k=6), random.sample(range(100), 5))
print(random.getrandbits(64), random.getrandbits(8))
random.seed("a string seed")
print(random.random())
random.seed(2024)
state = random.getstate()
a = [random.random() for _ in range(3)]
random.setstate(state)
b = [random.random() for _ in range(3)]
print(a == b, a)
r = random.Random(7)
print(r.randint(0, 1000), r.choice([10, 20, 30]), r.gauss(0, 1), r.normalvariate(5, 2))
print(round(r.expovariate(1.5), 12), round(r.betavariate(2, 3), 12), round(r.triangular(0, 10, 3), 12))
random.seed(0)
counts = [0] * 6
for _ in range(6000):
    counts[random.randrange(6)] += 1
print(counts, sum(counts))
random.seed(1)
deck = [f"{v}{s}" for s in "SHDC" for v in "A23456789TJQK"]
random.shuffle(deck)
print(deck[:8])
print(random.choices("xyz", weights=[10, 1, 1], k=10))
random.seed(123)
print([round(random.random(), 6) for _ in range(5)], random.randbytes(4))
