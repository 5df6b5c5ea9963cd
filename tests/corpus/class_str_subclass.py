import sys, gc
class S(str): pass
s = S('abc')
print(type(s).__name__, s, repr(s), len(s), s == 'abc', hash(s) == hash('abc'), s.upper(), type(s.upper()).__name__)
print(sys.getsizeof(s), sys.getsizeof(S('')), sys.getsizeof(S('é')), sys.getsizeof(S('ā')), sys.getsizeof(S('😀')))
print(gc.is_tracked(s), s.__dict__, isinstance(s, str), s + 'x', type(s + 'x').__name__, type(str(s)).__name__, type(s[0:3]).__name__, type(s[:]).__name__)
s.x = 5; print(s.x, s.__dict__, s.isascii(), S('é').isascii(), f"{s}|{s!r}|{s:>5}", '%s' % s, '{}'.format(s))
d = {s: 1}; print(d['abc'], 'abc' in d, {'abc': 2}[s])
print(list(s), s.split('b'), s * 2, type(s * 2).__name__, 'b' in s, s.startswith('a'), ''.join([s]), type(''.join([s])).__name__)
try: sys.intern(s)
except TypeError as e: print(e)
class Upper(str):
    def __new__(cls, v): return super().__new__(cls, v.upper())
    def shout(self): return self + '!'
u = Upper('hi'); print(u, u.shout(), type(u).__name__, u.lower(), len(u), u == 'HI')
print(int(S('42')), float(S('1.5')), S(5), S(b'x', 'ascii'), S())
class R(str):
    def __repr__(self): return 'R<' + str.__repr__(self) + '>'
    def __str__(self): return 'RS'
r = R('q'); print(repr(r), str(r), r, f'{r}', [r])
# The instance is a container: a cycle through its __dict__ is collected.
gc.collect()
c = S('cycle'); c.me = c
del c
print("collected", gc.collect())
class Sl(str):
    __slots__ = ()
q = Sl('slots')
print(hasattr(q, '__dict__'), q, type(q).__name__)
try:
    q.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(str.__new__(S, 'n'), type(str.__new__(S, 'n')).__name__, S.__mro__)
print(sorted([S('b'), 'a', S('c')]), max(S('x'), 'y'), S('a') < 'b', S('k') in {'k'})
print(type(S('ab') * 1).__name__, type(S('ab').strip()).__name__, type(S('ab').replace('z', 'y')).__name__, type(S('%s') % 1).__name__)
# The same for the other built-in bases: the instance dict is a tracked dict of its own.
for base in (int, float, tuple, list, dict, frozenset):
    T = type('T', (base,), {})
    t = T()
    t.me = t
    del t
    print(base.__name__, gc.collect(), gc.is_tracked(T().__dict__))
class H(str):
    def __hash__(self): return 7
    def __eq__(self, o): return str.__eq__(self.lower(), o.lower()) if isinstance(o, str) else NotImplemented
d = {H('A'): 1}
print(hash(H('A')), d.get(H('a')), H('A') == 'a', 'a' == H('A'), H('x') != 'X')
s = {H('Q')}; print(H('q') in s)
import sys
print(sys.getsizeof(H('abc')), len(H('abcd')), H('ab')[1], H('abc')[::-1], H('a b').split())
class P(str): pass
print(P('x').join(['1','2']), '-'.join([P('a'), P('b')]), P('%d') % 5, P('{}').format(1), type(P('{}').format(1)).__name__)
print(int(P('7')) + 1, P('1e3') , float(P('1e3')), P('abc').encode(), P('ab') + P('cd'), type(P('ab') + P('cd')).__name__)
