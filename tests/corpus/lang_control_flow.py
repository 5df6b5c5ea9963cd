# if/elif/else, for/while ... else, break, continue, pass, match
for i in range(5):
    if i % 2:
        continue
    print("even", i)
else:
    print("for-else ran")

for i in range(10):
    if i == 3:
        print("break at", i)
        break
else:
    print("not printed")

n = 0
while n < 5:
    n += 1
else:
    print("while-else", n)

n = 0
while True:
    n += 1
    if n > 7:
        break
print("n =", n)

def classify(x):
    if x < 0:
        return "neg"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "big"

print([classify(v) for v in (-5, 0, 3, 99)])

# nested loops with break
found = None
for a in range(1, 20):
    for b in range(a, 20):
        if a * a + b * b == 13 * 13:
            found = (a, b)
            break
    if found:
        break
print("pythagorean", found)

# ternary
for v in range(4):
    print(v, "odd" if v & 1 else "even")

# match statement
def describe(obj):
    match obj:
        case 0:
            return "zero"
        case int(n) if n < 0:
            return f"negative {n}"
        case [x, y]:
            return f"pair {x},{y}"
        case [x, *rest]:
            return f"list head {x} rest {rest}"
        case {"k": v}:
            return f"dict k={v}"
        case str() as s:
            return "str " + s
        case _:
            return "other"

for o in (0, -3, 5, [1, 2], [1, 2, 3], {"k": 9}, "hi", 2.5):
    print(describe(o))

# pass and empty bodies
class Empty:
    pass
def nothing():
    pass
print(Empty.__name__, nothing())

# walrus
data = [1, 5, 12, 3, 20]
if (m := max(data)) > 10:
    print("max", m)
print([y for x in data if (y := x * 2) > 5])

# while with complex condition
i, j = 0, 10
while i < j and j - i > 3:
    i += 2
    j -= 1
print(i, j)

# loop variable after loop
for k in range(3):
    pass
print("k after", k)
