# graphs: BFS, DFS, Dijkstra, topological sort, union-find
from collections import deque
import heapq
edges = [("a", "b", 4), ("a", "c", 2), ("b", "c", 5), ("b", "d", 10), ("c", "e", 3), ("e", "d", 4), ("d", "f", 11), ("e", "f", 20)]
graph = {}
for u, v, w in edges:
    graph.setdefault(u, []).append((v, w))
    graph.setdefault(v, []).append((u, w))
def bfs(start):
    seen, order, q = {start}, [], deque([start])
    while q:
        u = q.popleft()
        order.append(u)
        for v, _ in sorted(graph[u]):
            if v not in seen:
                seen.add(v)
                q.append(v)
    return order
def dfs(u, seen=None):
    seen = [] if seen is None else seen
    seen.append(u)
    for v, _ in sorted(graph[u]):
        if v not in seen:
            dfs(v, seen)
    return seen
def dijkstra(src):
    dist = {src: 0}
    prev = {}
    pq = [(0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist.get(u, float("inf")):
            continue
        for v, w in graph[u]:
            nd = d + w
            if nd < dist.get(v, float("inf")):
                dist[v] = nd
                prev[v] = u
                heapq.heappush(pq, (nd, v))
    return dist, prev
print(bfs("a"), dfs("a"))
dist, prev = dijkstra("a")
print(sorted(dist.items()))
path, node = [], "f"
while node != "a":
    path.append(node)
    node = prev[node]
print(["a"] + path[::-1])
deps = {"app": ["lib", "utils"], "lib": ["core"], "utils": ["core", "log"], "core": [], "log": []}
def topo(d):
    state, out = {}, []
    def visit(n):
        if state.get(n) == 1:
            raise ValueError("cycle at " + n)
        if state.get(n) == 2:
            return
        state[n] = 1
        for m in d[n]:
            visit(m)
        state[n] = 2
        out.append(n)
    for n in sorted(d):
        visit(n)
    return out
print(topo(deps))
try:
    topo({"x": ["y"], "y": ["x"]})
except ValueError as e:
    print("ValueError:", e)
parent = list(range(10))
def find(x):
    while parent[x] != x:
        parent[x] = parent[parent[x]]
        x = parent[x]
    return x
def union(a, b):
    ra, rb = find(a), find(b)
    if ra != rb:
        parent[max(ra, rb)] = min(ra, rb)
for a, b in [(0, 1), (2, 3), (1, 3), (5, 6), (7, 8), (8, 9), (6, 9)]:
    union(a, b)
groups = {}
for i in range(10):
    groups.setdefault(find(i), []).append(i)
print(groups)
grid = ["S.#.....", ".##.###.", "....#...", "##.##.#.", "......#E"]
def maze():
    R, C = len(grid), len(grid[0])
    q = deque([(0, 0, 0)])
    seen = {(0, 0)}
    while q:
        r, c, d = q.popleft()
        if grid[r][c] == "E":
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < R and 0 <= nc < C and grid[nr][nc] != "#" and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append((nr, nc, d + 1))
    return -1
print("maze steps", maze())
