# The os module: path strings (join, split, splitext, normpath, relpath, ...), the
# file-system calls and their OSError subclasses, stat_result, walk, environ, fspath.
import os, os.path
print(os.name, os.sep, os.linesep == "\n", os.path is os.path, os.path.__name__)
print(type(os.getpid()).__name__, os.getcwd() == os.path.abspath("."))
print(os.path.join("a", "b", "/c", "d"), os.path.join("a/", "b"), os.path.join("", "x"))
for p in ["/a/b/c.txt", "a.b.c", "/", "//x//", ".bashrc", "a/.b", "a..b", "...", "a/b/", ""]:
    print(repr(p), os.path.split(p), os.path.splitext(p), os.path.basename(p), os.path.dirname(p), os.path.normpath(p) if p else None)
for p in ["a/./b/../c", "/../x", "../../a", "//a//b", "///a", "a/b/../../..", "./", "/a/b/.."]:
    print(p, os.path.normpath(p))
print(os.path.relpath("/a/b/c", "/a/x"), os.path.relpath("/a", "/a"), os.path.relpath("/a/b", "/"))
print(os.path.commonprefix(["/usr/lib", "/usr/local"]), os.path.commonpath(["/usr/lib", "/usr/local"]))
print(os.path.isabs("/x"), os.path.isabs("x"))
print(os.path.exists("/tmp"), os.path.isdir("/tmp"), os.path.isfile("/tmp"), os.path.exists("/nonexistent/q"))
for f in [lambda: os.stat("/nonexistent/q"), lambda: os.listdir("/nonexistent"), lambda: os.path.join(1), lambda: os.path.join("a", 1), lambda: os.fspath(3), lambda: os.mkdir("/tmp"), lambda: os.rmdir("/nonexistent/zz"), lambda: os.rename("/nonexistent/a", "/nonexistent/b")]:
    try:
        f()
    except Exception as e:
        print(type(e).__name__, e, getattr(e, "errno", None), getattr(e, "filename", None))
d = "/tmp/pymm_os_corpus_%d" % os.getpid()
os.makedirs(d + "/x/y", exist_ok=True)
with open(d + "/x/f.txt", "w") as f:
    f.write("hello")
print(sorted(os.listdir(d + "/x")), os.path.getsize(d + "/x/f.txt"))
st = os.stat(d + "/x/f.txt")
print(st.st_size, st[6], len(st), type(st.st_mtime).__name__, isinstance(st, tuple))
print([(p[len(d):], sorted(ds), sorted(fs)) for p, ds, fs in os.walk(d)])
os.rename(d + "/x/f.txt", d + "/x/g.txt")
os.remove(d + "/x/g.txt")
os.removedirs(d + "/x/y")
print(os.path.exists(d))
try:
    os.makedirs("/tmp")
except FileExistsError as e:
    print("exists", e)
print(os.environ["HOME"] == os.getenv("HOME"), os.getenv("NO_SUCH_VAR_X", "dflt"))
os.environ["PYMM_X"] = "1"
print(os.getenv("PYMM_X"), "PYMM_X" in os.environ)
class P:
    def __fspath__(self): return "/tmp"
print(os.fspath(P()), os.path.isdir(P()), isinstance(P(), os.PathLike))
print(os.strerror(2), os.access("/tmp", os.W_OK), len(os.urandom(8)))
print(os.path.expanduser("~") == os.environ["HOME"], os.path.expandvars("$HOME/x") == os.environ["HOME"] + "/x", os.path.expandvars("$NOPE_Q ${NOPE_Q}"))
