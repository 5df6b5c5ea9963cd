# Subclasses of bytes: built by bytes.__new__, with a dict, sized as CPython's; bytes()
# of one is an exact copy.
import sys, gc
class B(bytes): pass
b = B(b'abc')
print(type(b).__name__, b, repr(b), len(b), b == b'abc', hash(b) == hash(b'abc'), b[0], b[1:], type(b[1:]).__name__, b + b'x', type(b + b'x').__name__)
print(sys.getsizeof(B()), sys.getsizeof(B(b'abc')), gc.is_tracked(b), b.decode(), b.upper(), type(b.upper()).__name__, bytes(b), type(bytes(b)).__name__)
b.tag = 1; print(b.tag, b.__dict__, B(3), B([65, 66]), B('é', 'utf-8'))
class H(bytes):
    def __new__(cls, s): return super().__new__(cls, s.encode())
    def hexed(self): return self.hex()
h = H('hi'); print(h, h.hexed(), isinstance(h, bytes), {h: 1}[b'hi'], b'%s' % h)
try:
    class S(bytes):
        __slots__ = ('x',)
except TypeError as e: print("TypeError:", e)
c = B(b'cyc'); c.me = c; del c; print("collected", gc.collect())
