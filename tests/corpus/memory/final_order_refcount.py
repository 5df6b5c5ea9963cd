# refcount-path dealloc order: list/tuple items last to first, dict insertion order
log = []
class D:
    def __init__(self, n):
        self.n = n
    def __del__(self):
        log.append(self.n)
l = [D(1), D(2), D(3)]
del l
print('list', log); log.clear()
t = (D(1), D(2), D(3))
del t
print('tuple', log); log.clear()
d = {'a': D(1), 'b': D(2), 'c': D(3)}
del d
print('dict', log); log.clear()
d = {D('k1'): D('v1'), D('k2'): D('v2')}
del d
print('dict keys/values', log); log.clear()
o = D('outer')
o.x = D('x'); o.y = D('y'); o.z = D('z')
del o
print('instance attrs', log); log.clear()
s = [D(i) for i in range(5)]
s.clear()
print('clear', log); log.clear()
s = [D(i) for i in range(5)]
del s[1:4]
print('slice del', log); log.clear()
