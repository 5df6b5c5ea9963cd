# Built-in types without a constructor refuse to be called, as CPython's types with a
# NULL tp_new do.
for make in (lambda: type(iter([]))(), lambda: type(x for x in [])(), lambda: type(len)(),
             lambda: type(iter(range(3)))()):
    try:
        make()
    except TypeError as e:
        print("TypeError:", e)
print(type(None)(), type(...)(), type(NotImplemented)())
