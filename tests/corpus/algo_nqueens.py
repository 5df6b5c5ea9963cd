# N-queens with backtracking and generators
def queens(n):
    cols, d1, d2 = set(), set(), set()
    board = []
    def place(r):
        if r == n:
            yield tuple(board)
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c); d1.add(r - c); d2.add(r + c); board.append(c)
            yield from place(r + 1)
            cols.discard(c); d1.discard(r - c); d2.discard(r + c); board.pop()
    yield from place(0)
for n in range(1, 9):
    sols = list(queens(n))
    print(n, len(sols), sols[0] if sols else None)
first = next(queens(8))
for c in first:
    print("".join("Q" if i == c else "." for i in range(8)))
def permutations(seq):
    if len(seq) <= 1:
        yield list(seq)
        return
    for i in range(len(seq)):
        for p in permutations(seq[:i] + seq[i + 1:]):
            yield [seq[i]] + p
print(list(permutations([1, 2, 3])), sum(1 for _ in permutations(list(range(6)))))
def subsets(s):
    if not s:
        return [[]]
    rest = subsets(s[1:])
    return rest + [[s[0]] + r for r in rest]
print(sorted(subsets([1, 2, 3]), key=lambda x: (len(x), x)))
def sudoku_ok(grid):
    rows = all(sorted(r) == list(range(1, 10)) for r in grid)
    cols = all(sorted(c) == list(range(1, 10)) for c in zip(*grid))
    boxes = all(sorted(grid[r + i][c + j] for i in range(3) for j in range(3)) == list(range(1, 10)) for r in (0, 3, 6) for c in (0, 3, 6))
    return rows and cols and boxes
g = [[(i * 3 + i // 3 + j) % 9 + 1 for j in range(9)] for i in range(9)]
print(sudoku_ok(g), g[0], g[4])
