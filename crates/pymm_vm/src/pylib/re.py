"""Regular expressions (pymm's own `re`, on the native `_pymm_sre` engine).

Patterns are `str` (bytes patterns are not supported); the syntax, the matching
rules, the errors and the API (`compile`, `match`, `search`, `fullmatch`,
`findall`, `finditer`, `sub`, `subn`, `split`, `escape`, `Pattern`, `Match`) are
CPython 3.11's.
"""
import enum as _enum
import sys as _sys

import _pymm_sre

__all__ = ["match", "fullmatch", "search", "sub", "subn", "split", "findall",
           "finditer", "compile", "purge", "escape", "error", "Pattern", "Match",
           "A", "I", "L", "M", "S", "X", "U", "ASCII", "IGNORECASE", "LOCALE",
           "MULTILINE", "DOTALL", "VERBOSE", "UNICODE", "NOFLAG", "RegexFlag"]


class RegexFlag(_enum.IntFlag):
    NOFLAG = 0
    ASCII = 256
    IGNORECASE = 2
    LOCALE = 4
    UNICODE = 32
    MULTILINE = 8
    DOTALL = 16
    VERBOSE = 64
    DEBUG = 128

    def __repr__(self):
        value = int(self)
        if value == 0:
            return "re.NOFLAG"
        names = []
        for name in ("ASCII", "IGNORECASE", "LOCALE", "UNICODE", "MULTILINE",
                     "DOTALL", "VERBOSE", "DEBUG"):
            bit = int(RegexFlag[name])
            if value & bit:
                names.append("re." + name)
                value &= ~bit
        if value:
            names.append(hex(value))
        return "|".join(names)

    __str__ = __repr__


NOFLAG = RegexFlag.NOFLAG
A = ASCII = RegexFlag.ASCII
I = IGNORECASE = RegexFlag.IGNORECASE
L = LOCALE = RegexFlag.LOCALE
U = UNICODE = RegexFlag.UNICODE
M = MULTILINE = RegexFlag.MULTILINE
S = DOTALL = RegexFlag.DOTALL
X = VERBOSE = RegexFlag.VERBOSE
DEBUG = RegexFlag.DEBUG


class error(Exception):
    """Exception raised for invalid regular expressions."""

    def __init__(self, msg, pattern=None, pos=None):
        self.msg = msg
        self.pattern = pattern
        self.pos = pos
        if pattern is not None and pos is not None:
            msg = "%s at position %d" % (msg, pos)
            self.lineno = pattern.count("\n", 0, pos) + 1
            self.colno = pos - pattern.rfind("\n", 0, pos)
            if "\n" in pattern:
                msg = "%s (line %d, column %d)" % (msg, self.lineno, self.colno)
        else:
            self.lineno = self.colno = None
        super().__init__(msg)


error.__module__ = "re"


class Pattern:
    """A compiled regular expression."""

    def __init__(self, pattern, flags, index, groups, groupindex):
        self.pattern = pattern
        self.flags = flags
        self._index = index
        self.groups = groups
        self.groupindex = groupindex

    def __repr__(self):
        text = repr(self.pattern)
        if len(text) > 200:
            text = text[:200]
        flags = self.flags & ~int(UNICODE)
        if flags:
            return "re.compile(%s, %r)" % (text, RegexFlag(flags))
        return "re.compile(%s)" % text

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return self.pattern == other.pattern and self.flags == other.flags

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def _exec(self, string, pos, endpos, mode):
        spans = _pymm_sre.exec(self._index, string, pos, endpos, mode)
        if spans is None:
            return None
        return Match(self, string, pos, endpos, spans)

    def match(self, string, pos=0, endpos=_sys.maxsize):
        return self._exec(string, pos, endpos, 0)

    def search(self, string, pos=0, endpos=_sys.maxsize):
        return self._exec(string, pos, endpos, 1)

    def fullmatch(self, string, pos=0, endpos=_sys.maxsize):
        return self._exec(string, pos, endpos, 2)

    def finditer(self, string, pos=0, endpos=_sys.maxsize):
        for spans in _pymm_sre.scan(self._index, string, pos, endpos):
            yield Match(self, string, pos, endpos, spans)

    def findall(self, string, pos=0, endpos=_sys.maxsize):
        return _pymm_sre.findall(self._index, string, pos, endpos)

    def split(self, string, maxsplit=0):
        out = []
        last = 0
        n = 0
        for spans in _pymm_sre.scan(self._index, string, 0, _sys.maxsize):
            if maxsplit and n >= maxsplit:
                break
            out.append(string[last:spans[0]])
            for g in range(1, self.groups + 1):
                a, b = spans[2 * g], spans[2 * g + 1]
                out.append(string[a:b] if a >= 0 else None)
            last = spans[1]
            n += 1
        out.append(string[last:])
        return out

    def subn(self, repl, string, count=0):
        if callable(repl):
            expand = repl
        else:
            template = _parse_template(repl, self)
            if len(template) == 1 and isinstance(template[0], str):
                if not isinstance(string, str):
                    raise TypeError("expected string or bytes-like object, got '%s'"
                                    % type(string).__name__)
                return _pymm_sre.subn_literal(self._index, template[0], string, count)
            else:
                expand = lambda m: _expand(template, m)
        if not isinstance(string, str):
            raise TypeError("expected string or bytes-like object, got '%s'"
                            % type(string).__name__)
        pieces = []
        last = 0
        n = 0
        for spans in _pymm_sre.scan(self._index, string, 0, _sys.maxsize):
            if count and n >= count:
                break
            pieces.append(string[last:spans[0]])
            r = expand(Match(self, string, 0, _sys.maxsize, spans))
            if r is not None:
                if not isinstance(r, str):
                    raise TypeError("expected str instance, %s found"
                                    % type(r).__name__)
                pieces.append(r)
            last = spans[1]
            n += 1
        pieces.append(string[last:])
        return "".join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]


class Match:
    """The result of a successful match."""

    def __init__(self, pattern, string, pos, endpos, spans):
        self.re = pattern
        self.string = string
        self.pos = max(0, min(pos, len(string)))
        self.endpos = max(0, min(endpos, len(string)))
        self._spans = spans

    def _group_index(self, g):
        if isinstance(g, int) or hasattr(type(g), "__index__") and not isinstance(g, str):
            i = g.__index__()
            if 0 <= i <= self.re.groups:
                return i
        elif isinstance(g, str) and g in self.re.groupindex:
            return self.re.groupindex[g]
        raise IndexError("no such group")

    def _group(self, g, default=None):
        i = self._group_index(g)
        a, b = self._spans[2 * i], self._spans[2 * i + 1]
        if a < 0:
            return default
        return self.string[a:b]

    def group(self, *groups):
        if not groups:
            return self._group(0)
        if len(groups) == 1:
            return self._group(groups[0])
        return tuple(self._group(g) for g in groups)

    def __getitem__(self, g):
        return self._group(g)

    def groups(self, default=None):
        return tuple(self._group(i, default) for i in range(1, self.re.groups + 1))

    def groupdict(self, default=None):
        return {name: self._group(i, default) for name, i in self.re.groupindex.items()}

    def start(self, group=0):
        return self._spans[2 * self._group_index(group)]

    def end(self, group=0):
        return self._spans[2 * self._group_index(group) + 1]

    def span(self, group=0):
        i = self._group_index(group)
        return self._spans[2 * i], self._spans[2 * i + 1]

    @property
    def regs(self):
        return tuple((self._spans[2 * i], self._spans[2 * i + 1])
                     for i in range(self.re.groups + 1))

    @property
    def lastindex(self):
        best = None
        best_end = -1
        for i in range(1, self.re.groups + 1):
            a, b = self._spans[2 * i], self._spans[2 * i + 1]
            if a >= 0 and b > best_end:
                best, best_end = i, b
        return best

    @property
    def lastgroup(self):
        i = self.lastindex
        for name, g in self.re.groupindex.items():
            if g == i:
                return name
        return None

    def expand(self, template):
        return _expand(_parse_template(template, self.re), self)

    def __repr__(self):
        return "<re.Match object; span=%r, match=%r>" % (self.span(), self.group())

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self


_ESCAPES = {"a": "\a", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t",
            "v": "\v", "\\": "\\"}


def _parse_template(template, pattern):
    """A replacement template as a list of strings and group indices."""
    if not isinstance(template, str):
        raise TypeError("expected str instance, %s found" % type(template).__name__)
    out = []
    literal = []
    i = 0
    n = len(template)
    while i < n:
        c = template[i]
        if c != "\\":
            literal.append(c)
            i += 1
            continue
        start = i
        i += 1
        if i >= n:
            raise error("bad escape (end of pattern)", template, start)
        c = template[i]
        i += 1
        if c == "g":
            if i >= n or template[i] != "<":
                raise error("missing <", template, i)
            close = template.find(">", i + 1)
            if close < 0:
                raise error("missing >, unterminated name", template, i + 1)
            name = template[i + 1:close]
            if not name:
                raise error("missing group name", template, i + 1)
            if name.isdigit():
                index = int(name)
                if index > pattern.groups:
                    raise IndexError("invalid group reference %d" % index)
            elif name.isidentifier():
                if name not in pattern.groupindex:
                    raise IndexError("unknown group name '%s'" % name)
                index = pattern.groupindex[name]
            else:
                raise error("bad character in group name '%s'" % name, template, i + 1)
            i = close + 1
        elif c == "0":
            digits = c
            while i < n and len(digits) < 3 and template[i] in "01234567":
                digits += template[i]
                i += 1
            literal.append(chr(int(digits, 8)))
            continue
        elif c.isdigit() and c.isascii():
            digits = c
            if i < n and template[i].isdigit() and template[i].isascii():
                digits += template[i]
                i += 1
                if (i < n and template[i] in "01234567" and digits[0] in "01234567"
                        and digits[1] in "01234567"):
                    digits += template[i]
                    i += 1
                    value = int(digits, 8)
                    if value > 0o377:
                        raise error("octal escape value \\%s outside of range 0-0o377"
                                    % digits, template, start)
                    literal.append(chr(value))
                    continue
            index = int(digits)
            if index > pattern.groups:
                raise error("invalid group reference %d" % index, template, start + 1)
        elif c in _ESCAPES:
            literal.append(_ESCAPES[c])
            continue
        elif c.isascii() and c.isalpha():
            raise error("bad escape \\%s" % c, template, start)
        else:
            literal.append("\\" + c)
            continue
        if literal:
            out.append("".join(literal))
            literal = []
        out.append(index)
    if literal or not out:
        out.append("".join(literal))
    return out


def _expand(template, m):
    parts = []
    for item in template:
        if isinstance(item, str):
            parts.append(item)
        else:
            g = m._group(item)
            if g is not None:
                parts.append(g)
    return "".join(parts)


_cache = {}
_MAXCACHE = 512


def _compile(pattern, flags):
    if isinstance(flags, RegexFlag):
        flags = int(flags)
    if isinstance(pattern, Pattern):
        if flags:
            raise ValueError("cannot process flags argument with a compiled pattern")
        return pattern
    if isinstance(pattern, (bytes, bytearray)):
        raise TypeError("pymm's re supports str patterns only, not %s"
                        % type(pattern).__name__)
    if not isinstance(pattern, str):
        raise TypeError("first argument must be string or compiled pattern")
    key = (pattern, flags)
    p = _cache.get(key)
    if p is not None:
        return p
    made = _pymm_sre.compile(pattern, flags)
    if len(made) == 2:
        raise error(made[0], pattern, made[1])
    index, groups, groupindex, final_flags = made
    if not final_flags & (int(ASCII) | int(LOCALE)):
        final_flags |= int(UNICODE)
    p = Pattern(pattern, final_flags, index, groups, groupindex)
    if len(_cache) >= _MAXCACHE:
        _cache.clear()
    _cache[key] = p
    return p


def compile(pattern, flags=0):
    """Compile a regular expression pattern, returning a Pattern object."""
    return _compile(pattern, flags)


def match(pattern, string, flags=0):
    """Try to apply the pattern at the start of the string."""
    return _compile(pattern, flags).match(string)


def fullmatch(pattern, string, flags=0):
    """Try to apply the pattern to all of the string."""
    return _compile(pattern, flags).fullmatch(string)


def search(pattern, string, flags=0):
    """Scan through string looking for a match to the pattern."""
    return _compile(pattern, flags).search(string)


def sub(pattern, repl, string, count=0, flags=0):
    """Return the string with the leftmost non-overlapping matches replaced."""
    return _compile(pattern, flags).sub(repl, string, count)


def subn(pattern, repl, string, count=0, flags=0):
    """Like sub, but also return the number of substitutions made."""
    return _compile(pattern, flags).subn(repl, string, count)


def split(pattern, string, maxsplit=0, flags=0):
    """Split the string by the occurrences of the pattern."""
    return _compile(pattern, flags).split(string, maxsplit)


def findall(pattern, string, flags=0):
    """Return a list of all non-overlapping matches in the string."""
    return _compile(pattern, flags).findall(string)


def finditer(pattern, string, flags=0):
    """Return an iterator over all non-overlapping matches in the string."""
    return _compile(pattern, flags).finditer(string)


def purge():
    """Clear the regular expression cache."""
    _cache.clear()


_SPECIAL = {c: "\\" + c for c in "()[]{}?*+-|^$\\.&~# \t\n\r\v\f"}


def escape(pattern):
    """Escape special characters in a string."""
    if isinstance(pattern, str):
        return "".join(_SPECIAL.get(c, c) for c in pattern)
    raise TypeError("pymm's re.escape supports str only, not %s" % type(pattern).__name__)
