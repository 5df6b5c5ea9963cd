# print: sep, end, file, flush, multiple args
import sys
print()
print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=" <end>\n")
print(1, 2.5, None, True, [1], (2,), {3: 4}, {5}, b"x", sep=" | ")
print("no newline", end="")
print(" continued")
print(*range(5), sep="\n")
print("to stderr", file=sys.stderr)
print("flush", flush=True)
print("x", sep=None, end=None)
print("tab\tsep", "nl\\n", repr("q'"))
sys.stdout.write("written directly\n")
n = sys.stdout.write("abc\n")
print(n)
print("", "", sep="-")
print(*[], sep="x")
print(*"abc", sep="/", end="!\n")
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(S(), [S()], str(S()), repr(S()))
print("unicode: é € 😀", "mixed", 42)
print("last line on stderr", file=sys.stderr)
