# The attributes the import system gives a module namespace, in CPython's order:
# __main__ run from a file, an imported module, a package and its submodule.
import os
import _mod_helper
import _mod_pkg


def short(v):
    """Paths relative to this directory, addresses left out."""
    here = os.path.dirname(os.path.abspath(__file__))
    text = repr(v).replace(here, "<dir>")
    if " object at 0x" in text:
        text = text[: text.index(" object at 0x")] + " object>"
    return text


def show(title, namespace):
    print(title)
    for k, v in list(namespace.items()):
        if k.startswith("__") and k.endswith("__"):
            shown = type(v).__name__ if k == "__builtins__" else short(v)
            print("   ", k, shown)


print(dir())
show("__main__", globals())
show("_mod_helper", vars(_mod_helper))
show("_mod_pkg", vars(_mod_pkg))

spec = _mod_helper.__spec__
print(spec.name, spec.parent == "", spec.has_location, short(spec.origin), short(spec.cached))
print(spec.loader.name, short(spec.loader.path), spec.loader.is_package("_mod_helper"))
print(_mod_pkg.__spec__.parent, _mod_pkg.__spec__.loader.is_package("_mod_pkg"))
print(__spec__, __package__, __cached__, __annotations__)
print(type(__loader__).__name__, __loader__.name, type(__loader__).__mro__[1].__name__)
