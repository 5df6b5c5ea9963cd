# The resource module: getrusage's struct_rusage (ru_maxrss, the peak resident set in
# kilobytes, grows with a large list), the limits, and CPython's errors.
import resource as r
x = r.getrusage(r.RUSAGE_SELF)
print(type(x).__name__, len(x), x.n_fields, x[2] == x.ru_maxrss > 0, x.ru_utime == x[0], isinstance(x.ru_utime, float))
print(repr(x).startswith("resource.struct_rusage(ru_utime="))
print(r.getpagesize(), r.RLIM_INFINITY, r.RUSAGE_SELF, r.RUSAGE_CHILDREN, r.RUSAGE_THREAD, r.error)
soft, hard = r.getrlimit(r.RLIMIT_NOFILE)
print(soft > 0, hard == -1 or hard >= soft)
r.setrlimit(r.RLIMIT_NOFILE, (soft, hard))
for args in [(r.RLIMIT_NOFILE, (5,)), (r.RLIMIT_NOFILE, 5), (99, (1,1)), (r.RLIMIT_NOFILE, (100, 50)), (r.RLIMIT_NOFILE, ('a', 1))]:
    try: r.setrlimit(*args); print('ok')
    except Exception as e: print(type(e).__name__, e)
for bad in ['x', 5]:
    try: r.getrusage(bad)
    except Exception as e: print(type(e).__name__, e)
for bad in [-1, 99, 'x']:
    try: r.getrlimit(bad)
    except Exception as e: print(type(e).__name__, e)
try: x.ru_utime = 1
except Exception as e: print(type(e).__name__, e)
print(sorted(n for n in dir(r) if n.isupper()))
big = [0] * 10_000_000
print(r.getrusage(r.RUSAGE_SELF).ru_maxrss - x.ru_maxrss > 70_000)
# Arguments past a C int or long: CPython's OverflowError; -5 and -7 are huge limits.
for f in (lambda: r.getrusage(10**30), lambda: r.getrlimit(10**30),
          lambda: r.setrlimit(r.RLIMIT_NOFILE, (10**30, 1)),
          lambda: r.setrlimit(r.RLIMIT_NOFILE, (-5, -7))):
    try:
        f()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
