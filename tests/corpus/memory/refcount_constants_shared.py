# Constants: equal literals in one compilation are one object shared by every code
# object (the compiler's constant cache, tuple items included); while a script runs,
# its parse tree holds one more reference to each; interned strings do not count the
# interned dict's references; None, True and False start with the counts CPython's
# start-up leaves them.
import sys
print(sys.getrefcount('hello world!'), sys.getrefcount('hello'), sys.getrefcount(b'bytes!'))
print(sys.getrefcount(1000), sys.getrefcount(1000))
x = 12345
def f():
    return sys.getrefcount(12345)
print(f(), sys.getrefcount(x))
print(sys.getrefcount((1, 2)), sys.getrefcount((1, 'a', 2.5)), sys.getrefcount(2.5))
print(sys.getrefcount(-7), sys.getrefcount(10 ** 6))
ns = {}
exec("import sys\nr = sys.getrefcount(98765)", ns)
print("exec of a string:", ns['r'])
code = compile("import sys\nr = sys.getrefcount(98765)", "<c>", "exec")
exec(code, ns)
print("exec of compiled code:", ns['r'])
s = sys.intern(''.join(['inter', 'ned_name']))
print("interned:", sys.getrefcount(s))
print(sys.getrefcount(None) > 5000, sys.getrefcount(True) > 300, sys.getrefcount(False) > 300)
