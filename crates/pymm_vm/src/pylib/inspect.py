"""Get information about live objects: pymm's subset of CPython 3.11's inspect.

The type predicates, getmembers, getmro, unwrap, the source functions (getfile,
getsourcefile, getsourcelines, getsource, getblock, findsource, indentsize), getdoc
and cleandoc, getmodule, getgeneratorstate and getgeneratorlocals, with CPython's
results for the common cases. Not provided: signature and Parameter, the
argument-spec functions, currentframe, stack and trace (pymm's frame objects do not
chain the running activations), coroutine states (pymm has no coroutine objects) and
the class-tree helpers.
"""

import sys
import types

CO_OPTIMIZED = 1
CO_NEWLOCALS = 2
CO_VARARGS = 4
CO_VARKEYWORDS = 8
CO_NESTED = 16
CO_GENERATOR = 32
CO_NOFREE = 64
CO_COROUTINE = 128
CO_ITERABLE_COROUTINE = 256
CO_ASYNC_GENERATOR = 512

GEN_CREATED = "GEN_CREATED"
GEN_RUNNING = "GEN_RUNNING"
GEN_SUSPENDED = "GEN_SUSPENDED"
GEN_CLOSED = "GEN_CLOSED"


def ismodule(object):
    return isinstance(object, types.ModuleType)


def isclass(object):
    return isinstance(object, type)


def ismethod(object):
    return isinstance(object, types.MethodType)


def isfunction(object):
    return isinstance(object, types.FunctionType)


def isbuiltin(object):
    return isinstance(object, types.BuiltinFunctionType)


def isroutine(object):
    return isbuiltin(object) or isfunction(object) or ismethod(object)


def _has_code_flag(f, flag):
    while ismethod(f):
        f = f.__func__
    f = getattr(f, "__wrapped__", f) if not isfunction(f) else f
    if not isfunction(f):
        return False
    return bool(f.__code__.co_flags & flag)


def isgeneratorfunction(obj):
    return _has_code_flag(obj, CO_GENERATOR)


def iscoroutinefunction(obj):
    return _has_code_flag(obj, CO_COROUTINE)


def isasyncgenfunction(obj):
    return _has_code_flag(obj, CO_ASYNC_GENERATOR)


def isgenerator(object):
    return isinstance(object, types.GeneratorType)


def iscoroutine(object):
    return False


def isawaitable(object):
    return hasattr(type(object), "__await__")


def iscode(object):
    return isinstance(object, types.CodeType)


def isframe(object):
    return isinstance(object, types.FrameType)


def istraceback(object):
    return isinstance(object, types.TracebackType)


def isdatadescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__set__") or hasattr(tp, "__delete__")


def ismethoddescriptor(object):
    if isclass(object) or ismethod(object) or isfunction(object):
        return False
    tp = type(object)
    return hasattr(tp, "__get__") and not hasattr(tp, "__set__")


def isabstract(object):
    return bool(isinstance(object, type) and getattr(object, "__abstractmethods__", False))


def getmembers(object, predicate=None):
    """The (name, value) pairs of the object's attributes, sorted by name."""
    results = []
    names = dir(object)
    for key in names:
        try:
            value = getattr(object, key)
        except AttributeError:
            continue
        if not predicate or predicate(value):
            results.append((key, value))
    results.sort(key=lambda pair: pair[0])
    return results


def getmro(cls):
    return cls.__mro__


def unwrap(func, *, stop=None):
    """The object at the end of a chain of __wrapped__ attributes."""
    f = func
    seen = {id(f)}
    while hasattr(f, "__wrapped__") and not (stop is not None and stop(f)):
        f = f.__wrapped__
        if id(f) in seen:
            raise ValueError("wrapper loop when unwrapping {!r}".format(func))
        seen.add(id(f))
    return f


def indentsize(line):
    """The number of columns of indentation of a line (tabs expanded)."""
    expline = line.expandtabs()
    return len(expline) - len(expline.lstrip())


def cleandoc(doc):
    """A docstring with its indentation removed (the first line's excepted) and the
    blank lines at its start and end dropped."""
    try:
        lines = doc.expandtabs().split("\n")
    except UnicodeError:
        return None
    margin = sys.maxsize
    for line in lines[1:]:
        content = len(line.lstrip())
        if content:
            margin = min(margin, len(line) - content)
    if lines:
        lines[0] = lines[0].lstrip()
    if margin < sys.maxsize:
        for i in range(1, len(lines)):
            lines[i] = lines[i][margin:]
    while lines and not lines[-1]:
        lines.pop()
    while lines and not lines[0]:
        lines.pop(0)
    return "\n".join(lines)


def getdoc(object):
    try:
        doc = object.__doc__
    except AttributeError:
        return None
    if doc is None:
        if isclass(object) or ismethod(object) or isfunction(object):
            for base in getattr(object, "__mro__", ())[1:]:
                doc = getattr(base, "__doc__", None)
                if doc is not None:
                    break
        if doc is None:
            return None
    if not isinstance(doc, str):
        return None
    return cleandoc(doc)


def _code_of(object):
    if ismodule(object):
        return None
    if ismethod(object):
        object = object.__func__
    if isfunction(object):
        object = object.__code__
    if istraceback(object):
        object = object.tb_frame
    if isframe(object):
        object = object.f_code
    if iscode(object):
        return object
    return None


def getfile(object):
    """The name of the file an object was defined in."""
    if ismodule(object):
        if getattr(object, "__file__", None):
            return object.__file__
        raise TypeError("{!r} is a built-in module".format(object))
    if isclass(object):
        module = sys.modules.get(object.__module__)
        if getattr(module, "__file__", None):
            return module.__file__
        raise TypeError("{!r} is a built-in class".format(object))
    code = _code_of(object)
    if code is not None:
        return code.co_filename
    raise TypeError("module, class, method, function, traceback, frame, or "
                    "code object was expected, got {}".format(type(object).__name__))


def getsourcefile(object):
    """The Python source file an object was defined in, or None."""
    filename = getfile(object)
    if filename.endswith((".pyc", ".pyo")):
        filename = filename[:-1]
    elif not filename.endswith(".py") and not filename.startswith("<"):
        return None
    import linecache
    if linecache.getlines(filename):
        return filename
    import os
    if os.path.exists(filename):
        return filename
    return None


def getmodule(object, _filename=None):
    """The module an object was defined in, or None."""
    if ismodule(object):
        return object
    if hasattr(object, "__module__"):
        return sys.modules.get(object.__module__)
    try:
        file = getsourcefile(object)
    except TypeError:
        return None
    for module in list(sys.modules.values()):
        if getattr(module, "__file__", None) == file:
            return module
    return sys.modules.get("__main__")


def findsource(object):
    """All the lines of the object's source file and the index of its first line."""
    import linecache
    file = getsourcefile(object) or getfile(object)
    lines = linecache.getlines(file)
    if not lines:
        raise OSError("could not get source code")
    if ismodule(object):
        return lines, 0
    if isclass(object):
        name = object.__name__
        for i, line in enumerate(lines):
            stripped = line.lstrip()
            if stripped.startswith("class " + name) and stripped[6 + len(name):6 + len(name) + 1] in ("(", ":", " "):
                return lines, i
        raise OSError("could not find class definition")
    code = _code_of(object)
    if code is None:
        raise TypeError("module, class, method, function, traceback, frame, or "
                        "code object was expected, got {}".format(type(object).__name__))
    lnum = code.co_firstlineno - 1
    if lnum >= len(lines):
        raise OSError("lineno is out of bounds")
    return lines, lnum


def getblock(lines):
    """The lines of the block (a definition, with its decorators) at the start of
    `lines`: up to its last statement, with the comments indented as its body after
    that, as CPython's tokenizer-based BlockFinder finds it."""
    end = 0
    def_indent = None
    body_indent = None
    depth = 0
    quote = None
    in_body = False
    i = 0
    while i < len(lines):
        text = lines[i]
        stripped = text.strip()
        starts_logical = depth == 0 and quote is None
        indent = len(text) - len(text.lstrip())
        if starts_logical and stripped.startswith("#"):
            if body_indent is not None and indent >= body_indent:
                end = i
            i += 1
            continue
        if starts_logical and stripped:
            if def_indent is None:
                if not stripped.startswith("@"):
                    def_indent = indent
            elif in_body and indent <= def_indent:
                break
            elif in_body and body_indent is None:
                body_indent = indent
        j = 0
        code_seen = False
        while j < len(text):
            c = text[j]
            if quote is not None:
                if c == "\\":
                    j += 2
                    continue
                if text.startswith(quote, j):
                    j += len(quote)
                    quote = None
                    continue
                j += 1
                continue
            if c == "#":
                break
            if c in "\"'":
                q = text[j:j + 3]
                quote = q if q in ('"""', "'''") else c
                j += len(quote)
                code_seen = True
                continue
            if c in "([{":
                depth += 1
            elif c in ")]}":
                depth -= 1
            if not c.isspace():
                code_seen = True
            j += 1
        if quote is not None and len(quote) == 1:
            quote = None
        ends_logical = depth <= 0 and quote is None and not text.rstrip().endswith("\\")
        if code_seen or quote is not None:
            end = i
        if ends_logical and def_indent is not None and not in_body and code_seen:
            if text.split("#")[0].rstrip().endswith(":"):
                in_body = True
            else:
                break
        if ends_logical:
            depth = 0
        i += 1
    return lines[:end + 1]


def getsourcelines(object):
    """The source lines of an object and the number of its first line (0 and the
    whole file for a module)."""
    object = unwrap(object)
    lines, lnum = findsource(object)
    if istraceback(object):
        object = object.tb_frame
    if ismodule(object) or (isframe(object) and object.f_code.co_name == "<module>"):
        return lines, 0
    return getblock(lines[lnum:]), lnum + 1


def getsource(object):
    """The source text of an object."""
    lines, lnum = getsourcelines(object)
    return "".join(lines)


def getgeneratorstate(generator):
    """GEN_CREATED, GEN_RUNNING, GEN_SUSPENDED or GEN_CLOSED."""
    if generator.gi_running:
        return GEN_RUNNING
    if generator.gi_suspended:
        return GEN_SUSPENDED
    if generator.gi_frame is None:
        return GEN_CLOSED
    return GEN_CREATED


def getgeneratorlocals(generator):
    """The variables of a suspended generator, as a dict."""
    if not isgenerator(generator):
        raise TypeError("{!r} is not a Python generator".format(generator))
    frame = generator.gi_frame
    if frame is not None:
        return generator.gi_frame.f_locals
    return {}
