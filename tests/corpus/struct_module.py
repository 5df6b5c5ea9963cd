# struct: byte orders, native sizes and alignment, every code, pascal and fixed strings,
# half floats (random values, ties), pack_into/unpack_from/iter_unpack/Struct, errors.
import struct
for f, v in [('b', 200), ('B', 300), ('B', -1), ('h', 70000), ('H', -1), ('H', 70000), ('i', 2**40), ('I', -1), ('l', 2**70), ('L', -1), ('q', 2**70), ('Q', -1), ('<b', 200), ('<B', 300), ('<h', 70000), ('<H', -1), ('<i', 2**40), ('<I', -1), ('<l', 2**40), ('<L', -1), ('<q', 2**64), ('<Q', -1), ('n', 2**70), ('N', -1), ('b', 1.5), ('c', b'ab'), ('s', 5), ('?', []), ('f', 1e300), ('e', 70000.0)]:
    try: print(f, v, struct.pack(f, v))
    except Exception as e: print(f, v, type(e).__name__, e)
for f in ['<n', 'z', '3', '@ci', '<ci', 'q3x', '2s2p', 'e', '@Pi', '@hq', '=hq', '!hq', ' i 2h ']:
    try: print(f, struct.calcsize(f))
    except Exception as e: print(f, type(e).__name__, e)
for bad in [lambda: struct.unpack('<i', b'abc'), lambda: struct.pack('ii', 1), lambda: struct.unpack('i', 5), lambda: struct.iter_unpack('', b'')]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
print(struct.error.__module__, struct.error.__mro__)
vals = (1, -2, 3, -4, 5, 6.5, -7.25, b'ab', True, b'x', 2**63 - 1, 2**64 - 1, 0.1, 1.5)
for order in '@=<>!':
    f = order + 'bhilqdf2s?cqQde'
    data = struct.pack(f, *vals)
    print(order, struct.calcsize(f), data.hex(), struct.unpack(f, data))
print(struct.pack('>I', 0xdeadbeef), struct.unpack('<H', b'\x01\x02'), struct.pack('5p', b'hello world'), struct.unpack('5p', b'\x03abcd'), struct.pack('3s', b'a'))
for x in [0.0, -0.0, 1.0, 65504.0, 5.96e-08, 1e-10, 0.1, 3.14159, -2.5e-5, float('inf')]:
    print(x, struct.pack('<e', x).hex(), struct.unpack('<e', struct.pack('<e', x))[0], struct.unpack('<f', struct.pack('<f', x))[0])
s = struct.Struct('<hI'); buf = bytearray(10); s.pack_into(buf, 2, -1, 7); print(s.size, s.format, buf, s.unpack_from(buf, 2), list(struct.iter_unpack('<h', b'\x01\x00\x02\x00')))
print(struct.calcsize('P'), struct.calcsize('n'), struct.calcsize('@l'), struct.calcsize('<l'))
import random
rng = random.Random(4)
out = []
for _ in range(3000):
    x = rng.choice([rng.uniform(-70000, 70000), rng.uniform(-1, 1) * 2.0 ** rng.randrange(-26, 16), (rng.randrange(-4096, 4096) + 0.5) * 2.0 ** rng.randrange(-25, 6)])
    try:
        out.append(struct.pack('<e', x).hex())
    except OverflowError as e:
        out.append(str(e))
    out.append(struct.pack('>f', x).hex())
print(" ".join(out))
