# print() to custom file-like objects, io.StringIO, sep/end combinations, flush
import io, sys
class Collector:
    def __init__(self):
        self.chunks = []
        self.flushed = 0
    def write(self, s):
        self.chunks.append(s)
        return len(s)
    def flush(self):
        self.flushed += 1
c = Collector()
print("a", 1, None, file=c)
print("b", "c", sep="-", end="!", file=c)
print(file=c)
print("flushed", file=c, flush=True)
print(c.chunks, c.flushed)
buf = io.StringIO()
print("hello", "world", file=buf)
print(*range(5), sep=", ", file=buf)
buf.write("raw\n")
print(repr(buf.getvalue()), buf.tell())
buf.seek(0)
print(buf.readline(), end="")
print(buf.read().splitlines())
b = io.BytesIO()
b.write(b"bytes ")
b.write("é".encode())
print(b.getvalue(), len(b.getvalue()))
class NoWrite:
    pass
try:
    print("x", file=NoWrite())
except AttributeError as e:
    print("AttributeError:", e)
try:
    print("x", end=5)
except TypeError as e:
    print("TypeError:", e)
print("None file goes to stdout", file=None)
old = sys.stdout
sys.stdout = io.StringIO()
print("captured line")
captured = sys.stdout.getvalue()
sys.stdout = old
print("captured:", repr(captured))
print("", end="")
print("x" * 3, "y" * 0, "z", sep="|")
print(1, 2, 3, sep="\n", end="\n---\n")
sys.stdout.flush()
print("\u00e9\u20ac\U0001F600", "\t<tab", "nul:\x00:".replace("\x00", "\\0"))
