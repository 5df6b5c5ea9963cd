# Set tables as CPython fills them: hash collisions (-1 and -2 hash alike), linear
# probing then perturbation, resizing on the 5th insertion of 8 slots, set_merge
# sizing the table for both sets and copying in table order, and the compiler
# rebuilding frozenset constants. Order and size follow from the table.
import sys
src = [-1, -2, 0, 1, 2]
print({-1, -2, 0, 1, 2}, {-2, -1, 0, 1, 2}, set(src), frozenset(src))
fs = frozenset(src)
s = set()
s.update(fs)
print(s, set(fs), set(set(src)), set(fs) | {7}, {7} | set(fs))
print(sys.getsizeof(set(src)), sys.getsizeof(set(fs)), sys.getsizeof(s), sys.getsizeof({-1, -2, 0, 1, 2}))
big = set(range(-20, 20))
print(len(big), sys.getsizeof(big), sys.getsizeof(set(big)), list(set(big))[:12])
t = set()
for x in [8, 16, 24, 0, 32, -8]:
    t.add(x)
print(t, sys.getsizeof(t))
t.discard(16)
t.add(40)
print(t)
d = dict.fromkeys(src)
print(set(d), sys.getsizeof(set(d)))
try:
    for x in t:
        t.add(x + 100)
except RuntimeError as e:
    print("RuntimeError:", e)
print({'b', 'a'} == {'a', 'b'}, {1.0, 1, True}, {0.5, -0.5, 1.5})
a = set(range(-6, 10))
b = {-1, -2, 3, 40, -8, 7}
print(a - b, b - a, a & b, b & a, a ^ b, b ^ a)
print(frozenset(a) | b, type(frozenset(a) | b).__name__, type(b | frozenset(a)).__name__)
c = set(a); c |= b; print(c, sys.getsizeof(c))
c = set(a); c &= b; print(c, sys.getsizeof(c))
c = set(a); c -= b; print(c, sys.getsizeof(c))
c = set(a); c ^= b; print(c, sys.getsizeof(c))
c = set(b); c -= c; print(c); c = set(b); c ^= c; print(c)
print(set(range(100)) - {1, 2}, len(set(range(100)) - {1, 2}))
