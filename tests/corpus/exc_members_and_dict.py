# Exception members kept out of __dict__ (AttributeError.name/.obj, NameError.name), and a
# real __dict__ for the attributes a program sets, tracked once it holds a container.
import gc
try: [].x
except AttributeError as e: err = e
print(err.__dict__, err.name, err.obj, vars(err))
try: undefined_name
except NameError as e: print(e.__dict__, e.name)
e = ValueError(1); e.note = 'n'; print(e.__dict__, gc.is_tracked(e.__dict__))
e.me = e; print(gc.is_tracked(e.__dict__))
try: import nonexistent_mod
except ImportError as e: print(e.__dict__, e.name, e.path, e.msg)
s = StopIteration(5); print(s.__dict__, s.value)
x = SystemExit(3); print(x.__dict__, x.code)
k = KeyError('k'); k.extra = [1]; print(k.__dict__)
