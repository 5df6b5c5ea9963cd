# classic sorting algorithms implemented in Python
import random
def bubble(a):
    a = a[:]
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a
def insertion(a):
    a = a[:]
    for i in range(1, len(a)):
        k = a[i]
        j = i - 1
        while j >= 0 and a[j] > k:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = k
    return a
def merge_sort(a):
    if len(a) <= 1:
        return a
    m = len(a) // 2
    l, r = merge_sort(a[:m]), merge_sort(a[m:])
    out, i, j = [], 0, 0
    while i < len(l) and j < len(r):
        if l[i] <= r[j]:
            out.append(l[i]); i += 1
        else:
            out.append(r[j]); j += 1
    out.extend(l[i:]); out.extend(r[j:])
    return out
def quick(a):
    if len(a) <= 1:
        return a
    p = a[len(a) // 2]
    return quick([x for x in a if x < p]) + [x for x in a if x == p] + quick([x for x in a if x > p])
def heapsort(a):
    a = a[:]
    n = len(a)
    def sift(i, n):
        while True:
            l, r, m = 2 * i + 1, 2 * i + 2, i
            if l < n and a[l] > a[m]: m = l
            if r < n and a[r] > a[m]: m = r
            if m == i: return
            a[i], a[m] = a[m], a[i]
            i = m
    for i in range(n // 2 - 1, -1, -1):
        sift(i, n)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end)
    return a
def counting(a):
    c = [0] * (max(a) + 1)
    for x in a:
        c[x] += 1
    return [i for i, k in enumerate(c) for _ in range(k)]
random.seed(99)
data = [random.randint(0, 500) for _ in range(300)]
ref = sorted(data)
for fn in (bubble, insertion, merge_sort, quick, heapsort, counting):
    res = fn(data)
    print(fn.__name__, res == ref, res[:5], res[-3:])
print(data[:10])
words = "sphinx of black quartz judge my vow".split()
print(merge_sort(words), quick(words), heapsort(words))
