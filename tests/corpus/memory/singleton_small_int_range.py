# small-int cache: -5..256 are shared, everything else is a fresh object
def same(a, b):
    return a is b
def cached(n):
    return same(int(str(n)), int(str(n)))
edges = [n for n in range(-10, 300) if cached(n) != cached(n - 1)]
print("boundaries:", edges)
print("count cached in -10..300:", sum(cached(n) for n in range(-10, 300)))
c256, cm5, c257 = 256, -5, 257
print(same(int('256'), c256), same(int('-5'), cm5), same(int('257'), c257))
print(same(int('257'), int('257')), same(int('-6'), int('-6')))
x = 200
print(same(x + 56, x + 56), same(x + 57, x + 57))
y = -3
print(same(y - 2, y - 2), same(y - 3, y - 3))
seven = 7
print(same(int(7.0), seven), same(round(7.4), seven), same(int(b'7'), seven))
print(same(len([1, 2, 3]), 3), same(len(range(256)), c256))
print(same(True + 0, 1), same(int(True), 1), same(abs(-100), 100))
pw = lambda a, b: a ** b
print(same(pw(2, 8), c256), same(pw(2, 9), pw(2, 9)))
print(same(sum([100, 100, 56]), c256), same(sum([100, 100, 57]), sum([100, 100, 57])))
print(same(ord('A'), 65), same(ord('\u0100'), c256), same(ord('\u0101'), ord('\u0101')))
print(same(divmod(17, 5)[0], 3), same(17 % seven, 3))
print(same(int('0x10', 16), 16), same(int('-0b101', 2), cm5))
print(same(max(3, 4), 4), same(min(range(5, 10)), 5))
print(same(hash(42), 42), same(hash(-5), cm5))
print([n for n in (-6, -5, 0, 255, 256, 257) if cached(n)])
vals = [i * 2 for i in range(200)]
print(all(same(v, int(str(v))) for v in vals if v <= 256))
print(any(same(v, int(str(v))) for v in vals if v > 256))
big = 10 ** 20
print(same(big - big, 0), same(big // big, 1), same(big % 7, 10 ** 20 % 7))
print(same(int.from_bytes(b'\x01\x00', 'big'), c256))
print(same(int.from_bytes(b'\x01\x01', 'big'), int.from_bytes(b'\x01\x01', 'big')))
print(same(int('  42  '), 42), same(int('+0'), 0), same(-0, 0))
