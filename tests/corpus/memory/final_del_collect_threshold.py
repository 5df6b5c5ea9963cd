# __del__ with threshold 1 creating objects does not crash (test_del)
import gc
thresholds = gc.get_threshold()
gc.enable()
gc.set_threshold(1)
made = []
class A:
    def __del__(self):
        made.append(dir(self))
a = A()
del a
for i in range(50):
    b = A()
    b.me = b
    del b
gc.disable()
gc.set_threshold(*thresholds)
gc.collect()
print(len(made), made[0][:0])
