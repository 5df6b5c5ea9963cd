# Code examples of seed article 001 (memory management, gc module), fixed into
# valid Python. Values that depend on interpreter start-up (gc.get_count()) are
# printed structurally only.
import gc
import sys

# "x = 20y = []z = """  -> static-style bindings
x = 20
y = []
z = ""
print(x, y, repr(z), sys.getsizeof(x), sys.getsizeof(y), sys.getsizeof(z))

# heap allocation of a list of 5 integers
x = [0] * 5  # This memory for 5 integers is allocated on heap.
print(x, sys.getsizeof(x))

gc.collect()  # start from a clean state (start-up garbage is interpreter specific)

# class Test(object): pass / x = Test() / x.obj = x / del x
class Test(object):
    pass

x = Test()
x.obj = x
del x
print("collected", gc.collect())

# import gc; print(gc.get_threshold())
print(gc.get_threshold())

# import gc; print(gc.get_count())
count = gc.get_count()
print(type(count).__name__, len(count), all(isinstance(c, int) and c >= 0 for c in count))

# import gc; print(gc.collect())
print(gc.collect())

# gc.get_threshold(); gc.set_threshold(7777, 11, 11); print(gc.get_threshold())
gc.get_threshold()
gc.set_threshold(7777, 11, 11)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)

# slicing copies; tracking an index does not
array = list(range(10))
sub = array[2:8]
print(sub, sub is not array)
start = 2
print([array[i] for i in range(start, 8)])

# for item in array: ... / for index in range(len(array)): ...
total_items = 0
for item in array:
    total_items += item
total_index = 0
for index in range(len(array)):
    total_index += array[index]
print(total_items, total_index)

# string concatenation
a = "Mango"
a = a + " Ice-cream"
print(a)
a = "Mango"
a = "".join([a, " Ice-cream"])
print(a)
print("{} {}".format("Mango", "Ice-cream"), "%s %s" % ("Mango", "Ice-cream"))

# def _generator(self): for i in self.items(): yield i
class Basket(dict):
    def _generator(self):
        for i in self.items():
            yield i

b = Basket(apple=3, pear=5)
g = b._generator()
print(type(g).__name__, next(g), list(g))
