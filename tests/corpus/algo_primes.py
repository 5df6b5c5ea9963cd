# primes: sieve, trial division, factorization, Miller-Rabin
def sieve(n):
    is_p = bytearray([1]) * (n + 1)
    is_p[0] = is_p[1] = 0
    for i in range(2, int(n ** 0.5) + 1):
        if is_p[i]:
            is_p[i * i::i] = bytearray(len(range(i * i, n + 1, i)))
    return [i for i in range(n + 1) if is_p[i]]
ps = sieve(10000)
print(len(ps), ps[:15], ps[-5:], sum(ps))
def factor(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out.append(n)
    return out
for n in (2, 12, 97, 360, 1001, 65536, 999999, 2 ** 31 - 1, 600851475143):
    print(n, factor(n))
def is_prime_mr(n):
    if n < 2:
        return False
    for p in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        if n % p == 0:
            return n == p
    d, s = n - 1, 0
    while d % 2 == 0:
        d //= 2
        s += 1
    for a in (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37):
        x = pow(a, d, n)
        if x in (1, n - 1):
            continue
        for _ in range(s - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True
print([n for n in range(10 ** 12, 10 ** 12 + 200) if is_prime_mr(n)])
print(is_prime_mr(2 ** 61 - 1), is_prime_mr(2 ** 67 - 1), is_prime_mr(2 ** 89 - 1), is_prime_mr(10 ** 30 + 57))
print(all(is_prime_mr(p) for p in ps[:500]), sum(1 for n in range(10000) if is_prime_mr(n)))
twins = [(p, p + 2) for p in ps if p + 2 in set(ps[:400])][:10]
print(twins)
goldbach = {n: next((p, n - p) for p in ps if n - p in set(ps)) for n in range(4, 60, 2)}
print(goldbach)
