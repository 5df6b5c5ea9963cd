# smoke test: raise/try/except/finally with builtin exceptions
try:
    x = 1 // 0
except ZeroDivisionError:
    print("caught division by zero")
try:
    [1, 2][5]
except IndexError as e:
    print("IndexError:", e)
try:
    {}["k"]
except KeyError as e:
    print("KeyError:", e)
def check(n):
    if n < 0:
        raise ValueError("negative")
    return n
try:
    check(-1)
except ValueError as e:
    print("ValueError:", e)
finally:
    print("finally")
print(check(5))
