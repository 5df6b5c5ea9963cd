"""Cache lines from Python source files (pymm's own `linecache`): what tracebacks and
`tracemalloc` show under each frame. `cache` maps a file name to
`(size, mtime, lines, fullname)`; `checkcache` drops entries whose file changed."""
import os
import sys

__all__ = ["getline", "clearcache", "checkcache", "lazycache"]

cache = {}


def clearcache():
    """Clear the cache entirely."""
    cache.clear()


def getline(filename, lineno, module_globals=None):
    """Get a line for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    lines = getlines(filename, module_globals)
    if 1 <= lineno <= len(lines):
        return lines[lineno - 1]
    return ""


def getlines(filename, module_globals=None):
    """Get the lines for a Python source file from the cache.
    Update the cache if it doesn't contain an entry for this file already."""
    if filename in cache:
        entry = cache[filename]
        if len(entry) != 1:
            return cache[filename][2]
    try:
        return updatecache(filename, module_globals)
    except MemoryError:
        clearcache()
        return []


def checkcache(filename=None):
    """Discard cache entries that are out of date."""
    names = list(cache) if filename is None else ([filename] if filename in cache else [])
    for name in names:
        entry = cache[name]
        if len(entry) == 1:
            continue
        size, mtime, _lines, fullname = entry
        if mtime is None:
            continue
        try:
            st = os.stat(fullname)
        except OSError:
            cache.pop(name, None)
            continue
        if size != st.st_size or mtime != st.st_mtime:
            cache.pop(name, None)


def updatecache(filename, module_globals=None):
    """Update a cache entry and return its list of lines; empty when the file cannot
    be read."""
    cache.pop(filename, None)
    if not filename or (filename.startswith("<") and filename.endswith(">")):
        return []
    fullname = filename
    try:
        st = os.stat(fullname)
    except OSError:
        if os.path.isabs(filename):
            return []
        for dirname in sys.path:
            try:
                fullname = os.path.join(dirname or os.getcwd(), filename)
                st = os.stat(fullname)
                break
            except (TypeError, AttributeError, OSError):
                continue
        else:
            return []
    try:
        with open(fullname, encoding="utf-8") as fp:
            text = fp.read()
    except (OSError, UnicodeDecodeError, SyntaxError):
        return []
    lines = text.splitlines(True)
    if lines and not lines[-1].endswith("\n"):
        lines[-1] += "\n"
    cache[filename] = st.st_size, st.st_mtime, lines, fullname
    return lines


def lazycache(filename, module_globals):
    """pymm loads no modules through loaders with `get_source`: nothing to register."""
    return False
