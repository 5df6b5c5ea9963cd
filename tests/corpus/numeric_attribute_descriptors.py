# real/imag/numerator/denominator are getset descriptors of int and float (members of
# complex) in the type dicts, read-only, listed by dir().
print((5).real, (5).imag, (5).numerator, (5).denominator, True.real, (-3).numerator)
print(type(int.__dict__["real"]).__name__, int.real, complex.real, type(complex.__dict__["imag"]).__name__, float.imag)
print((1.5).real, (1.5).imag, (2j).imag, (3+4j).real)
print(sorted(n for n in dir(int) if not n.startswith("_")))
print(sorted(n for n in dir(float) if not n.startswith("_")), sorted(n for n in dir(complex) if not n.startswith("_")))
for stmt in ["(5).real = 1", "(1j).real = 2", "(1.0).imag = 3", "del (5).numerator"]:
    try: exec(stmt)
    except AttributeError as e: print(e)
print(int.real.__get__(7), int.__dict__["denominator"].__get__(True))
class I(int): pass
print(I(4).real, I(4).denominator)
