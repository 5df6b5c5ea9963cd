"""A collection of string constants, for pymm.

pymm's own pure-Python implementation of the constants of CPython 3.11's
string module: the constants, capwords(), Template (with the default
$-placeholder syntax; a subclass may change `delimiter`, but `idpattern`,
`braceidpattern` and `pattern` are not used because pymm has no re module)
and Formatter (with its own format-string parser).  Imports nothing.
"""

__all__ = ['ascii_letters', 'ascii_lowercase', 'ascii_uppercase', 'capwords',
           'digits', 'hexdigits', 'octdigits', 'printable', 'punctuation',
           'whitespace', 'Formatter', 'Template']

whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace


def capwords(s, sep=None):
    """capwords(s [,sep]) -> string

    Split the argument into words using split, capitalize each word using
    capitalize, and join the capitalized words using join.  If the optional
    second argument sep is absent or None, runs of whitespace characters are
    replaced by a single space and leading and trailing whitespace are
    removed, otherwise sep is used to split and join the words.
    """
    return (sep or ' ').join([word.capitalize() for word in s.split(sep)])


# ---------------------------------------------------------------- Template

_ID_START = ascii_letters + '_'
_ID_CHARS = ascii_letters + digits + '_'


class _ChainLookup:
    def __init__(self, first, second):
        self._first = first
        self._second = second

    def __getitem__(self, key):
        try:
            return self._first[key]
        except KeyError:
            return self._second[key]


class Template:
    """A string class for supporting $-substitutions."""

    delimiter = '$'
    idpattern = r'(?a:[_a-z][_a-z0-9]*)'
    braceidpattern = None

    def __init__(self, template):
        self.template = template

    def _scan(self):
        """Yield (kind, start, end, name) for each placeholder, kind being
        'escaped', 'named', 'braced' or 'invalid'; start/end delimit the
        whole placeholder text."""
        t = self.template
        delim = self.delimiter
        dl = len(delim)
        n = len(t)
        i = t.find(delim)
        while i >= 0:
            j = i + dl
            if t.startswith(delim, j):
                yield 'escaped', i, j + dl, None
                i = t.find(delim, j + dl)
                continue
            if j < n and t[j] in _ID_START:
                k = j + 1
                while k < n and t[k] in _ID_CHARS:
                    k += 1
                yield 'named', i, k, t[j:k]
                i = t.find(delim, k)
                continue
            if j < n and t[j] == '{' and j + 1 < n and t[j + 1] in _ID_START:
                k = j + 2
                while k < n and t[k] in _ID_CHARS:
                    k += 1
                if k < n and t[k] == '}':
                    yield 'braced', i, k + 1, t[j + 1:k]
                    i = t.find(delim, k + 1)
                    continue
            yield 'invalid', i, j, None
            i = t.find(delim, j)

    def _invalid(self, i):
        lines = self.template[:i].splitlines(keepends=True)
        if not lines:
            colno = 1
            lineno = 1
        else:
            colno = i - len(''.join(lines[:-1]))
            lineno = len(lines)
        raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))

    def _substitute(self, mapping, kws, safe):
        if mapping is _sentinel_dict:
            mapping = kws
        elif kws:
            mapping = _ChainLookup(kws, mapping)
        t = self.template
        out = []
        pos = 0
        for kind, start, end, name in self._scan():
            out.append(t[pos:start])
            pos = end
            if kind == 'escaped':
                out.append(self.delimiter)
            elif kind == 'invalid':
                if not safe:
                    self._invalid(start + len(self.delimiter))
                out.append(t[start:end])
            elif safe:
                try:
                    out.append(str(mapping[name]))
                except KeyError:
                    out.append(t[start:end])
            else:
                out.append(str(mapping[name]))
        out.append(t[pos:])
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        return self._substitute(_sentinel_dict if mapping is None else mapping, kws, False)

    def safe_substitute(self, mapping=None, /, **kws):
        return self._substitute(_sentinel_dict if mapping is None else mapping, kws, True)

    def is_valid(self):
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                return False
        return True

    def get_identifiers(self):
        ids = []
        for kind, start, end, name in self._scan():
            if kind == 'invalid':
                self._invalid(start + len(self.delimiter))
            if name is not None and name not in ids:
                ids.append(name)
        return ids


_sentinel_dict = {}


# ---------------------------------------------------------------- Formatter

def _parse_format(s):
    """Split a format string into (literal, field_name, format_spec, conversion)
    tuples as str.format does."""
    n = len(s)
    i = 0
    while i < n:
        # literal text up to the next brace
        j = i
        while j < n and s[j] != '{' and s[j] != '}':
            j += 1
        literal = s[i:j]
        if j >= n:
            yield literal, None, None, None
            return
        c = s[j]
        nxt = s[j + 1] if j + 1 < n else None
        if c == '}':
            if nxt != '}':
                raise ValueError("Single '}' encountered in format string")
            yield literal + '}', None, None, None
            i = j + 2
            continue
        if nxt is None:
            raise ValueError("Single '{' encountered in format string")
        if nxt == '{':
            yield literal + '{', None, None, None
            i = j + 2
            continue
        # a replacement field starting at j + 1
        k = j + 1
        c = None
        while k < n:
            c = s[k]
            k += 1
            if c == '{':
                raise ValueError("unexpected '{' in field name")
            if c == '[':
                while k < n and s[k] != ']':
                    k += 1
                continue
            if c in '}:!':
                break
        else:
            c = None
        if c is None or c not in '}:!':
            raise ValueError("expected '}' before end of string")
        field_name = s[j + 1:k - 1]
        conversion = None
        if c == '}':
            yield literal, field_name, '', None
            i = k
            continue
        if c == '!':
            if k >= n:
                raise ValueError('end of string while looking for conversion specifier')
            conversion = s[k]
            k += 1
            if k < n:
                c = s[k]
                k += 1
                if c == '}':
                    yield literal, field_name, '', conversion
                    i = k
                    continue
                if c != ':':
                    raise ValueError("expected ':' after conversion specifier")
        start = k
        depth = 1
        while k < n:
            c = s[k]
            k += 1
            if c == '{':
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    break
        if depth:
            raise ValueError("unmatched '{' in format spec")
        yield literal, field_name, s[start:k - 1], conversion
        i = k


def _split_field_name(name):
    """Return (first, [(is_attribute, key), ...]) for a field name."""
    n = len(name)
    i = 0
    while i < n and name[i] not in '.[':
        i += 1
    first = name[:i]
    if first.isdigit():
        first = int(first)
    rest = []
    while i < n:
        c = name[i]
        i += 1
        if c == '.':
            j = i
            while j < n and name[j] not in '.[':
                j += 1
            if j == i:
                raise ValueError('Empty attribute in format string')
            rest.append((True, name[i:j]))
            i = j
        elif c == '[':
            j = name.find(']', i)
            if j < 0:
                raise ValueError("Missing ']' in format field")
            key = name[i:j]
            if key == '':
                raise ValueError('Empty attribute in format string')
            rest.append((False, int(key) if key.isdigit() else key))
            i = j + 1
            if i < n and name[i] not in '.[':
                raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
        else:
            raise ValueError("Only '.' or '[' may follow ']' in format field specifier")
    return first, rest


class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        used_args = set()
        result, _ = self._vformat(format_string, args, kwargs, used_args, 2)
        self.check_unused_args(used_args, args, kwargs)
        return result

    def _vformat(self, format_string, args, kwargs, used_args, recursion_depth,
                 auto_arg_index=0):
        if recursion_depth < 0:
            raise ValueError('Max string recursion exceeded')
        result = []
        for literal, field_name, format_spec, conversion in self.parse(format_string):
            if literal:
                result.append(literal)
            if field_name is None:
                continue
            if field_name == '':
                if auto_arg_index is False:
                    raise ValueError('cannot switch from manual field specification '
                                     'to automatic field numbering')
                field_name = str(auto_arg_index)
                auto_arg_index += 1
            elif field_name.isdigit():
                if auto_arg_index:
                    raise ValueError('cannot switch from manual field specification '
                                     'to automatic field numbering')
                auto_arg_index = False
            obj, arg_used = self.get_field(field_name, args, kwargs)
            used_args.add(arg_used)
            obj = self.convert_field(obj, conversion)
            format_spec, auto_arg_index = self._vformat(
                format_spec, args, kwargs, used_args, recursion_depth - 1,
                auto_arg_index=auto_arg_index)
            result.append(self.format_field(obj, format_spec))
        return ''.join(result), auto_arg_index

    def get_value(self, key, args, kwargs):
        if isinstance(key, int):
            return args[key]
        return kwargs[key]

    def check_unused_args(self, used_args, args, kwargs):
        pass

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        if conversion == 's':
            return str(value)
        if conversion == 'r':
            return repr(value)
        if conversion == 'a':
            return ascii(value)
        raise ValueError('Unknown conversion specifier {0!s}'.format(conversion))

    def parse(self, format_string):
        return _parse_format(format_string)

    def get_field(self, field_name, args, kwargs):
        first, rest = _split_field_name(field_name)
        obj = self.get_value(first, args, kwargs)
        for is_attr, i in rest:
            if is_attr:
                obj = getattr(obj, i)
            else:
                obj = obj[i]
        return obj, first
