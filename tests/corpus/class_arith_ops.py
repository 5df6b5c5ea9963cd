# arithmetic special methods, reflected ops, in-place ops
class Vec:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vec({self.x}, {self.y})"
    def __add__(self, o):
        if isinstance(o, Vec):
            return Vec(self.x + o.x, self.y + o.y)
        if isinstance(o, (int, float)):
            return Vec(self.x + o, self.y + o)
        return NotImplemented
    __radd__ = __add__
    def __sub__(self, o):
        return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k):
        if isinstance(k, Vec):
            return self.x * k.x + self.y * k.y
        return Vec(self.x * k, self.y * k)
    def __rmul__(self, k):
        print("rmul")
        return self * k
    def __truediv__(self, k):
        return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vec(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vec(self.x % k, self.y % k)
    def __pow__(self, k, mod=None):
        return Vec(pow(self.x, k, mod), pow(self.y, k, mod))
    def __neg__(self):
        return Vec(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self):
        return Vec(self.y, self.x)
    def __and__(self, o): return "and"
    def __or__(self, o): return "or"
    def __xor__(self, o): return "xor"
    def __lshift__(self, o): return "lshift %d" % o
    def __rshift__(self, o): return "rshift %d" % o
    def __rsub__(self, o): return "rsub %r" % (o,)
    def __rtruediv__(self, o): return "rtruediv"
    def __matmul__(self, o): return "matmul"
    def __iadd__(self, o):
        print("iadd")
        self.x += o.x
        self.y += o.y
        return self
    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)
    __hash__ = None
    def __int__(self): return int(abs(self))
    def __float__(self): return float(abs(self))
    def __round__(self, n=0): return Vec(round(self.x, n), round(self.y, n))
    def __divmod__(self, k): return (self // k, self % k)
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a + 1, 1 + a, a - b, a * 3, 3 * a, a * b, b / 2, b // 2, b % 2, a ** 2, pow(b, 2, 5))
print(-a, +a, abs(b), ~a, a & b, a | b, a ^ b, a << 2, a >> 3, 5 - a, 1 / a, a @ b, divmod(Vec(7, 8), 3))
print(int(b), float(b), round(Vec(1.26, 2.71), 1), sum([a, b], Vec(0, 0)))
c = a
c += b
print(c, a, c is a)
d = Vec(0, 0)
d -= Vec(1, 1)
print(d)
d *= 2
print(d)
try:
    a + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
class Num:
    def __init__(self, v): self.v = v
    def __add__(self, o):
        print("Num.__add__"); return NotImplemented
class Other:
    def __radd__(self, o):
        print("Other.__radd__"); return "other wins"
print(Num(1) + Other())
class SubVec(Vec):
    def __radd__(self, o):
        return "SubVec.__radd__ first"
print(Vec(1, 1) + SubVec(2, 2))
try:
    Num(1) + 5
except TypeError as e:
    print("TypeError:", e)
try:
    -Num(1)
except TypeError as e:
    print("TypeError:", e)
class Money:
    def __init__(self, c): self.c = c
    def __lt__(self, o): return self.c < o.c
    def __le__(self, o): return self.c <= o.c
    def __repr__(self): return f"${self.c}"
print(sorted([Money(5), Money(1), Money(3)]), Money(1) < Money(2), Money(3) > Money(2), Money(2) >= Money(2))
