# get_objects(gen): new objects move gen0 -> gen1 -> gen2
import gc
gc.disable()
gc.collect()
class T:
    pass
x = T()
def where():
    return [any(o is x for o in gc.get_objects(g)) for g in range(3)]
print(where())
gc.collect(0)
print(where())
gc.collect(1)
print(where())
gc.collect(0)
print(where())
gc.collect(2)
print(where())
print(any(o is x for o in gc.get_objects()))
y = 'string'
print(any(o is y for o in gc.get_objects()))
