# getsizeof of tuples and list literals
import sys
print([sys.getsizeof(tuple(range(n))) for n in range(6)])
print(sys.getsizeof(()), sys.getsizeof((1,)), sys.getsizeof((1, 2, 3)))
print(sys.getsizeof([]), sys.getsizeof([1]), sys.getsizeof([1, 2, 3]))
print([sys.getsizeof([None] * n) for n in range(8)])
print(sys.getsizeof([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]))
