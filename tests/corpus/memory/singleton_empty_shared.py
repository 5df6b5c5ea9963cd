# empty tuple/str/bytes are shared singletons; empty mutables and frozenset are not
def same(a, b):
    return a is b
E, S, B = (), '', b''
lst = []
print(same(tuple(lst), E), same(tuple(), E), same(E, tuple([])))
t = (1, 2)
print(same(t[5:], E), same(t[:0], E), same(t * 0, E), same(E * 5, E), same((1,) * 0, E))
print(same(tuple(x for x in range(0)), E), same(tuple(range(0)), E))
print(same(str(), S), same(''.join([]), S), same('abc'[3:], S), same('abc'[1:1], S))
print(same('abc'.replace('abc', ''), S), same('a' * 0, S), same(str(b'', 'ascii'), S))
print(same('   '.strip(), S), same(format('', ''), S), same(''.lower(), S))
print(same(bytes(), B), same(b'abc'[5:], B), same(b'x' * 0, B), same(bytes([]), B))
print(same(b''.join([]), B), same(bytes(bytearray()), B), same(b'  '.strip(), B))
print(same(frozenset(), frozenset()), same(frozenset([]), frozenset([])))
print(same([], []), same({}, {}), same(set(), set()), same(bytearray(), bytearray()))
print(same(list(), list()), same(dict(), dict()))
e1 = ()
e2 = tuple(list())
print(e1 is e2, id(e1) == id(()))
import gc
print(gc.is_tracked(()), gc.is_tracked(tuple([])), gc.is_tracked(''), gc.is_tracked(b''))
print(gc.is_tracked(frozenset()), gc.is_tracked([]), gc.is_tracked(set()))
import sys
print(sys.getrefcount(()) > 1000, sys.getrefcount('') > 1000, sys.getrefcount(b'') > 1000)
print(type(()).__name__, len(()), len(''), len(b''))
def make():
    return ()
print(same(make(), make()), same(make(), E))
print(same(tuple(iter([])), E), same(tuple({}), E), same(tuple(set()), E))
print(same(str([])[1:1], S), same(repr('')[1:1], S))
