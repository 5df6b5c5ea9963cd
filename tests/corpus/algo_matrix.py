# matrices as nested lists: multiply, transpose, determinant, gaussian elimination (Fractions)
from fractions import Fraction
def matmul(a, b):
    return [[sum(x * y for x, y in zip(row, col)) for col in zip(*b)] for row in a]
def ident(n):
    return [[int(i == j) for j in range(n)] for i in range(n)]
def mpow(m, k):
    r = ident(len(m))
    while k:
        if k & 1:
            r = matmul(r, m)
        m = matmul(m, m)
        k >>= 1
    return r
print(mpow([[1, 1], [1, 0]], 90)[0][1])
A = [[2, -1, 0], [-1, 2, -1], [0, -1, 2]]
print(matmul(A, A), list(map(list, zip(*A))))
def det(m):
    m = [[Fraction(x) for x in row] for row in m]
    n, d = len(m), Fraction(1)
    for c in range(n):
        p = next((r for r in range(c, n) if m[r][c] != 0), None)
        if p is None:
            return Fraction(0)
        if p != c:
            m[c], m[p] = m[p], m[c]
            d = -d
        d *= m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            m[r] = [a - f * b for a, b in zip(m[r], m[c])]
    return d
print(det(A), det([[1, 2], [2, 4]]), det([[0, 1], [1, 0]]), det([[3, 1, 4, 1], [5, 9, 2, 6], [5, 3, 5, 8], [9, 7, 9, 3]]))
def solve(m, b):
    n = len(m)
    aug = [[Fraction(x) for x in row] + [Fraction(bb)] for row, bb in zip(m, b)]
    for c in range(n):
        p = max(range(c, n), key=lambda r: abs(aug[r][c]))
        aug[c], aug[p] = aug[p], aug[c]
        for r in range(n):
            if r != c:
                f = aug[r][c] / aug[c][c]
                aug[r] = [x - f * y for x, y in zip(aug[r], aug[c])]
    return [aug[i][n] / aug[i][i] for i in range(n)]
sol = solve(A, [1, 0, 1])
print(sol, [str(x) for x in sol])
H = [[Fraction(1, i + j + 1) for j in range(5)] for i in range(5)]
print(det(H))
import random
random.seed(3)
M = [[random.random() for _ in range(30)] for _ in range(30)]
P = matmul(M, M)
print(round(sum(map(sum, P)), 9), round(P[7][11], 12))
