# digits of pi and e with big integers (spigot / Machin), Fibonacci via fast doubling
def pi_digits(n):
    q, r, t, k, m, x = 1, 0, 1, 1, 3, 3
    out = []
    while len(out) < n:
        if 4 * q + r - t < m * t:
            out.append(m)
            q, r, t, k, m, x = 10 * q, 10 * (r - m * t), t, k, (10 * (3 * q + r)) // t - 10 * m, x
        else:
            q, r, t, k, m, x = q * k, (2 * q + r) * x, t * x, k + 1, (q * (7 * k + 2) + r * x) // (t * x), x + 2
    return "".join(map(str, out))
print(pi_digits(120))
def arctan_inv(x, unity):
    total = term = unity // x
    n, sign, x2 = 3, -1, x * x
    while term:
        term //= x2
        total += sign * (term // n)
        sign, n = -sign, n + 2
    return total
def machin(digits):
    unity = 10 ** (digits + 10)
    pi = 4 * (4 * arctan_inv(5, unity) - arctan_inv(239, unity))
    return str(pi // 10 ** 10)
m = machin(300)
print(m[:1] + "." + m[1:80], m[-20:], len(m))
print(pi_digits(300) == m[:300])
def e_digits(n):
    unity = 10 ** (n + 10)
    total, term, k = 0, unity, 0
    while term:
        total += term
        k += 1
        term //= k
    return str(total // 10 ** 10)
print(e_digits(100))
def fib_pair(n):
    if n == 0:
        return (0, 1)
    a, b = fib_pair(n >> 1)
    c = a * (2 * b - a)
    d = a * a + b * b
    return (d, c + d) if n & 1 else (c, d)
f = fib_pair(10000)[0]
print(len(str(f)), str(f)[:20], str(f)[-20:], f % 1000000007)
print(sum(int(d) for d in str(2 ** 1000)), sum(int(d) for d in str(__import__("math").factorial(100))))
