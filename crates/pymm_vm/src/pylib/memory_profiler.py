"""Line-by-line memory usage of Python functions, for pymm.

The interface and report of the memory_profiler package (0.61), written for pymm on
``sys.settrace``: the ``profile`` decorator (a table per call of the decorated
function), ``LineProfiler`` and ``show_results``, ``memory_usage``, and
``pymm -m memory_profiler script.py`` (``@profile`` in the script without an import,
one table per profiled function at exit).

Memory is measured as the package measures it: with the default backend ("psutil",
or "posix") the process's resident set size, read here from /proc; with
"tracemalloc" the bytes tracemalloc traces to the file of the profiled code. The
figures are pymm's own process, so they differ from CPython's, except with the
tracemalloc backend where pymm allocates what CPython allocates.

Not provided: child processes (``include_children``, ``multiprocess``), the PSS and
USS backends, ``--pdb-mmem``, the IPython magics, ``TimeStamper`` and ``mprof``.
``memory_usage`` of a function samples memory at the function's line events (at most
once per ``interval``) instead of from a second process.
"""

import sys

__version__ = "0.61.0"

_TWO_20 = float(2 ** 20)
_KNOWN_BACKENDS = ("psutil", "psutil_pss", "psutil_uss", "posix", "tracemalloc")


def choose_backend(new_backend=None):
    """The backend to use: the one asked for ("psutil" by default)."""
    if new_backend is None:
        return "psutil"
    if new_backend not in _KNOWN_BACKENDS:
        raise KeyError(new_backend)
    if new_backend in ("psutil_pss", "psutil_uss"):
        raise NotImplementedError(
            "pymm's memory_profiler measures the resident set size ('psutil', "
            "'posix') or traced memory ('tracemalloc'), not %r" % new_backend)
    return new_backend


def _page_size():
    import resource
    return resource.getpagesize()


def _rss(pid):
    """Resident set size of process `pid` (-1: this one) in MiB."""
    path = "/proc/self/statm" if pid == -1 else "/proc/%d/statm" % pid
    with open(path) as f:
        resident = int(f.read().split()[1])
    return resident * _page_size() / _TWO_20


def _traced(filename):
    """MiB that tracemalloc traces to `filename` (all files when None)."""
    import tracemalloc
    if not tracemalloc.is_tracing():
        raise RuntimeError("tracemalloc is not tracing memory allocations")
    if filename is None:
        return tracemalloc.get_traced_memory()[0] / _TWO_20
    for stat in tracemalloc.take_snapshot().statistics("filename"):
        if str(stat).startswith(filename):
            return stat.size / _TWO_20
    return 0.0


def _get_memory(pid, backend, timestamps=False, include_children=False, filename=None):
    if include_children:
        raise NotImplementedError("pymm's memory_profiler cannot measure child processes")
    if backend == "tracemalloc":
        if pid != -1:
            raise NotImplementedError("tracemalloc only measures the current process")
        mem = _traced(filename)
    else:
        mem = _rss(pid)
    if timestamps:
        import time
        return mem, time.time()
    return mem


def _start_tracing(backend):
    if backend == "tracemalloc":
        import tracemalloc
        if not tracemalloc.is_tracing():
            tracemalloc.start()


def memory_usage(proc=-1, interval=.1, timeout=None, timestamps=False,
                 include_children=False, multiprocess=False, max_usage=False,
                 retval=False, stream=None, backend=None, max_iterations=None):
    """Memory usage, in MiB, of a process or of a Python function while it runs.

    `proc` is -1 (this process), a process id, a function, or a tuple ``(f, args,
    kwargs)``. For a process, `timeout` seconds are sampled every `interval` seconds
    (one sample without a timeout). For a function, memory is sampled before the call,
    at its line events (at most once per `interval`) and after it. Returns the list of
    samples (``(mem, time)`` pairs with `timestamps`), or their maximum with
    `max_usage`; with `retval`, a pair of that and the function's result.
    """
    backend = choose_backend(backend)
    if include_children or multiprocess:
        raise NotImplementedError("pymm's memory_profiler cannot measure child processes")
    _start_tracing(backend)
    if stream is not None:
        timestamps = True

    if callable(proc):
        proc = (proc, (), {})
    if isinstance(proc, (list, tuple)):
        if len(proc) == 1:
            f, args, kw = proc[0], (), {}
        elif len(proc) == 2:
            f, args, kw = proc[0], proc[1], {}
        elif len(proc) == 3:
            f, args, kw = proc
        else:
            raise ValueError
        samples, returned = _sample_call(f, args, kw, interval, backend, timestamps)
    else:
        import time
        pid = proc
        count = 1 if timeout is None else max(1, int(round(timeout / interval)))
        samples = []
        for i in range(count):
            if i:
                time.sleep(interval)
            samples.append(_get_memory(pid, backend, timestamps))
        returned = None

    if stream is not None:
        for mem, ts in samples:
            stream.write("MEM {0:.6f} {1:.4f}\n".format(mem, ts))
        result = []
    elif max_usage:
        result = max(samples)
    else:
        result = samples
    if retval:
        return result, returned
    return result


def _sample_call(f, args, kw, interval, backend, timestamps):
    import time
    samples = [_get_memory(-1, backend, timestamps)]
    last = [time.perf_counter()]
    previous = sys.gettrace()

    def sampler(frame, event, arg):
        if event == "line" or event == "return":
            now = time.perf_counter()
            if now - last[0] >= interval:
                samples.append(_get_memory(-1, backend, timestamps))
                last[0] = now
        if previous is not None:
            previous(frame, event, arg)
        return sampler

    sys.settrace(sampler)
    try:
        returned = f(*args, **kw)
    finally:
        sys.settrace(previous)
    samples.append(_get_memory(-1, backend, timestamps))
    return samples, returned


class CodeMap(dict):
    """Per-line measurements of the profiled code objects: each maps to a dict of
    line number -> (increment, maximum memory, occurrences), shared with the code
    objects nested in it."""

    def __init__(self, include_children, backend):
        dict.__init__(self)
        self.include_children = include_children
        self.backend = backend
        self._toplevel = []

    def add(self, code, toplevel_code=None):
        if code in self:
            return
        if toplevel_code is None:
            import inspect
            filename = code.co_filename
            try:
                sub_lines, start_line = inspect.getsourcelines(code)
            except OSError:
                print("ERROR: Could not find file " + filename)
                return
            toplevel_code = code
            linenos = range(start_line, start_line + len(sub_lines))
            self._toplevel.append((filename, code, linenos))
            self[code] = {}
        else:
            self[code] = self[toplevel_code]
        for const in code.co_consts:
            if type(const) is type(code):
                self.add(const, toplevel_code=toplevel_code)

    def trace(self, code, lineno, prev_lineno):
        memory = _get_memory(-1, self.backend, include_children=self.include_children,
                             filename=code.co_filename)
        measures = self[code]
        prev_value = measures.get(lineno)
        previous_memory = prev_value[1] if prev_value else 0
        previous_inc = prev_value[0] if prev_value else 0
        prev_line_value = measures.get(prev_lineno) if prev_lineno else None
        prev_line_memory = prev_line_value[1] if prev_line_value else 0
        occurrences = prev_value[2] + 1 if prev_value else 1
        measures[lineno] = (previous_inc + (memory - prev_line_memory),
                            max(memory, previous_memory), occurrences)

    def items(self):
        """The top-level code blocks: (filename, iterator of (line, measures or
        None)) for those that were measured."""
        for filename, code, linenos in self._toplevel:
            measures = self[code]
            if not measures:
                continue
            yield filename, ((line, measures.get(line)) for line in linenos)


class LineProfiler(object):
    """Records the memory used at each line of the functions it wraps."""

    def __init__(self, **kw):
        include_children = kw.get("include_children", False)
        self.backend = choose_backend(kw.get("backend", None))
        self.code_map = CodeMap(include_children=include_children, backend=self.backend)
        self.enable_count = 0
        self.max_mem = kw.get("max_mem", None)
        if self.max_mem is not None:
            raise NotImplementedError("pymm's memory_profiler has no debugger (max_mem)")
        self.prevlines = []
        self.prev_lineno = None
        self._original_trace_function = None

    def __call__(self, func=None, precision=1):
        if func is None:
            return lambda f: self.__call__(f, precision=precision)
        self.add_function(func)
        f = self.wrap_function(func)
        f.__module__ = func.__module__
        f.__name__ = func.__name__
        f.__doc__ = func.__doc__
        f.__dict__.update(getattr(func, "__dict__", {}))
        return f

    def add_function(self, func):
        """Records line measurements for the given Python function."""
        code = getattr(func, "__code__", None)
        if code is None:
            import warnings
            warnings.warn("Could not extract a code object for the object %r" % (func,))
            return
        self.code_map.add(code)

    def wrap_function(self, func):
        """`func`, profiled while it runs."""
        def f(*args, **kwds):
            self.enable_by_count()
            try:
                return func(*args, **kwds)
            finally:
                self.disable_by_count()
        return f

    def runctx(self, cmd, globals, locals):
        """Profiles one statement, executed in the given namespaces."""
        self.enable_by_count()
        try:
            exec(cmd, globals, locals)
        finally:
            self.disable_by_count()
        return self

    def enable_by_count(self):
        if self.enable_count == 0:
            self.enable()
        self.enable_count += 1

    def disable_by_count(self):
        if self.enable_count > 0:
            self.enable_count -= 1
            if self.enable_count == 0:
                self.disable()

    def trace_memory_usage(self, frame, event, arg):
        """The trace function: on each new line of profiled code, the memory is
        charged to the line that just ran."""
        if frame.f_code in self.code_map:
            if event == "call":
                self.prevlines.append(frame.f_lineno)
            elif event == "line":
                self.code_map.trace(frame.f_code, self.prevlines[-1], self.prev_lineno)
                self.prev_lineno = self.prevlines[-1]
                self.prevlines[-1] = frame.f_lineno
            elif event == "return":
                lineno = self.prevlines.pop()
                self.code_map.trace(frame.f_code, lineno, self.prev_lineno)
                self.prev_lineno = lineno
        if self._original_trace_function is not None:
            self._original_trace_function(frame, event, arg)
        return self.trace_memory_usage

    def __enter__(self):
        self.enable_by_count()

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.disable_by_count()

    def enable(self):
        self._original_trace_function = sys.gettrace()
        _start_tracing(self.backend)
        sys.settrace(self.trace_memory_usage)

    def disable(self):
        sys.settrace(self._original_trace_function)


def show_results(prof, stream=None, precision=1):
    """Writes the table of each profiled function: line number, memory after the
    line, increment over the line, occurrences and the source line."""
    import linecache
    if stream is None:
        stream = sys.stdout
    template = "{0:>6} {1:>12} {2:>12}  {3:>10}   {4:<}"
    for filename, lines in prof.code_map.items():
        header = template.format("Line #", "Mem usage", "Increment", "Occurrences",
                                 "Line Contents")
        stream.write("Filename: " + filename + "\n\n")
        stream.write(header + "\n")
        stream.write("=" * len(header) + "\n")
        all_lines = linecache.getlines(filename)
        template_mem = "{0:" + "{0}.{1}f".format(precision + 4, precision) + "} MiB"
        for lineno, mem in lines:
            if mem:
                inc = template_mem.format(mem[0])
                total = template_mem.format(mem[1])
                occurrences = mem[2]
            else:
                inc = total = occurrences = ""
            source = all_lines[lineno - 1] if lineno - 1 < len(all_lines) else "\n"
            stream.write(template.format(lineno, total, inc, occurrences, source))
        stream.write("\n\n")


def profile(func=None, stream=None, precision=1, backend="psutil"):
    """Decorator: each call of the function prints its line-by-line memory table
    (to `stream`, standard output by default)."""
    backend = choose_backend(backend)
    _start_tracing(backend)
    if func is None:
        def inner_wrapper(f):
            return profile(f, stream=stream, precision=precision, backend=backend)
        return inner_wrapper

    from functools import wraps

    @wraps(func)
    def wrapper(*args, **kwargs):
        prof = LineProfiler(backend=backend)
        val = prof(func)(*args, **kwargs)
        show_results(prof, stream=stream, precision=precision)
        return val

    return wrapper


_CMD_USAGE = "python -m memory_profiler script_file.py"


def _main(argv):
    import builtins
    precision = 3
    backend = "psutil"
    out = None
    args = list(argv)
    while args and args[0].startswith("-"):
        opt = args.pop(0)
        if opt == "--version":
            print(__version__)
            return 0
        if opt in ("-h", "--help"):
            print("usage: " + _CMD_USAGE)
            return 0
        if opt in ("--precision", "--backend", "-o") and args:
            value = args.pop(0)
        elif "=" in opt and opt.split("=")[0] in ("--precision", "--backend"):
            opt, value = opt.split("=", 1)
        else:
            sys.stderr.write("usage: %s\nmemory_profiler: error: unrecognized "
                             "arguments: %s\n" % (_CMD_USAGE, opt))
            return 2
        if opt == "--precision":
            precision = int(value)
        elif opt == "--backend":
            backend = value
        else:
            out = value
    if not args:
        sys.stderr.write("usage: %s\nmemory_profiler: error: A program to run must be "
                         "provided. Use -h for help\n" % _CMD_USAGE)
        return 2
    script = args[0]
    prof = LineProfiler(backend=backend)
    builtins.profile = prof
    sys.argv = list(args)
    ns = {"__name__": "__main__", "__file__": script, "__builtins__": builtins,
          "profile": prof}
    with open(script, encoding="utf-8") as f:
        source = f.read()
    try:
        exec(compile(source, script, "exec"), ns, ns)
    finally:
        if out is not None:
            with open(out, "w") as stream:
                show_results(prof, stream=stream, precision=precision)
        else:
            show_results(prof, precision=precision)
    return 0


if __name__ == "__main__":
    sys.exit(_main(sys.argv[1:]))
