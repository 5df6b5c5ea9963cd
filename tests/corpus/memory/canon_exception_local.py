# canonical: caught exception stored in a local -> 4
import gc
gc.disable()
gc.collect()
def f():
    try:
        1 / 0
    except ZeroDivisionError as e:
        exc = e
f()
print(gc.collect())
def g():
    try:
        raise ValueError('x')
    except ValueError as e:
        return 1
g()
print('not stored', gc.collect())
