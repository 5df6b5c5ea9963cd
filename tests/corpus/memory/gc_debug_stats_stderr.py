# DEBUG_STATS output goes to stderr; check the last line shape
import gc, sys, io
gc.disable()
gc.collect()
buf = io.StringIO()
old = sys.stderr
sys.stderr = buf
gc.set_debug(gc.DEBUG_STATS)
l = []
l.append(l)
del l
n = gc.collect()
gc.set_debug(0)
sys.stderr = old
lines = buf.getvalue().splitlines()
print(n, len(lines))
print(lines[0])
print(lines[1].split(':')[0], lines[1].startswith('gc: objects in each generation:'))
print(lines[-1].startswith('gc: done, 1 unreachable, 0 uncollectable'))
