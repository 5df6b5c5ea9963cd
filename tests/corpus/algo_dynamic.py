# dynamic programming: LCS, edit distance, knapsack, coin change, LIS
def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            dp[i][j] = dp[i - 1][j - 1] + 1 if a[i - 1] == b[j - 1] else max(dp[i - 1][j], dp[i][j - 1])
    out, i, j = [], len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1]); i -= 1; j -= 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return dp[-1][-1], "".join(reversed(out))
print(lcs("AGGTAB", "GXTXAYB"), lcs("ABCBDAB", "BDCABA"), lcs("", "abc"))
def edit(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
print([edit(x, y) for x, y in [("kitten", "sitting"), ("flaw", "lawn"), ("", "abc"), ("same", "same"), ("intention", "execution")]])
def knapsack(items, cap):
    dp = [0] * (cap + 1)
    for w, v in items:
        for c in range(cap, w - 1, -1):
            dp[c] = max(dp[c], dp[c - w] + v)
    return dp[cap]
print(knapsack([(1, 1), (3, 4), (4, 5), (5, 7)], 7), knapsack([(10, 60), (20, 100), (30, 120)], 50))
def coins(amount, cs):
    ways = [1] + [0] * amount
    for c in cs:
        for a in range(c, amount + 1):
            ways[a] += ways[a - c]
    best = [0] + [float("inf")] * amount
    for a in range(1, amount + 1):
        for c in cs:
            if c <= a and best[a - c] + 1 < best[a]:
                best[a] = best[a - c] + 1
    return ways[amount], best[amount]
print(coins(100, [1, 5, 10, 25, 50]), coins(11, [2, 5]), coins(3, [2]))
import bisect
def lis(seq):
    tails = []
    for x in seq:
        i = bisect.bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)
print(lis([10, 9, 2, 5, 3, 7, 101, 18]), lis(list(range(50))), lis(list(range(50, 0, -1))))
memo = {}
def partitions(n, k=None):
    if k is None:
        k = n
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in memo:
        memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[key]
print([partitions(n) for n in range(1, 20)], partitions(100))
tri = [[3], [7, 4], [2, 4, 6], [8, 5, 9, 3]]
for r in range(len(tri) - 2, -1, -1):
    for c in range(len(tri[r])):
        tri[r][c] += max(tri[r + 1][c], tri[r + 1][c + 1])
print(tri[0][0])
