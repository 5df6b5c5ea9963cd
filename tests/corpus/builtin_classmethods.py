# Class methods of built-in types bind as built-in methods of the type object;
# dict.fromkeys makes an instance of the class it is called on, through __setitem__.
class D(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k, (v, 'set'))
print(type(D.fromkeys('x')).__name__, D.fromkeys('ab', 1), dict.fromkeys('ab'), {}.fromkeys([3]), D().fromkeys('z'))
print(repr(dict.fromkeys).split(' at')[0], repr(bytes.fromhex).split(' at')[0], repr(int.from_bytes).split(' at')[0], repr({}.fromkeys).split(' at')[0])
import collections
print(collections.OrderedDict.fromkeys('ab'), type(collections.Counter.fromkeys) if False else '')
class L(list):
    @classmethod
    def make(cls): return cls()
print(type(L.make()).__name__, repr(L.make).split(' at')[0].split(' of')[0])
