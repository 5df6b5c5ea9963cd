# count0 grows with GC allocations and shrinks with GC deallocations
import gc
gc.disable()
class T:
    pass
gc.collect()
gc.get_count()
b = gc.get_count()[0]
keep = []
for i in range(50):
    keep.append(T())
print("50 instances", gc.get_count()[0] - b)
keep2 = [set() for i in range(30)]
print("+30 sets (+1 list)", gc.get_count()[0] - b)
del keep2
print("sets freed", gc.get_count()[0] - b)
x = T()
print("one more", gc.get_count()[0] - b)
del x
print("deleted", gc.get_count()[0] - b)
print(gc.get_count()[1:])
gc.collect(0)
print(gc.get_count())
y = T()
print(gc.get_count()[0])
del keep
print(gc.get_count()[0])
gc.collect()
print(gc.get_count())
