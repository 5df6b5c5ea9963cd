"""pymm's resource module: the process's resource use (``getrusage``, whose
``ru_maxrss`` is the peak resident set size in kilobytes) and limits (``getrlimit``,
``setrlimit``), on the native ``posix`` module, with CPython 3.11's Linux constants,
results and errors."""
import posix as _posix

error = OSError

RLIMIT_CPU = 0
RLIMIT_FSIZE = 1
RLIMIT_DATA = 2
RLIMIT_STACK = 3
RLIMIT_CORE = 4
RLIMIT_RSS = 5
RLIMIT_NPROC = 6
RLIMIT_NOFILE = 7
RLIMIT_OFILE = 7
RLIMIT_MEMLOCK = 8
RLIMIT_AS = 9
RLIMIT_SIGPENDING = 11
RLIMIT_MSGQUEUE = 12
RLIMIT_NICE = 13
RLIMIT_RTPRIO = 14
RLIMIT_RTTIME = 15
RLIM_INFINITY = -1

RUSAGE_SELF = 0
RUSAGE_CHILDREN = -1
RUSAGE_THREAD = 1

_field_names = ("ru_utime", "ru_stime", "ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss",
           "ru_minflt", "ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock",
           "ru_msgsnd", "ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw")


class struct_rusage(tuple):
    """struct_rusage: Result from getrusage.

This object may be accessed either as a tuple of
    (utime,stime,maxrss,ixrss,idrss,isrss,minflt,majflt,
    nswap,inblock,oublock,msgsnd,msgrcv,nsignals,nvcsw,nivcsw)
or via the attributes ru_utime, ru_stime, ru_maxrss, and so on."""

    n_sequence_fields = 16
    n_fields = 16
    n_unnamed_fields = 0

    def __new__(cls, sequence):
        values = tuple(sequence)
        if len(values) != 16:
            raise TypeError("resource.struct_rusage() takes a 16-sequence (%d-sequence given)"
                            % len(values))
        return tuple.__new__(cls, values)

    def __repr__(self):
        return "resource.struct_rusage(%s)" % ", ".join(
            "%s=%r" % (n, v) for n, v in zip(_field_names, self))

    def __setattr__(self, name, value):
        if name in _field_names:
            raise AttributeError("readonly attribute")
        raise AttributeError("'resource.struct_rusage' object has no attribute '%s'" % name)

    def __reduce__(self):
        return (struct_rusage, (tuple(self),))


def _field(i):
    return property(lambda self: self[i])


for _i, _name in enumerate(_field_names):
    setattr(struct_rusage, _name, _field(_i))
del _i, _name


def _c_int(v):
    # An int the C side accepts: one past a C int gets the native OverflowError first.
    return isinstance(v, int) and -2**31 <= v < 2**31


def getrusage(who):
    if _c_int(who) and who not in (RUSAGE_SELF, RUSAGE_CHILDREN, RUSAGE_THREAD):
        raise ValueError("invalid who parameter")
    return struct_rusage(_posix._getrusage(who))


def getrlimit(resource):
    if _c_int(resource) and not 0 <= resource < 16:
        raise ValueError("invalid resource specified")
    return _posix._getrlimit(resource)


def setrlimit(resource, limits):
    if _c_int(resource) and not 0 <= resource < 16:
        raise ValueError("invalid resource specified")
    limits = tuple(limits)
    if len(limits) != 2:
        raise ValueError("expected a tuple of 2 integers")
    soft, hard = limits
    errno = _posix._setrlimit(resource, soft, hard)
    if errno is None:
        return None
    if errno == 22:
        raise ValueError("current limit exceeds maximum limit")
    if errno == 1:
        raise ValueError("not allowed to raise maximum limit")
    raise OSError(errno, _posix.strerror(errno))


def getpagesize():
    return _posix._getpagesize()
