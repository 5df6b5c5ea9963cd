# smoke test: list literals, append, index, len, loops, slices
xs = [3, 1, 4, 1, 5]
print(xs)
xs.append(9)
print(len(xs), xs[0], xs[-1])
xs[0] = 10
print(xs)
print(xs[1:4])
total = 0
for x in xs:
    total += x
print(total)
print(sorted(xs))
print(xs.pop(), xs)
ys = [i * i for i in range(6)]
print(ys)
print([1, 2] + [3], [0] * 4)
m = [[1, 2], [3, 4]]
print(m[1][0])
print(max(xs), min(xs), sum(xs))
