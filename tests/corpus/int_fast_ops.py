# Small-int arithmetic of the BINARY_OP fast path against the general one: floor
# division and modulo signs, bitwise operators, shifts past 63, in-place forms.
vals = [0, 1, -1, 2, -2, 7, -7, 13, -13, 2**30 - 1, -(2**30), 2**59, -(2**59) - 5, 123456789012]
out = []
for a in vals:
    for b in vals:
        r = [a & b, a | b, a ^ b]
        if b:
            r += [a // b, a % b, divmod(a, b)]
        if 0 <= b < 100:
            r += [a >> b]
        x = a; x //= (b or 1); x %= (b or 3)
        r.append(x)
        out.append(tuple(r))
print(len(out), hash(tuple(out)) == hash(tuple(out)))
for o in out[:50]: print(o)
print(sum(hash(o) for o in out) % 1000003)
print((-7) // 2, (-7) % 2, 7 // -2, 7 % -2, -7 // -2, -7 % -2, 0 // -3, 0 % -3, -6 // 3, -6 % 3, 6 % -3, 5 >> 70, -5 >> 70)
