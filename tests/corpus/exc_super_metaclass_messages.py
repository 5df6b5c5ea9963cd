# super() without arguments checks in CPython's order; non-class bases are a metaclass
# conflict; int.from_bytes refuses text.


class A:
    def star(*args):
        return super()

    def gone(self):
        del self
        return super()


def plain(x):
    return super()


for f in (lambda: A().star(), lambda: A().gone(), lambda: plain(1), lambda: super()):
    try:
        f()
    except RuntimeError as e:
        print("RuntimeError:", e)
for bases in ((1,), (int, "x")):
    try:
        type("X", bases, {})
    except TypeError as e:
        print("TypeError:", e)
for data in ("x", 5, bytearray(b"\x01\x02"), [1, 2]):
    try:
        print(int.from_bytes(data, "big"))
    except TypeError as e:
        print("TypeError:", e)
