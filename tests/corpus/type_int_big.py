# Big integers
a = 2 ** 100
b = 3 ** 64
print(a, b, a + b, a - b, a * b)
print(a // b, a % b, divmod(a, b), divmod(-a, b), divmod(a, -b))
print(a ** 3)
f = 1
for i in range(1, 51):
    f *= i
print("50! =", f)
print(len(str(f)), str(f)[:10], f % (10 ** 9 + 7))
print(f >> 100, f & ((1 << 64) - 1), f | 1, f ^ (f >> 3))
print(-f // 7, -f % 7, (-f) >> 5, ~f)
print(int("1" * 60), int("-" + "9" * 45))
print(hex(2 ** 200), bin(2 ** 70 + 1), oct(8 ** 30))
print(int("f" * 40, 16), int("1" * 100, 2))
print(pow(7, 10 ** 6, 10 ** 20 + 39))
print(10 ** 50 / 10 ** 30, 2 ** 64 / 3, (10 ** 50) // (10 ** 25 + 1))
print(float(2 ** 80), float(-3 ** 41), int(1e30), int(-1.5e20))
print((2 ** 1000).bit_length(), (2 ** 1000 - 1).bit_length())
print(abs(-10 ** 40), -(10 ** 40), round(123456789012345678901234567890, -10))
print(2 ** 64 == 18446744073709551616, 2 ** 63 - 1 < 2 ** 63, 10 ** 30 > 1e29)
print(sorted([10 ** 20, -10 ** 20, 5, 2 ** 65, -(2 ** 65)]))
print(hash(2 ** 100) == hash(2 ** 100 % (2 ** 61 - 1)), hash(-(2 ** 100)))
fib = [0, 1]
for _ in range(300):
    fib.append(fib[-1] + fib[-2])
print(fib[300])
print(sum(fib) % 1000000007)
x = 1
for i in range(200):
    x = x * 31 + i
print(x)
print(x.to_bytes((x.bit_length() + 7) // 8, "big")[:8])
print(int.from_bytes(bytes(range(1, 33)), "little"))
import math
print(math.factorial(30), math.gcd(2 ** 64, 6 ** 40), math.isqrt(10 ** 40 + 12345), math.comb(100, 50))
print(str(7 ** 77)[-10:], repr(-(7 ** 77))[:12])
print((1 << 200) >> 199, (1 << 200) % 1000, (-(1 << 200)) % 1000)
print(divmod(-(10 ** 30) - 7, 10 ** 15))
