# sudoku solver with constraint sets and backtracking
PUZZLE = """
53..7....
6..195...
.98....6.
8...6...3
4..8.3..1
7...2...6
.6....28.
...419..5
....8..79
"""
def parse(s):
    rows = [r for r in s.split() if r]
    return [[int(c) if c != "." else 0 for c in r] for r in rows]
def candidates(g, r, c):
    used = set(g[r]) | {g[i][c] for i in range(9)}
    br, bc = 3 * (r // 3), 3 * (c // 3)
    used |= {g[i][j] for i in range(br, br + 3) for j in range(bc, bc + 3)}
    return [d for d in range(1, 10) if d not in used]
steps = [0]
def solve(g):
    best = None
    for r in range(9):
        for c in range(9):
            if g[r][c] == 0:
                cs = candidates(g, r, c)
                if best is None or len(cs) < len(best[2]):
                    best = (r, c, cs)
    if best is None:
        return True
    r, c, cs = best
    for d in cs:
        steps[0] += 1
        g[r][c] = d
        if solve(g):
            return True
    g[r][c] = 0
    return False
g = parse(PUZZLE)
print(solve(g), steps[0])
for row in g:
    print(" ".join(map(str, row)))
ok = all(sorted(row) == list(range(1, 10)) for row in g) and all(sorted(col) == list(range(1, 10)) for col in zip(*g))
print("valid", ok)
g2 = parse(PUZZLE.replace("53..7", "5...7").replace("..79", "...9"))
steps[0] = 0
print(solve(g2), steps[0], g2[0], g2[8])
