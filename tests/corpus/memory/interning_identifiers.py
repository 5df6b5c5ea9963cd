# interning: identifiers and name-like constants are shared; runtime strings are not
import sys
def same(a, b):
    return a is b
a = 'hello'
b = 'hel' + 'lo'
print(a is b)
c = ''.join(['hel', 'lo'])
print(c == a, c is a)
d = sys.intern(c)
print(d is a, sys.intern(c) is d)
e = sys.intern(''.join(['zz_', 'unique_name_1']))
print(same(e, sys.intern('zz_unique_name_1')), same(e, 'zz_unique_name_1'))
class C:
    pass
o = C()
o.some_attribute = 1
key = list(vars(o))[0]
print(same(key, 'some_attribute'))
name = ''.join(['some_', 'attribute'])
print(getattr(o, name), same(name, 'some_attribute'))
def f(alpha, beta):
    pass
print(same(f.__code__.co_varnames[0], 'alpha'), same(f.__name__, 'f'))
print(same(C.__name__, 'C'))
class S(str):
    pass
try:
    sys.intern(S('abc'))
except TypeError as e:
    print("TypeError:", e)
try:
    sys.intern(5)
except TypeError as e:
    print("TypeError:", e)
try:
    sys.intern(b'abc')
except TypeError as e:
    print("TypeError:", e)
try:
    sys.intern()
except TypeError as e:
    print("TypeError:", e)
x = sys.intern(''.join(['in', 'tern', '_me']))
print(sys.getrefcount(x))
keep = [x] * 3
print(sys.getrefcount(x))
print(same(sys.intern(''), ''), same(sys.intern('a'), 'a'))
print(type(sys.intern('q' * 3)).__name__)
