"""OS routines (pymm's own `os`, on the native `posix` module).

What is here: the path constants, `os.path` (`posixpath`), `fspath` and `PathLike`,
`environ` and `getenv`, `stat` with `stat_result`, the directory and file calls
(`getcwd`, `chdir`, `listdir`, `mkdir`, `makedirs`, `rmdir`, `removedirs`, `remove`,
`unlink`, `rename`, `replace`, `walk`, `access`), and `getpid`, `getppid`,
`cpu_count`, `urandom`, `strerror`.

`environ` is read from the process environment at import; pymm starts no child
processes, so changes to it are seen by `environ` and `getenv` only (there is no
`putenv`).
"""
import abc as _abc
import sys

import posix as _posix
import posixpath as path

name = "posix"
sep = path.sep
curdir = path.curdir
pardir = path.pardir
extsep = path.extsep
pathsep = path.pathsep
defpath = path.defpath
altsep = path.altsep
devnull = path.devnull
linesep = "\n"

F_OK = 0
R_OK = 4
W_OK = 2
X_OK = 1
SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2

error = OSError

sys.modules["os.path"] = path

getpid = _posix.getpid
getppid = _posix.getppid
cpu_count = _posix.cpu_count
urandom = _posix.urandom
strerror = _posix.strerror
getcwd = _posix.getcwd


def fspath(path):
    """Return the file system representation of the path."""
    if isinstance(path, (str, bytes)):
        return path
    path_type = type(path)
    try:
        path_repr = path_type.__fspath__(path)
    except AttributeError:
        if hasattr(path_type, "__fspath__"):
            raise
        raise TypeError("expected str, bytes or os.PathLike object, not "
                        + path_type.__name__) from None
    if isinstance(path_repr, (str, bytes)):
        return path_repr
    raise TypeError("expected {}.__fspath__() to return str or bytes, not {}"
                    .format(path_type.__name__, type(path_repr).__name__))


class PathLike(_abc.ABC):
    """Abstract base class for implementing the file system path protocol."""

    @_abc.abstractmethod
    def __fspath__(self):
        raise NotImplementedError

    @classmethod
    def __subclasshook__(cls, subclass):
        if cls is PathLike:
            return hasattr(subclass, "__fspath__")
        return NotImplemented


def _path(p, fname, argname="path"):
    p = fspath(p) if not isinstance(p, int) else p
    if not isinstance(p, str):
        raise TypeError("%s: %s should be string, bytes or os.PathLike, not %s"
                        % (fname, argname, type(p).__name__))
    if "\0" in p:
        raise ValueError("%s: embedded null character in %s" % (fname, argname))
    return p


class _Environ(dict):
    """The process environment: a dict of str, shown as `environ({...})`."""

    def __repr__(self):
        return "environ(%s)" % dict.__repr__(self)

    def __setitem__(self, key, value):
        if not isinstance(key, str):
            raise TypeError("str expected, not %s" % type(key).__name__)
        if not isinstance(value, str):
            raise TypeError("str expected, not %s" % type(value).__name__)
        dict.__setitem__(self, key, value)

    def copy(self):
        return dict(self)

    def setdefault(self, key, value):
        if key not in self:
            self[key] = value
        return self[key]


environ = _Environ(_posix._environ())


def getenv(key, default=None):
    """Get an environment variable, return None if it doesn't exist."""
    return environ.get(key, default)


class stat_result(tuple):
    """The result of `stat`: the ten integer fields by index, and by name (the three
    times also as floats, `st_atime` and the others)."""

    n_sequence_fields = 10
    n_fields = 13
    _names = ("st_mode", "st_ino", "st_dev", "st_nlink", "st_uid", "st_gid",
              "st_size", "st_atime", "st_mtime", "st_ctime")

    def __new__(cls, values):
        values = tuple(values)
        self = tuple.__new__(cls, values[:10])
        self._times = values[10:13]
        return self

    def __repr__(self):
        fields = ", ".join("%s=%r" % (n, v) for n, v in zip(self._names, self))
        return "os.stat_result(%s)" % fields

    st_mode = property(lambda self: self[0])
    st_ino = property(lambda self: self[1])
    st_dev = property(lambda self: self[2])
    st_nlink = property(lambda self: self[3])
    st_uid = property(lambda self: self[4])
    st_gid = property(lambda self: self[5])
    st_size = property(lambda self: self[6])
    st_atime = property(lambda self: self._times[0])
    st_mtime = property(lambda self: self._times[1])
    st_ctime = property(lambda self: self._times[2])
    st_atime_ns = property(lambda self: round(self._times[0] * 1e9))
    st_mtime_ns = property(lambda self: round(self._times[1] * 1e9))
    st_ctime_ns = property(lambda self: round(self._times[2] * 1e9))


def stat(path, *, dir_fd=None, follow_symlinks=True):
    """Perform a stat system call on the given path."""
    p = _path(path, "stat")
    return stat_result(_posix.stat(p) if follow_symlinks else _posix.lstat(p))


def lstat(path, *, dir_fd=None):
    """Like stat(), but do not follow symbolic links."""
    return stat_result(_posix.lstat(_path(path, "lstat")))


def chdir(path):
    _posix.chdir(_path(path, "chdir"))


def listdir(path=None):
    """Return a list containing the names of the files in the directory."""
    return _posix.listdir("." if path is None else _path(path, "listdir"))


def mkdir(path, mode=0o777, *, dir_fd=None):
    _posix.mkdir(_path(path, "mkdir"), mode)


def rmdir(path, *, dir_fd=None):
    _posix.rmdir(_path(path, "rmdir"))


def remove(path, *, dir_fd=None):
    _posix.remove(_path(path, "remove"))


def unlink(path, *, dir_fd=None):
    _posix.unlink(_path(path, "unlink"))


def rename(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _posix.rename(_path(src, "rename", "src"), _path(dst, "rename", "dst"))


def replace(src, dst, *, src_dir_fd=None, dst_dir_fd=None):
    _posix.replace(_path(src, "replace", "src"), _path(dst, "replace", "dst"))


def access(path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True):
    return _posix.access(_path(path, "access"), mode)


def makedirs(name, mode=0o777, exist_ok=False):
    """Create a leaf directory and all intermediate ones."""
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    if head and tail and not path.exists(head):
        try:
            makedirs(head, exist_ok=exist_ok)
        except FileExistsError:
            pass
        if tail == curdir:
            return
    try:
        mkdir(name, mode)
    except OSError:
        if not exist_ok or not path.isdir(name):
            raise


def removedirs(name):
    """Remove a leaf directory and all empty intermediate ones."""
    rmdir(name)
    head, tail = path.split(name)
    if not tail:
        head, tail = path.split(head)
    while head and tail:
        try:
            rmdir(head)
        except OSError:
            break
        head, tail = path.split(head)


def walk(top, topdown=True, onerror=None, followlinks=False):
    """Directory tree generator: (dirpath, dirnames, filenames) for each directory."""
    top = fspath(top)
    try:
        names = listdir(top)
    except OSError as err:
        if onerror is not None:
            onerror(err)
        return
    dirs = []
    nondirs = []
    for n in names:
        if path.isdir(path.join(top, n)):
            dirs.append(n)
        else:
            nondirs.append(n)
    if topdown:
        yield top, dirs, nondirs
    for d in dirs:
        new_path = path.join(top, d)
        if followlinks or not path.islink(new_path):
            yield from walk(new_path, topdown, onerror, followlinks)
    if not topdown:
        yield top, dirs, nondirs
