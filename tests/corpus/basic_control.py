# smoke test: if/elif/else, while, for over range, break/continue
n = 0
total = 0
while n < 10:
    n = n + 1
    if n == 3:
        continue
    if n == 8:
        break
    total = total + n
print(n, total)
for i in range(5):
    if i < 2:
        print("small", i)
    elif i == 2:
        print("two")
    else:
        print("big", i)
s = 0
for i in range(1, 101):
    s += i
print(s)
count = 0
i = 100
while i != 1:
    if i % 2 == 0:
        i = i // 2
    else:
        i = 3 * i + 1
    count += 1
print("collatz steps", count)
