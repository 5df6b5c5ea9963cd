# list() and dict() called as constructors allocate through tp_alloc: they never take a block from the list/dict free lists (displays and copies do), but their objects go back to the free lists when they die.
import gc, sys
gc.disable()
def measure(label, warm, fn):
    gc.collect()
    warm()
    c0 = gc.get_count()[0]
    r = fn()
    del r
    c1 = gc.get_count()[0]
    print(label, c1 - c0 - 1)
measure("list() warm", lambda: [[] for _ in range(3)], lambda: list('ab'))
measure("[] warm", lambda: [[] for _ in range(3)], lambda: ['a', 'b'])
measure("dict() warm", lambda: [{} for _ in range(3)], lambda: dict(a=1))
measure("{} warm", lambda: [{} for _ in range(3)], lambda: {'a': 1})
measure("list() cold", lambda: None, lambda: list('ab'))
measure("dict() cold", lambda: None, lambda: dict(a=1))
a = {'x': 1}; i = id(a); del a; b = dict(); print("dict() reuses freed dict:", id(b) == i)
a = {'x': 1}; i = id(a); del a; b = {}; print("{} reuses freed dict:", id(b) == i)
a = [1]; i = id(a); del a; b = list(); print("list() reuses freed list:", id(b) == i)
