# nested scopes several levels deep, nonlocal/global interplay, closures over loop vars
level = "module"
def a():
    level = "a"
    def b():
        def c():
            nonlocal level
            level = level + ">c"
            def d():
                global level
                level = "module changed by d"
                return level
            return d()
        r = c()
        return r, level
    return b(), level
print(a(), level)
def counter_factory():
    count = 0
    def make():
        def inc():
            nonlocal count
            count += 1
            return count
        return inc
    return make, lambda: count
make, peek = counter_factory()
i1, i2 = make(), make()
print(i1(), i2(), i1(), peek())
def bank():
    balance = 0
    history = []
    def deposit(x):
        nonlocal balance
        balance += x
        history.append(("+", x))
    def withdraw(x):
        nonlocal balance
        if x > balance:
            raise ValueError("insufficient")
        balance -= x
        history.append(("-", x))
    def report():
        return balance, list(history)
    return deposit, withdraw, report
dep, wd, rep = bank()
dep(100); wd(30); dep(5)
try:
    wd(1000)
except ValueError as e:
    print("ValueError:", e)
print(rep())
funcs = []
for i in range(3):
    def f(i=i):
        return i * 10
    funcs.append(f)
print([f() for f in funcs])
def outer():
    x = 1
    def mid():
        x = 2
        def inner():
            return x
        return inner()
    return mid(), x
print(outer())
def gen_closure():
    total = 0
    def add_and_yield(items):
        nonlocal total
        for it in items:
            total += it
            yield total
    return add_and_yield, lambda: total
gy, tot = gen_closure()
print(list(gy([1, 2, 3])), tot(), list(gy([10])), tot())
def shadow_builtin():
    len = lambda x: -1
    def inner():
        return len("abc")
    return inner()
print(shadow_builtin(), len("abc"))
x = 0
def comp_scope():
    x = 5
    return [x + i for i in range(3)], (lambda: x)()
print(comp_scope())
class Holder:
    v = "class var"
    def method(self):
        try:
            return v
        except NameError as e:
            return "NameError: " + str(e)
print(Holder().method())
