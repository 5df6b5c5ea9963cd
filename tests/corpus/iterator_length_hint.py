# __length_hint__ of the built-in iterators that have it (and only those), after
# partial iteration, exhaustion, and changes to the container.
import array, operator
objs = [iter([1,2]), iter((1,)), iter(range(5)), iter(range(2**70, 2**70+3)), iter('ab'), iter('é'), iter(b'ab'), iter(bytearray(b'a')), iter({1:2}), iter({1:2}.values()), iter({1:2}.items()), reversed({1:2}), iter({1}), reversed([1,2]), reversed((1,2)), iter(array.array('i',[1])), iter(memoryview(b'ab')), enumerate([]), zip(), map(abs, []), filter(None, []), iter(int, 1)]
for o in objs:
    print(type(o).__name__, hasattr(o, '__length_hint__') and o.__length_hint__())
it = iter([1, 2, 3]); next(it); print(it.__length_hint__(), operator.length_hint(it) if hasattr(operator, 'length_hint') else 2)
l = [1, 2, 3]; r = reversed(l); next(r); l.clear(); print(r.__length_hint__())
d = {1: 1}; it = iter(d); d[2] = 2; print(it.__length_hint__())
it = iter(range(3)); list(it); print(it.__length_hint__())
it = iter([1]); list(it); print(it.__length_hint__())
