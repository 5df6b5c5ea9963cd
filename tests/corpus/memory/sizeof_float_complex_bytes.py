# getsizeof of floats, complex, bytes, bytearray, range
import sys
print(sys.getsizeof(1.0), sys.getsizeof(-0.0), sys.getsizeof(1j), sys.getsizeof(complex(1, 2)))
print([sys.getsizeof(b'x' * n) for n in (0, 1, 3, 10, 100)])
print(sys.getsizeof(bytearray()), sys.getsizeof(bytearray(b'abc')), sys.getsizeof(bytearray(10)))
print(sys.getsizeof(range(10)), sys.getsizeof(range(10 ** 30)))
print(sys.getsizeof(slice(1)), sys.getsizeof(slice(1, 2, 3)))
print(sys.getsizeof(memoryview(b'abc')))
