# if the weakref dies first its callback never runs; callback errors are unraisable
import weakref, sys
class T:
    pass
log = []
o = T()
r = weakref.ref(o, lambda x: log.append('cb'))
del r
del o
print(log)
seen = []
sys.unraisablehook = lambda u: seen.append((type(u.exc_value).__name__, str(u.exc_value)))
o = T()
def bad(x):
    raise ValueError('in callback')
r1 = weakref.ref(o, bad)
r2 = weakref.ref(o, lambda x: log.append('second'))
del o
print(seen, log)
sys.unraisablehook = sys.__unraisablehook__
