# ImportError's msg/name/path (keyword-only name and path), the import machinery's
# ModuleNotFoundError, and BaseException's refusal of keyword arguments.
ie = ImportError("msg", name="mod", path="/p")
print(ie.name, ie.path, ie.msg, ie.args, str(ie), repr(ie), vars(ie))
print(ImportError().msg, ImportError(1, 2).msg, str(ImportError(1, 2)), ModuleNotFoundError("x", name="y").name)
try:
    ImportError(bad=1)
except TypeError as e:
    print(e)
try:
    import nosuch_mod_xyz
except ImportError as e:
    print(type(e).__name__, e.name, e.path, e.msg, e, vars(e))
for make in [lambda: ValueError(x=1), lambda: KeyError("k", extra=2)]:
    try:
        make()
    except TypeError as e:
        print(e)
class E(Exception):
    pass
try:
    E(x=1)
except TypeError as e:
    print(e)
class F(Exception):
    def __init__(self, a, k=0):
        super().__init__(a, k)
print(F(1, k=2).args)
