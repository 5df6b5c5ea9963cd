# A guided tour of Python's memory management, following the three seed articles
# (shared/seeds/): reference counting, the cycle collector and its generations,
# object sizes, caches and free lists, weak references, finalizers, tracemalloc
# and the small-object allocator.
#
# Run it with CPython 3.11 and with pymm; the output is the same, byte for byte:
#     python3 examples/tour.py
#     target/release/pymm examples/tour.py
import array
import gc
import sys
import tracemalloc
import weakref

step = 0


def heading(title, text):
    global step
    step += 1
    print()
    print(f"== {step}. {title} ==")
    print(f"   {text}")


class Thing:
    """A plain class: instances are GC-tracked and weakly referenceable."""

    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Thing({self.name!r})"


heading("Reference counting",
        "every object counts its references and is freed the moment the count hits 0")
x = Thing("x")
print("a fresh object bound to x:       ", sys.getrefcount(x), "(getrefcount adds 1 for its argument)")
y = x
print("after y = x:                     ", sys.getrefcount(x))
box = [x]
print("after box = [x]:                 ", sys.getrefcount(x))
table = {"key": x}
print("after table['key'] = x:          ", sys.getrefcount(x))
del y, box, table
print("after del y, box, table:         ", sys.getrefcount(x))
probe = weakref.ref(x)
del x
print("after del x, the object is gone: ", probe() is None)

heading("Reference cycles and the cycle collector",
        "objects that point at each other keep their counts above 0 after del")
gc.collect()
a, b = Thing("a"), Thing("b")
a.partner, b.partner = b, a
probe = weakref.ref(a)
del a, b
print("after del a, b the pair is still alive:", probe() is not None)
print("gc.collect() found unreachable objects: ", gc.collect())
print("and now the pair is gone:              ", probe() is None)

heading("Generations and thresholds",
        "new containers are counted in generation 0; passing the threshold triggers a collection")
print("gc.get_threshold():", gc.get_threshold())
gc.collect()
before = gc.get_count()
keep = []
for _ in range(100):
    keep.append([])
after = gc.get_count()
print("get_count() after a full collection:", before)
# 100 lists + the list `keep` + the tuple that the first get_count() returned
print("after allocating 100 lists:        ", after)
gc.collect(0)
young = gc.get_count()
gc.collect(1)
middle = gc.get_count()
print("after gc.collect(0), a gen-0 pass:  ", young, "(count1: gen-0 passes since the last gen-1)")
print("after gc.collect(1), a gen-1 pass:  ", middle, "(count2: gen-1 passes since the last full)")
gc.collect()
events = []


def watch(phase, info):
    events.append((phase, info["generation"], gc.get_count()))


gc.callbacks.append(watch)
for _ in range(750):
    keep.append([])
gc.callbacks.remove(watch)
phase, generation, count = events[0]
# count0 reached 701 (> 700) and triggered the pass; the tuple of arguments for
# the callback is one more container, hence 702 inside the callback.
print("750 more lists; the collector ran on its own:", len(events) // 2, "time(s)")
print(f"first callback: phase={phase!r}, generation={generation}, get_count()={count}")
del keep

heading("A list grows in steps",
        "list.append over-allocates so that most appends need no new memory")
items = []
last = sys.getsizeof(items)
print(f"len  0: {last} bytes (capacity 0)")
for i in range(70):
    items.append(i)
    size = sys.getsizeof(items)
    if size != last:
        print(f"len {len(items):2}: {size} bytes (capacity {(size - 56) // 8})")
        last = size
print("a tuple of 70 items is exact:", sys.getsizeof(tuple(items)), "bytes")

heading("Small-int cache and string interning",
        "some immutable objects are shared instead of being created again")
print("int('256') is int('256'):", int("256") is int("256"), " (cached: -5..256)")
print("int('257') is int('257'):", int("257") is int("257"))
left = "".join(["memory ", "manager"])
right = "".join(["memory ", "manager"])
print("two equal built strings are the same object:", left is right)
print("after sys.intern on both:                   ", sys.intern(left) is sys.intern(right))

heading("Free lists",
        "freed lists, tuples, floats and dicts are kept for reuse by the next one")
first = [1, 2, 3]
where = id(first)
del first
second = ["reused"]
print("a new list took the freed list's memory:", id(second) == where)
gc.collect()
c0 = gc.get_count()[0]
third = [4, 5]
del third
c1 = gc.get_count()[0]
fourth = [6]
c2 = gc.get_count()[0]
print("fresh allocation counted by the GC:     ", c1 - c0 >= 1)
print("reuse from the free list is not:        ", c2 == c1)

heading("Generators instead of lists",
        "a generator produces one item at a time instead of holding them all")
numbers = [i * i for i in range(100_000)]
lazy = (i * i for i in range(100_000))
print("list of 100000 squares:", sys.getsizeof(numbers), "bytes (plus the ints themselves)")
print("generator of the same: ", sys.getsizeof(lazy), "bytes")
print("same sum:", sum(numbers) == sum(lazy))
del numbers

heading("Joining strings instead of concatenating",
        "str is immutable: each + builds a new string, join builds one")
words = [f"w{i}" for i in range(1000)]
glued = ""
for w in words:
    glued = glued + w + " "
joined = " ".join(words) + " "
print("same text:", glued == joined, "| length:", len(joined), "| start:", joined[:15])
a = "Mango"
print("a + ' Ice-cream':", a + " Ice-cream", "| ''.join:", "".join([a, " Ice-cream"]))

heading("Weak references, caches and finalize",
        "a weak reference does not keep its target alive")
t = Thing("target")
r = weakref.ref(t, lambda ref: print("   callback: the target died"))
print("r() is t:", r() is t, "| weak reference count:", weakref.getweakrefcount(t))
del t
print("r() after del:", r())
cache = weakref.WeakValueDictionary()
held = [Thing(n) for n in ("alpha", "beta", "gamma")]
for obj in held:
    cache[obj.name] = obj
print("cache entries:", sorted(cache.keys()))
del held[1], obj
print("after dropping beta:", sorted(cache.keys()))
held.clear()
print("after dropping all: ", len(cache), "entries")
victim = Thing("with finalizer")
fin = weakref.finalize(victim, print, "   finalize: cleanup ran")
print("finalizer alive:", fin.alive)
del victim
print("finalizer alive after del:", fin.alive)

heading("__del__ and the order of finalization",
        "__del__ runs once; the GC runs weakref callbacks before __del__")
order = []


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        order.append(self.name)


crowd = [Noisy("first"), Noisy("second"), Noisy("third")]
del crowd
print("list items are released last to first:", order)
order.clear()
n = Noisy("solo")
w = weakref.ref(n, lambda ref: order.append("weakref callback"))
del n
print("refcount path, __del__ first:         ", order)
order.clear()
n = Noisy("looped")
n.me = n
w = weakref.ref(n, lambda ref: order.append("weakref callback"))
del n
print("a cycle waits for the collector:      ", order)
print("gc.collect():", gc.collect(), "->", order)

heading("tracemalloc",
        "trace which source line allocated the memory that is still alive")
tracemalloc.start()
start_mem = tracemalloc.get_traced_memory()[0]
blocks = [bytes(100) for _ in range(10_000)]  # the allocation we want to find
snapshot = tracemalloc.take_snapshot()
top = snapshot.statistics("lineno")[0]
frame = top.traceback[0]
print("top line:", frame.filename.rsplit("/", 1)[-1], "line", frame.lineno, "| at least 1 MB:", top.size >= 1_000_000)
held_mem = tracemalloc.get_traced_memory()[0] - start_mem
del blocks, snapshot, top
freed_mem = tracemalloc.get_traced_memory()[0] - start_mem
tracemalloc.stop()
print("traced while held: more than 1 MB:", held_mem > 1_000_000)
print("after del: less than 1% left:     ", freed_mem < held_mem // 100)

heading("array.array versus list",
        "an array stores raw machine values; a list stores pointers to objects")
floats = [float(i) for i in range(10_000)]
packed = array.array("d", floats)
list_total = sys.getsizeof(floats) + sum(sys.getsizeof(f) for f in floats)
print("list of 10000 floats: ", list_total, "bytes (list", sys.getsizeof(floats), "+ 10000 float objects)")
print("array('d') of the same:", sys.getsizeof(packed), "bytes")
del floats, packed

heading("The small-object allocator",
        "sys.getallocatedblocks() counts the blocks pymalloc has handed out")
gc.collect()
base = sys.getallocatedblocks()
many = [Thing(i) for i in range(100_000)]
grown = sys.getallocatedblocks()
del many
gc.collect()
back = sys.getallocatedblocks()
print("100000 instances took at least 100000 blocks:", grown - base >= 100_000)
print("after freeing, the count fell back by >= 90%:", (grown - back) >= 0.9 * (grown - base))

print()
print("End of the tour.")
