# smoke test: integer and float arithmetic with variables
a = 17
b = 5
print(a + b)
print(a - b)
print(a * b)
print(a // b)
print(a % b)
print(a / b)
print(a ** 2)
print(-a // b)
print(-a % b)
c = a * 1000000007 * 1000000009
print(c)
print(c // 3)
x = 1.5
y = 0.25
print(x + y, x * y, x - y, x / y)
print(1 + 2 * 3 - 4)
print((1 + 2) * (3 - 4))
print(2 ** 100)
print(10 == 10, 10 != 10, 3 < 4, 4 <= 3)
