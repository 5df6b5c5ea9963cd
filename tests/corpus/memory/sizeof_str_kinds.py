# getsizeof of str by kind: ascii, latin-1, UCS-2, UCS-4
import sys
for n in (0, 1, 3, 100):
    print('ascii', n, sys.getsizeof('a' * n))
for ch in ('\xe9', '\u20ac', '\U0001f600'):
    print(hex(ord(ch)), sys.getsizeof(ch), sys.getsizeof(ch * 2), sys.getsizeof(ch * 10))
s = 'caf\xe9'
print(sys.getsizeof(s))
s.encode('utf-8')
print(sys.getsizeof(s))
t = ''.join(['x', '\u20ac'])
print(sys.getsizeof(t))
print(sys.getsizeof(str(12345)), sys.getsizeof('hello world'))
