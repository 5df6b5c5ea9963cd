# smoke test: def, return, recursion, default args, global
def add(a, b):
    return a + b
def fact(n):
    if n <= 1:
        return 1
    return n * fact(n - 1)
def greet(name, greeting="hello"):
    return greeting + ", " + name
counter = 0
def bump():
    global counter
    counter += 1
print(add(2, 3))
print(fact(10))
print(fact(25))
print(greet("pymm"))
print(greet("pymm", "hi"))
bump()
bump()
print(counter)
def fib(n):
    a = 0
    b = 1
    for _ in range(n):
        a, b = b, a + b
    return a
print(fib(50))
square = lambda x: x * x
print(square(12))
