"""Path operations on POSIX paths (pymm's own `posixpath`, imported as `os.path`).

Pure string operations follow CPython's results exactly (`join`, `split`,
`splitext`, `normpath`, `relpath`, ...); the queries (`exists`, `isdir`, ...) ask
`os.stat`. Arguments go through `os.fspath`, so path-like objects work and anything
else is CPython's TypeError.
"""

sep = "/"
curdir = "."
pardir = ".."
extsep = "."
pathsep = ":"
defpath = "/bin:/usr/bin"
altsep = None
devnull = "/dev/null"
supports_unicode_filenames = False

__all__ = ["normcase", "isabs", "join", "splitdrive", "split", "splitext",
           "basename", "dirname", "commonprefix", "getsize", "getmtime",
           "getatime", "getctime", "islink", "exists", "lexists", "isdir",
           "isfile", "expanduser", "expandvars", "normpath", "abspath",
           "realpath", "relpath", "commonpath", "samefile",
           "curdir", "pardir", "sep", "pathsep", "defpath", "altsep",
           "extsep", "devnull", "supports_unicode_filenames"]


def _fspath(p):
    import os
    return os.fspath(p)


def _text(p, what):
    p = _fspath(p)
    if not isinstance(p, str):
        raise TypeError("%s() argument must be str, not %s" % (what, type(p).__name__))
    return p


def normcase(s):
    return _fspath(s)


def isabs(s):
    return _text(s, "isabs").startswith(sep)


def join(a, *p):
    a = _text(a, "join")
    path = a
    for b in p:
        if not isinstance(b, str) and not hasattr(type(b), "__fspath__"):
            raise TypeError("join() argument must be str, bytes, or os.PathLike object, "
                            "not '%s'" % type(b).__name__)
        b = _fspath(b)
        if b.startswith(sep):
            path = b
        elif not path or path.endswith(sep):
            path += b
        else:
            path += sep + b
    return path


def split(p):
    p = _text(p, "split")
    i = p.rfind(sep) + 1
    head, tail = p[:i], p[i:]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head, tail


def splitext(p):
    p = _text(p, "splitext")
    slash = p.rfind(sep)
    dot = p.rfind(extsep)
    if dot > slash:
        # A leading run of dots in the last component is not an extension.
        start = slash + 1
        while start < dot:
            if p[start] != extsep:
                return p[:dot], p[dot:]
            start += 1
    return p, p[:0]


def splitdrive(p):
    p = _fspath(p)
    return p[:0], p


def basename(p):
    p = _text(p, "basename")
    return p[p.rfind(sep) + 1:]


def dirname(p):
    p = _text(p, "dirname")
    head = p[:p.rfind(sep) + 1]
    if head and head != sep * len(head):
        head = head.rstrip(sep)
    return head


def commonprefix(m):
    if not m:
        return ""
    if not isinstance(m[0], (list, tuple)):
        m = tuple(map(_fspath, m))
    lo = min(m)
    hi = max(m)
    for i, c in enumerate(lo):
        if c != hi[i]:
            return lo[:i]
    return lo


def _stat(p):
    import os
    return os.stat(p)


def getsize(filename):
    return _stat(filename).st_size


def getmtime(filename):
    return _stat(filename).st_mtime


def getatime(filename):
    return _stat(filename).st_atime


def getctime(filename):
    return _stat(filename).st_ctime


def exists(path):
    try:
        _stat(path)
    except (OSError, ValueError):
        return False
    return True


def lexists(path):
    import os
    try:
        os.lstat(path)
    except (OSError, ValueError):
        return False
    return True


def _mode(path, lstat=False):
    import os
    try:
        st = os.lstat(path) if lstat else os.stat(path)
    except (OSError, ValueError):
        return None
    return st.st_mode


def isdir(s):
    m = _mode(s)
    return m is not None and m & 0o170000 == 0o040000


def isfile(path):
    m = _mode(path)
    return m is not None and m & 0o170000 == 0o100000


def islink(path):
    m = _mode(path, lstat=True)
    return m is not None and m & 0o170000 == 0o120000


def samefile(f1, f2):
    s1 = _stat(f1)
    s2 = _stat(f2)
    return s1.st_ino == s2.st_ino and s1.st_dev == s2.st_dev


def expanduser(path):
    path = _text(path, "expanduser")
    if not path.startswith("~"):
        return path
    i = path.find(sep, 1)
    if i < 0:
        i = len(path)
    if i != 1:
        # ~user: pymm has no password database; left as is.
        return path
    import os
    home = os.environ.get("HOME")
    if home is None:
        return path
    home = home.rstrip(sep)
    return (home + path[i:]) or sep


def expandvars(path):
    path = _text(path, "expandvars")
    if "$" not in path:
        return path
    import os
    out = []
    i = 0
    n = len(path)
    while i < n:
        c = path[i]
        if c != "$":
            out.append(c)
            i += 1
            continue
        if i + 1 < n and path[i + 1] == "{":
            end = path.find("}", i + 2)
            if end < 0:
                out.append(path[i:])
                break
            name = path[i + 2:end]
            raw = path[i:end + 1]
            i = end + 1
        else:
            j = i + 1
            while j < n and (path[j].isalnum() or path[j] == "_") and path[j].isascii():
                j += 1
            name = path[i + 1:j]
            raw = path[i:j]
            i = j
        if name and name in os.environ:
            out.append(os.environ[name])
        else:
            out.append(raw)
    return "".join(out)


def normpath(path):
    path = _text(path, "normpath")
    if not path:
        return curdir
    initial = 0
    if path.startswith(sep):
        # POSIX keeps exactly two leading slashes; three or more become one.
        initial = 2 if path.startswith(sep * 2) and not path.startswith(sep * 3) else 1
    parts = []
    for comp in path.split(sep):
        if comp in ("", curdir):
            continue
        if comp != pardir or (not initial and not parts) or (parts and parts[-1] == pardir):
            parts.append(comp)
        elif parts:
            parts.pop()
    path = sep * initial + sep.join(parts)
    return path or curdir


def abspath(path):
    path = _text(path, "abspath")
    if not path.startswith(sep):
        import os
        path = join(os.getcwd(), path)
    return normpath(path)


def realpath(filename, *, strict=False):
    # Symbolic links are not resolved (pymm has no readlink): the absolute path.
    return abspath(filename)


def relpath(path, start=None):
    if not path:
        raise ValueError("no path specified")
    path = _text(path, "relpath")
    start = curdir if start is None else _text(start, "relpath")
    start_parts = [x for x in abspath(start).split(sep) if x]
    path_parts = [x for x in abspath(path).split(sep) if x]
    common = len(commonprefix([start_parts, path_parts]))
    rel = [pardir] * (len(start_parts) - common) + path_parts[common:]
    if not rel:
        return curdir
    return join(*rel)


def commonpath(paths):
    paths = tuple(map(_fspath, paths))
    if not paths:
        raise ValueError("commonpath() arg is an empty sequence")
    split_paths = [p.split(sep) for p in paths]
    try:
        (isabs_,) = set(p[:1] == sep for p in paths)
    except ValueError:
        raise ValueError("Can't mix absolute and relative paths") from None
    split_paths = [[c for c in s if c and c != curdir] for s in split_paths]
    s1 = min(split_paths)
    s2 = max(split_paths)
    common = s1
    for i, c in enumerate(s1):
        if c != s2[i]:
            common = s1[:i]
            break
    prefix = sep if isabs_ else ""
    return prefix + sep.join(common)
