# CPython 3.11 allocates its identifier strings statically (the _Py_ID strings and the
# deep-frozen modules' names): they are interned before any program runs and their
# reference counts start at 999,999,999, as the small ints' do.
import sys

for name in ["sep", "key", "reverse", "append", "__init__", "default", "encoding", "items"]:
    print(name, sys.getrefcount(name) > 999_999_999)

made = "".join(["some", "_", "name", "_", "of", "_", "ours"])
print(sys.getrefcount(made) < 100, sys.intern(made) is made)

sep = "".join(["s", "e", "p"])
print(sep == "sep", sys.intern(sep) is sep)
static = sys.intern(sep)
print(static is sys.intern("sep"), sys.getrefcount(static) > 999_999_999)
