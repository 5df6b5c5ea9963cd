# print() in CPython 3.11 is an Argument Clinic function with *objects: its positional
# arguments are packed into a tuple (back to the tuple free list), and its first call
# builds the parser's keyword-names tuple, kept for good. Keyword-only clinic
# functions (list.sort, int) build theirs at their first keyword call.
import gc, sys
gc.disable()
log = []
class F:
    def write(self, s):
        pass
f = F()
def measure(label, fn):
    gc.collect()
    c0 = gc.get_count()[0]
    fn()
    c1 = gc.get_count()[0]
    log.append((label, c1 - c0 - 1))
measure("first print", lambda: print("x", file=f))
measure("print", lambda: print("x", file=f))
measure("print two", lambda: print("x", "y", file=f))
measure("print no args", lambda: print(file=f))
measure("print end", lambda: print("x", end="", file=f))
measure("sorted", lambda: sorted([2, 1]))
measure("sorted key first", lambda: sorted([2, 1], key=abs))
measure("sorted key", lambda: sorted([2, 1], key=abs))
measure("int base first", lambda: int("5", base=10))
measure("int base", lambda: int("5", base=10))
measure("write", lambda: f.write("x"))
for label, n in log:
    print(f"{label:18} {n}")
