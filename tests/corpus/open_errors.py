# open() failures raise the OSError subclass of their errno, with strerror and filename,
# as PyErr_SetFromErrnoWithFilenameObject does.
import os

d = "/tmp/pymm_corpus_open_errors_%d" % os.getpid()
os.makedirs(d, exist_ok=True)
f = os.path.join(d, "file.txt")
with open(f, "w") as fh:
    fh.write("x")
cases = [os.path.join(f, "child"), d, "x" * 300, os.path.join(d, "missing", "y")]
for path in cases:
    for mode in ("r", "w", "a"):
        try:
            open(path, mode)
        except OSError as e:
            print(mode, type(e).__name__, e.errno, e.strerror, e.filename == path)
            print("   ", str(e).replace(d, "<d>")[:60])
os.remove(f)
os.rmdir(d)
print(os.path.exists(d))
