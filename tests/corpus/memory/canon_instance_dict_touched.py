# canonical: materialised __dict__ or >30 attributes -> 2 per instance
import gc
gc.disable()
gc.collect()
class Test:
    pass
x = Test()
x.obj = x
x.__dict__
del x
print('dict touched', gc.collect())
y = Test()
y.obj = y
vars(y)
del y
print('vars()', gc.collect())
z = Test()
for i in range(40):
    setattr(z, 'a%d' % i, i)
z.obj = z
del z
print('40 attrs', gc.collect())
class Fresh:
    pass
w = Fresh()
for i in range(10):
    setattr(w, 'b%d' % i, i)
w.me = w
del w
print('10 attrs', gc.collect())
