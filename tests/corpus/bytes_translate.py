# bytes.translate and bytes.maketrans / bytearray.maketrans, with CPython's errors.
print(b'abc'.translate(None, b'b'), bytes.maketrans(b'ab', b'XY')[95:100], len(bytes.maketrans(b'', b'')))
print(b'abcdef'.translate(bytes.maketrans(b'ab', b'XY')), b'abcdef'.translate(bytes.maketrans(b'ab', b'XY'), b'bdf'))
print(bytearray(b'abc').translate(None, b'a'), b'abc'.translate(None, delete=b'c'), bytearray.maketrans(b'a', b'b')[97])
x = b'keep'
print(x.translate(None) is x, type(bytearray(b'q').translate(None)).__name__)
for f in (lambda: b'a'.translate(b'short'), lambda: bytes.maketrans(b'ab', b'c'), lambda: b'a'.translate('x'*256), lambda: bytes.maketrans('a', 'b'), lambda: b'a'.translate()):
    try: f()
    except (ValueError, TypeError) as e: print(type(e).__name__, e)
for f in (lambda: b'a'.translate(None, b'', b''),):
    try: f()
    except TypeError as e: print(e)
