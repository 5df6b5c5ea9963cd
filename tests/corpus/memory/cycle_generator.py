# generators in cycles; finally blocks run when collected
import gc
gc.disable()
gc.collect()
log = []
def gen():
    try:
        yield 1
        yield 2
    finally:
        log.append('finally')
g = gen()
next(g)
lst = [g]
def holder():
    yield lst
h = holder()
lst.append(h)
del g, h, lst
print(gc.collect(), log)
def selfref():
    me = yield
    yield me
s = selfref()
next(s)
s.send(s)
del s
print('generator holding itself', gc.collect())
g2 = gen()
next(g2)
del g2
print('refcount path', log)
