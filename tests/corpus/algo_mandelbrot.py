# ASCII Mandelbrot and Julia sets (float and complex arithmetic)
def mandel(w=60, h=24, maxit=60):
    rows = []
    for j in range(h):
        y = -1.2 + 2.4 * j / (h - 1)
        row = []
        for i in range(w):
            x = -2.1 + 2.8 * i / (w - 1)
            zr = zi = 0.0
            n = 0
            while n < maxit and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + x, 2 * zr * zi + y
                n += 1
            row.append(" .:-=+*#%@"[min(n * 10 // maxit, 9)] if n < maxit else "@")
        rows.append("".join(row))
    return rows
for r in mandel():
    print(r)
def julia(c, w=40, h=12, maxit=40):
    out = 0
    for j in range(h):
        for i in range(w):
            z = complex(-1.5 + 3.0 * i / (w - 1), -1.0 + 2.0 * j / (h - 1))
            n = 0
            while abs(z) <= 2 and n < maxit:
                z = z * z + c
                n += 1
            out += n
    return out
print(julia(complex(-0.8, 0.156)), julia(0.285 + 0.01j), julia(-0.4 + 0.6j))
