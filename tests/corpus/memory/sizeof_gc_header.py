# the GC header (16 bytes) is added by type, even for untracked objects
import sys, gc
for o in ((), {}, [], set(), 1, 'a', 1.0, int, object()):
    print(type(o).__name__, sys.getsizeof(o) - type(o).__sizeof__(o), gc.is_tracked(o))
class C:
    pass
c = C()
print('instance', sys.getsizeof(c) - c.__sizeof__())
print(sys.getsizeof(()), ().__sizeof__(), sys.getsizeof({}), {}.__sizeof__())
print([].__sizeof__(), (1, 2).__sizeof__(), 'abc'.__sizeof__(), (10 ** 20).__sizeof__())
