# The __get__ of functions, classmethods, staticmethods and properties called directly,
# with the slot wrapper's argument errors.
class K:
    def f(self): return 1
    @classmethod
    def c(cls): return cls.__name__
    @staticmethod
    def s(): return 2
    p = property(lambda self: 3)
class L(K): pass
k = K()
print(K.__dict__['f'].__get__(k, K)(), K.__dict__['f'].__get__(None, K) is K.__dict__['f'])
print(K.__dict__['c'].__get__(None, K)(), K.__dict__['c'].__get__(k)(), K.__dict__['c'].__get__(L())(), K.__dict__['c'].__get__(k, L)())
print(K.__dict__['s'].__get__(k, K)(), K.__dict__['s'].__get__(None, K)(), K.__dict__['p'].__get__(k, K), K.__dict__['p'].__get__(None, K) is K.__dict__['p'])
for d in ('f', 'c', 's'):
    for args in [(), (None, None), (1, 2, 3)]:
        try:
            K.__dict__[d].__get__(*args)
        except TypeError as e:
            print(d, len(args), e)
print(type(K.__dict__['c'].__get__(k)).__name__, K.__dict__['c'].__get__(k).__self__ is K)
