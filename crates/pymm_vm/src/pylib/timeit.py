"""Timing small pieces of code (pymm's own `timeit`).

`Timer(stmt, setup, timer, globals)` builds one function that runs `setup`, then
`stmt` in a loop `number` times between two readings of `timer`
(`time.perf_counter` by default), as CPython's does; `stmt` and `setup` are source
strings or callables. `timeit`, `repeat` and `Timer.autorange` are CPython's API.
"""
import time

__all__ = ["Timer", "timeit", "repeat", "default_timer"]

dummy_src_name = "<timeit-src>"
default_number = 1000000
default_repeat = 5
default_timer = time.perf_counter


def _indent(src, spaces):
    return src.replace("\n", "\n" + " " * spaces)


def _code_part(code, name, indent, local_ns):
    """How `code` (`stmt` or `setup`) goes into the timing function: its source at
    `indent` and the keyword argument it adds ("" for a string, whose syntax is checked
    here; a callable is called by the name `_<name>`, passed in `local_ns`)."""
    if isinstance(code, str):
        compile(code, dummy_src_name, "exec")
        return _indent(code, indent), ""
    if callable(code):
        local_ns["_" + name] = code
        return "_%s()" % name, ", _%s=_%s" % (name, name)
    raise ValueError("%s is neither a string nor callable" % name)


class Timer:
    """Class for timing execution speed of small code snippets."""

    def __init__(self, stmt="pass", setup="pass", timer=default_timer, globals=None):
        self.timer = timer
        local_ns = {}
        global_ns = {} if globals is None else globals
        setup, setup_init = _code_part(setup, "setup", 4, local_ns)
        stmt, stmt_init = _code_part(stmt, "stmt", 8, local_ns)
        init = setup_init + stmt_init
        src = ("def inner(_it, _timer%s):\n"
               "    %s\n"
               "    _t0 = _timer()\n"
               "    for _i in _it:\n"
               "        %s\n"
               "        pass\n"
               "    _t1 = _timer()\n"
               "    return _t1 - _t0\n") % (init, setup, stmt)
        self.src = src
        code = compile(src, dummy_src_name, "exec")
        exec(code, global_ns, local_ns)
        self.inner = local_ns["inner"]

    def timeit(self, number=default_number):
        """Time `number` executions of the main statement."""
        return self.inner(range(number), self.timer)

    def repeat(self, repeat=default_repeat, number=default_number):
        """Call timeit() a few times; a list of the results."""
        return [self.timeit(number) for _ in range(repeat)]

    def autorange(self, callback=None):
        """The number of loops (1, 2, 5, 10, 20, 50, ...) that takes at least 0.2 s,
        and the time it took."""
        i = 1
        while True:
            for j in 1, 2, 5:
                number = i * j
                time_taken = self.timeit(number)
                if callback:
                    callback(number, time_taken)
                if time_taken >= 0.2:
                    return (number, time_taken)
            i *= 10


def timeit(stmt="pass", setup="pass", timer=default_timer, number=default_number,
           globals=None):
    """Convenience function to create Timer object and call timeit method."""
    return Timer(stmt, setup, timer, globals).timeit(number)


def repeat(stmt="pass", setup="pass", timer=default_timer, repeat=default_repeat,
           number=default_number, globals=None):
    """Convenience function to create Timer object and call repeat method."""
    return Timer(stmt, setup, timer, globals).repeat(repeat, number)
