# The types of built-in callables: slot wrappers and method-wrappers for special methods
# that fill type slots, method descriptors and built-in methods for the rest; their repr
# and getsizeof.
import sys
class P: pass
p = P()
for m in (p.__init__, p.__eq__, p.__repr__, p.__hash__, [].__len__, [].append, (1).__add__, 'a'.__len__, p.__sizeof__, p.__format__, p.__reduce_ex__, p.__dir__, {}.get, P.__init__, object.__init__, list.__len__, list.append, int.__add__):
    print(type(m).__name__, sys.getsizeof(m), repr(m).split(' at ')[0].split(' of ')[0])
class Q:
    def __repr__(self): return 'Q!'
q = Q()
print(repr(q.__repr__).split(' at')[0], repr(q.__eq__).split(' at')[0], repr(Q.__eq__), repr(Q.__repr__).split(' at')[0])
print(repr(list.__getitem__), repr([].__getitem__).split(' at')[0], repr({}.__contains__).split(' at')[0], repr(set.__contains__), repr(str.join), repr(len))
m = P().__init__; print(m.__name__, m.__self__.__class__.__name__)
print(list.append.__name__, object.__init__.__name__, callable(m), m() is None, list.__len__([1, 2]), int.__add__(1, 2), (5).__add__(1))
import types
print(type(P().__init__) is types.MethodWrapperType if hasattr(types, 'MethodWrapperType') else 'no types attr', type(len).__name__)
