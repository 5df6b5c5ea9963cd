# AttributeError keeps .name and .obj (3.10+). A container held there is reported to the
# collector once, through the exception (its attribute storage stays untracked), so a
# collection while the exception is alive, and after it is gone, counts right.
import gc


class C:
    pass


gc.collect()
try:
    [C(), {}].nope
except AttributeError as e:
    err = e
print(type(err.obj).__name__, len(err.obj), err.name)
print(gc.collect())
err.obj.append(err)
del err
print(gc.collect())
