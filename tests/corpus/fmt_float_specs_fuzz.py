# format(float, spec) over fixed-seed values and many specs, the no-type precision form
# ('.3', '#.0': 'g' that turns to exponents one place earlier) included.
import random
rng = random.Random(11)
specs = ['', '.0', '.1', '.2', '.3', '.5', '.10', '.17', '#', '#.0', '#.1', '#.3', '#.10', '10.3', '<12.4', '+.2', ' .3', '08.3', ',.3', '_.6', 'g', '.3g', '#.3g', '.0g', 'e', '.0e', '#.0e', 'f', '.0f', '#.0f', '%', '.1%', 'n', '.3n', 'G', 'E', 'z.1', 'z.0f']
vals = [0.0, -0.0, 1.0, 2.5, 0.5, 1.5, 123.456, 15.0, 1e16, 1e-5, 9.995, 0.00012345, 1e22, 123456789.0, -2.675, 1/3, 2/3, 1e-320, 5e-324, 1.7976931348623157e308]
for _ in range(150):
    e = rng.randint(-30, 30)
    vals.append(rng.uniform(-10, 10) * 10.0 ** e)
    vals.append(float(rng.randint(-10**6, 10**6)))
out = []
for v in vals:
    out.append(' '.join(repr(format(v, s)) for s in specs))
print('\n'.join(out))
