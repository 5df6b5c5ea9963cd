# Calls CPython 3.11 makes through tp_call build an argument tuple (and a keyword
# dict); they go back to the free lists, so gc.get_count() keeps them. Vectorcall
# callees (Python functions, list, dict, float, len, ...) build none.
import gc
gc.disable()
class T:
    def __init__(self, *a, **k): pass
class U:
    def __init__(self, a=0): pass
class N:
    def __new__(cls, *a): return object.__new__(cls)
class C:
    def __call__(self, *a): return 1
class E(Exception): pass
class L(list): pass
class D(dict): pass
class I(int): pass
def f(*a, **k): return 1
def g(a=0, b=0): return 1
c = C()
d = {'a': 1}
l = [3, 1, 2]
s = 'abc'
st = {1, 2}
exprs = [
    "str(1)", "str()", "int('1')", "int()", "bytes(1)", "complex(1)", "bytearray(1)",
    "slice(1)", "object()", "memoryview(b'a')", "property(abs)",
    "T()", "T(1)", "T(a=1)", "T(1, a=1)", "U(a=1)", "N()", "N(1)",
    "c()", "c(1)", "c(1, 2)", "E()", "E(1)", "ValueError(1)", "L()", "L([1])", "D(a=1)", "I(1)",
    "max(1, 2)", "max([1, 2])", "min(1, 2)", "max([1], key=abs)", "vars(T)",
    "f(a=1)", "f(1)", "f(*l)", "f(**d)", "g(*[1])", "g(a=1)", "T(*l)", "T(*(1, 2))", "max(*l)",
    "s.format(1)", "s.count('a')", "s.find('a')", "s.startswith('a')", "s.endswith(('a', 'c'))",
    "d.update(a=2)", "d.update({'a': 2})", "d.get('a')",
    "st.union([3])", "st.intersection([1])", "st.difference([1])", "st.update([3])",
    "object.__new__(T)", "int.__new__(int)", "str.__new__(str)",
    "len(l)", "sorted(l)", "list(l)", "tuple(l)", "dict(a=1)", "float('1')", "range(3)",
]
for e in exprs:
    code = compile(e, '<e>', 'eval')
    eval(code)
    gc.collect()
    before = gc.get_count()[0]
    r = eval(code)
    del r
    print(f"{e:24} {gc.get_count()[0] - before}")
