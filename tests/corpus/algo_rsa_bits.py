# toy RSA with pow(), extended gcd, and bit manipulation puzzles
def egcd(a, b):
    if b == 0:
        return a, 1, 0
    g, x, y = egcd(b, a % b)
    return g, y, x - (a // b) * y
p, q = 1000000007, 998244353
n, phi = p * q, (p - 1) * (q - 1)
e = 65537
g, x, _ = egcd(e, phi)
d = x % phi
print(g, d == pow(e, -1, phi), n)
for m in (42, 123456789, 2 ** 40 + 7):
    c = pow(m, e, n)
    print(m, c, pow(c, d, n) == m)
msg = "pymm!"
mi = int.from_bytes(msg.encode(), "big")
ci = pow(mi, e, n)
print(ci, pow(ci, d, n).to_bytes(len(msg), "big").decode())
def popcount(x):
    c = 0
    while x:
        x &= x - 1
        c += 1
    return c
print([popcount(i) for i in range(17)], popcount(2 ** 100 - 1), bin(2 ** 100 - 1).count("1"))
def reverse_bits(x, width=32):
    r = 0
    for _ in range(width):
        r = (r << 1) | (x & 1)
        x >>= 1
    return r
print(reverse_bits(1), reverse_bits(0x80000000), hex(reverse_bits(0x12345678)))
print([x for x in range(1, 70) if x & (x - 1) == 0], (1 << 64) - 1 == 0xFFFFFFFFFFFFFFFF, -1 & 0xFF, (-256) >> 4, ~0 & 0xF)
def gray(n):
    return n ^ (n >> 1)
print([format(gray(i), "04b") for i in range(8)])
def subsets_by_mask(items):
    return [[items[i] for i in range(len(items)) if m >> i & 1] for m in range(1 << len(items))]
print(subsets_by_mask("abc"))
x = 0b1011_0110
print(x, x & -x, x | (x + 1), (x >> 2) & 0b11, x.bit_length(), x.to_bytes(1, "big"), int.from_bytes(bytes([x]), "little"))
