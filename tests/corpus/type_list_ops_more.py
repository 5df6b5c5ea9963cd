# list operations: nested, aliasing, comparison, multiplication, in-place, copy
grid = [[0] * 4 for _ in range(3)]
for r in range(3):
    for c in range(4):
        grid[r][c] = r * 4 + c
print(grid, [row[::-1] for row in grid], [list(col) for col in zip(*grid)])
flat = [x for row in grid for x in row]
print(flat, flat[::5], flat[-3:], sum(flat) / len(flat))
a = [1, 2, 3]
b = [a, a]
a.append(4)
print(b, b[0] is b[1])
c = [x[:] for x in b]
c[0].append(5)
print(b, c)
print([1, 2] == [1, 2], [1, 2] != [2, 1], [1, 2, 3] > [1, 2], [[1]] < [[2]], [] < [0], [2] > [1, 99])
print([0] * 0, [1, 2] * 3, 2 * [[1]], [None] * 3, ["ab"] * 2)
l = list(range(10))
l[1:9:2] = [-1] * 4
print(l)
l.sort(key=lambda x: (x < 0, x))
print(l)
print(l.index(-1), l.count(-1), -1 in l, l[l.index(-1):])
stack, queue = [], []
for i in range(5):
    stack.append(i)
    queue.insert(0, i)
print(stack.pop(), queue.pop(), stack, queue)
nums = [5, 3, 8, 1]
nums.extend(nums)
print(nums, len(nums))
nums[:] = sorted(set(nums))
print(nums)
m = [1, 2, 3, 4, 5, 6]
print(m[::2], m[1::2], list(zip(m[::2], m[1::2])), m[len(m) // 2:], m[:-len(m) // 2])
words = ["b", "a", "c"]
sorted_words = sorted(words)
words.sort(reverse=True)
print(words, sorted_words, words[::-1] == sorted_words)
x = [3, 1, 2]
y = x
x = x + [4]
y += [5]
print(x, y)
print(list(map(list, [(1, 2), "ab"])), list(filter(None, [[], [0], [], [1]])), max([[1, 2], [1, 3], [0, 9]]))
n = [[1, [2, [3]]]]
n[0][1][1].append(4)
print(n, len(n[0][1][1]), str(n).count("["))
print([i * j for i, j in enumerate(range(10, 0, -1))], list(enumerate([], 5)))
