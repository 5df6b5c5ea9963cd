# OSError keeps errno, strerror, filename and filename2 apart (args cut to two when a
# filename is given), str() shows the file names, and open() reports its path.
e = OSError(2, "x", "f")
print(e.args, str(e), e.filename, e.errno, e.strerror, repr(e))
e2 = OSError(2, "x", "f", None, "g")
print(e2.args, str(e2), e2.filename2)
print(OSError(1, 2, 3, 4).args, OSError("a").args, str(OSError(2, "y")))
open("/nonexistent/q")
