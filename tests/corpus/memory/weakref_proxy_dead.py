# using a dead proxy raises ReferenceError
import weakref
class T:
    a = 1
    def __len__(self):
        return 4
o = T()
p = weakref.proxy(o)
print(p.a, len(p))
del o
for action in ('attr', 'len', 'bool', 'str', 'setattr'):
    try:
        if action == 'attr':
            p.a
        elif action == 'len':
            len(p)
        elif action == 'bool':
            bool(p)
        elif action == 'str':
            str(p)
        else:
            p.b = 1
        print(action, 'no error')
    except ReferenceError as e:
        print(action, 'ReferenceError:', e)
print(type(p).__name__, weakref.getweakrefcount(T()))
print(issubclass(ReferenceError, Exception))
