# format(complex, spec) and printf-style float conversions over fixed-seed values.
import random
rng = random.Random(5)
specs = ['', '.0', '.1', '.3', '#.3', '10.2', '+.3', 'g', '.3g', 'e', '.2e', 'f', '.1f', '>20', '^20.3', 'n']
vals = [0j, -0j, 1+1j, 2.5-0.5j, complex(1e16, 1), complex(-0.0, 2), complex(123.456, 1e-5), 3j, complex(1e300, -1e-300)]
for _ in range(60):
    vals.append(complex(rng.uniform(-1e3, 1e3) * 10 ** rng.randint(-8, 8), rng.uniform(-1e3, 1e3)))
for v in vals:
    print(' '.join(repr(format(v, s)) for s in specs))
pct = ['%s', '%r', '%.3g', '%#.3g', '%e', '%.0e', '%#.0e', '%f', '%.0f', '%#.0f', '%10.4f', '%-10.2e', '%+g', '% g', '%G', '%.10g', '%.0g', '%#g']
fv = [0.0, -0.0, 2.5, 1e16, 123.456, 1e-5, 0.5, 9.5, 1e100, 15.0]
for _ in range(60):
    fv.append(rng.uniform(-10, 10) * 10.0 ** rng.randint(-20, 20))
for v in fv:
    print(' '.join(p % v for p in pct))
