# Conway's game of life on a set of live cells, plus a 1-D cellular automaton
def step(live):
    counts = {}
    for (r, c) in live:
        for dr in (-1, 0, 1):
            for dc in (-1, 0, 1):
                if dr or dc:
                    k = (r + dr, c + dc)
                    counts[k] = counts.get(k, 0) + 1
    return {k for k, n in counts.items() if n == 3 or (n == 2 and k in live)}
def show(live, rows, cols):
    for r in range(rows):
        print("".join("#" if (r, c) in live else "." for c in range(cols)))
glider = {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)}
g = glider
for gen in range(4):
    print("gen", gen, sorted(g))
    g = step(g)
show(g, 5, 6)
g = glider
for _ in range(40):
    g = step(g)
print("after 40:", sorted(g))
blinker = {(1, 0), (1, 1), (1, 2)}
print(sorted(step(blinker)), step(step(blinker)) == blinker)
r_pentomino = {(0, 1), (0, 2), (1, 0), (1, 1), (2, 1)}
p = r_pentomino
pops = []
for _ in range(100):
    p = step(p)
    pops.append(len(p))
print(pops[:10], pops[-5:], max(pops))
def rule(n, width=31, gens=15):
    cells = [0] * width
    cells[width // 2] = 1
    out = []
    for _ in range(gens):
        out.append("".join(".#"[c] for c in cells))
        cells = [(n >> (cells[i - 1] * 4 + cells[i] * 2 + cells[(i + 1) % width])) & 1 for i in range(width)]
    return out
for line in rule(90):
    print(line)
print(sum(l.count("#") for l in rule(30, 61, 30)))
