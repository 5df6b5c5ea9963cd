# Inputs that must give Python errors, never a crash: zero-width pascal strings,
# struct sizes and urandom lengths past memory, and deeply nested regular expressions.
import struct, os, re, sys
for f, b in [('0p', b''), ('1p', b'\x05'), ('3p', b'\x09ab'), ('<0p2p', b'\x05a')]:
    try: print(struct.unpack(f, b))
    except Exception as e: print(type(e).__name__, e)
print(struct.pack('0p', b'abc'), struct.calcsize('0p'))
for f in [lambda: struct.pack('1000000000000x'), lambda: os.urandom(10**13), lambda: re.compile('(' * 600 + 'a' + ')' * 600), lambda: re.compile('(?:' * 3000 + ')' * 3000)]:
    try: f()
    except Exception as e: print(type(e).__name__, e)
print(re.compile('(' * 300 + 'a' + ')' * 300).groups)
sys.setrecursionlimit(5000)
print(re.compile('(' * 600 + 'a' + ')' * 600).groups)
