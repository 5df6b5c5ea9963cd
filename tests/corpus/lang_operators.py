# operator precedence and augmented assignment
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2, 10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2)
print(1 + 2 << 3, 1 << 2 + 3, 6 & 3 | 8, 6 ^ 3 & 1, ~5 + 1, not 1 + 1, 3 > 2 and 2 > 1 or 0, not 0 and 5)
print(1 < 2 == True, (1 < 2) == True, 5 if 0 else 6 if 1 else 7, [1, 2] * 2 + [3])
x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 2; print(x)
x /= 4; print(x)
x //= 2; print(x)
x **= 3; print(x)
x %= 7; print(x)
n = 0b1100
n &= 0b1010; print(n)
n |= 0b0101; print(n)
n ^= 0b1111; print(n)
n <<= 3; print(n)
n >>= 1; print(n)
s = "ab"
s += "cd"; s *= 2; print(s)
l = [1]
l += (2, 3); l *= 2; print(l)
t = (1,)
t += (2,); print(t)
d = {"a": 1}
d |= {"b": 2}; print(d)
st = {1, 2}
st -= {1}; st |= {5}; st &= {5, 2, 9}; st ^= {7}; print(sorted(st))
class Box:
    def __init__(self):
        self.v = 1
b = Box()
b.v += 10
b.v *= 3
print(b.v)
arr = [1, 2, 3]
i = 0
arr[i] += 100
arr[-1] **= 2
print(arr)
m = {"k": [0]}
m["k"][0] -= 5
m.setdefault("z", 0)
m["z"] += 1
print(m)
print(7 % 3, -7 % 3, 7 % -3, -7 % -3, 7.5 % 2, -7.5 % 2)
print(divmod(2 ** 70, 3 ** 20), 5 // 0.3, 5 % 0.3)
print(True + True * 2, "a" "b" "c", ("x" * 3).count("x"), 3 * "ab" + "c")
a = b2 = c = 7
a += 1
print(a, b2, c)
print(0 or 0.0 or "" or None, 1 and "x" and [0], (0 or 5) + 1, not not [])
print(abs(-7) // 2 ** 2 - 1, -(3 - 5) ** 2, (-(3 - 5)) ** 2)
print(int("7") + float("0.5") * 2, 9 ** 0.5 == 3, 8 ** (1 / 3))
