# Seed article 001 ("Memory management in Python", the gc-module article),
# section "Use iterators and generators":
#   def _generator(self):for i in self.items():yield i
# The listing is a method; here it lives on a small dict subclass.
import sys


class Inventory(dict):
    def _generator(self):
        for i in self.items():
            yield i


stock = Inventory(apples=3, pears=5, plums=7)
gen = stock._generator()
print(type(gen).__name__, next(gen))
for item in gen:
    print(item)

# A generator holds its state, not the data: its size does not grow with n.
def squares(n):
    for i in range(n):
        yield i * i


print(sys.getsizeof(squares(10)) == sys.getsizeof(squares(1_000_000)))
print(sys.getsizeof([i * i for i in range(1000)]), "bytes for a list of 1000 squares")
print(sum(squares(1000)))
