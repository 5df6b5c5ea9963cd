# f-strings: format specs, conversions, '=' debugging, nesting
name, n, pi = "World", 42, 3.14159265
print(f"Hello, {name}!", f"{n}", f"{n:5d}|", f"{n:<5}|", f"{n:^7}|", f"{n:>+6}|", f"{n:05}", f"{n:x} {n:X} {n:o} {n:b} {n:#b} {n:#o} {n:#X}")
print(f"{pi:.2f} {pi:10.4f}| {pi:e} {pi:.3E} {pi:g} {pi:%} {pi:.1%} {1234567.891:,.2f} {1234567:_d} {-pi:+.1f}")
print(f"{name!r} {name!s} {name!a} {'é'!a} {[1, 'a']!r}")
print(f"{n=}", f"{pi=:.2f}", f"{name = }", f"{n + 1=}", f"{name.upper()=}")
width, prec = 10, 3
print(f"{pi:{width}.{prec}f}|", f"{name:>{width}}|", f"{'x':{'*'}^{width}}")
d = {"key": "value", "n": [1, 2]}
print(f"{d['key']} {d['n'][1]} {len(d)} {'yes' if d else 'no'} {', '.join(['a', 'b'])}")
print(f"{{literal braces}} {{{n}}}")
print(f"""multi
line {n}""")
print(f"{3 + 4j} {True} {None} {b'bytes'} {1e100} {0.1 + 0.2}")
class P:
    def __format__(self, spec):
        return "P<" + spec + ">"
    def __repr__(self):
        return "P()"
    def __str__(self):
        return "p-str"
print(f"{P()} {P():abc} {P()!r} {P()!s:>8}")
import datetime
dt = datetime.date(2024, 3, 9)
print(f"{dt:%Y/%m/%d} {dt.isoformat()} {dt!r}")
nested = f"{f'{n:>4}':*<8}"
print(nested)
print(f"{'left':<10}|{'center':^10}|{'right':>10}|")
for i in range(1, 4):
    print(f"{i:>2} {i ** 2:>3} {i ** 3:>4} {1 / i:.3f}")
print(f"{-0.0} {float('inf'):>6} {float('nan'):^7}|{12:=+6}|{-12:=6}")
print(f"{'s':5}|{5:5}|{'abc':.2}|{12345:,}|{0.000012345:.2e}|{100:c}|")
