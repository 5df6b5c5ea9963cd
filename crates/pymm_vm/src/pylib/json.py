"""JSON encoding and decoding, for pymm.

pymm's own pure-Python implementation of the common parts of CPython 3.11's
json module: dumps/dump (indent, separators, sort_keys, default,
ensure_ascii, allow_nan, skipkeys, check_circular) and loads/load
(object_hook, object_pairs_hook, parse_float, parse_int, parse_constant)
with CPython's JSONDecodeError messages.  Imports nothing.
"""

__all__ = ['dump', 'dumps', 'load', 'loads', 'JSONDecoder', 'JSONDecodeError',
           'JSONEncoder']


class JSONDecodeError(ValueError):
    """Subclass of ValueError with the attributes msg, doc, pos, lineno, colno."""

    def __init__(self, msg, doc, pos):
        lineno = doc.count('\n', 0, pos) + 1
        colno = pos - doc.rfind('\n', 0, pos)
        ValueError.__init__(self, '%s: line %d column %d (char %d)' % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno

    def __reduce__(self):
        return self.__class__, (self.msg, self.doc, self.pos)


# ---------------------------------------------------------------- encoding

_SHORT_ESCAPES = {'"': '\\"', '\\': '\\\\', '\n': '\\n', '\r': '\\r',
                  '\t': '\\t', '\b': '\\b', '\f': '\\f'}


def _quote(s, ascii_only):
    parts = ['"']
    add = parts.append
    start = 0
    i = 0
    n = len(s)
    while i < n:
        ch = s[i]
        o = ord(ch)
        if o >= 0x20 and ch != '"' and ch != '\\' and (o < 0x7f or not ascii_only):
            i += 1
            continue
        if start < i:
            add(s[start:i])
        esc = _SHORT_ESCAPES.get(ch)
        if esc is not None:
            add(esc)
        elif o < 0x10000:
            add('\\u%04x' % o)
        else:
            o -= 0x10000
            add('\\u%04x\\u%04x' % (0xd800 | (o >> 10), 0xdc00 | (o & 0x3ff)))
        i += 1
        start = i
    if start < n:
        add(s[start:])
    add('"')
    return ''.join(parts)


def _float_text(f, allow_nan):
    if f != f:
        text = 'NaN'
    elif f == float('inf'):
        text = 'Infinity'
    elif f == -float('inf'):
        text = '-Infinity'
    else:
        return float.__repr__(f)
    if not allow_nan:
        raise ValueError('Out of range float values are not JSON compliant')
    return text


class JSONEncoder:
    item_separator = ', '
    key_separator = ': '

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None,
                 default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ','
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError('Object of type %s is not JSON serializable' % type(o).__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        return ''.join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        out = []
        indent = self.indent
        if indent is not None and not isinstance(indent, str):
            indent = ' ' * indent
        markers = {} if self.check_circular else None
        self._encode(o, out, indent, 0, markers)
        return out

    def _key(self, k):
        if isinstance(k, str):
            return k
        if isinstance(k, float):
            return _float_text(k, self.allow_nan)
        if k is True:
            return 'true'
        if k is False:
            return 'false'
        if k is None:
            return 'null'
        if isinstance(k, int):
            return int.__repr__(k)
        if self.skipkeys:
            return None
        raise TypeError('keys must be str, int, float, bool or None, not %s' % type(k).__name__)

    def _encode(self, o, out, indent, level, markers):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append('null')
        elif o is True:
            out.append('true')
        elif o is False:
            out.append('false')
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float_text(o, self.allow_nan))
        elif isinstance(o, (list, tuple)):
            if not o:
                out.append('[]')
                return
            self._enter(o, markers)
            if indent is None:
                out.append('[')
                sep = self.item_separator
            else:
                level += 1
                nl = '\n' + indent * level
                out.append('[' + nl)
                sep = self.item_separator + nl
            first = True
            for v in o:
                if not first:
                    out.append(sep)
                first = False
                self._encode(v, out, indent, level, markers)
            if indent is not None:
                level -= 1
                out.append('\n' + indent * level)
            out.append(']')
            self._leave(o, markers)
        elif isinstance(o, dict):
            if not o:
                out.append('{}')
                return
            self._enter(o, markers)
            if indent is None:
                out.append('{')
                sep = self.item_separator
            else:
                level += 1
                nl = '\n' + indent * level
                out.append('{' + nl)
                sep = self.item_separator + nl
            items = o.items()
            if self.sort_keys:
                items = sorted(items)
            first = True
            for k, v in items:
                k = self._key(k)
                if k is None:
                    continue
                if not first:
                    out.append(sep)
                first = False
                out.append(_quote(k, self.ensure_ascii))
                out.append(self.key_separator)
                self._encode(v, out, indent, level, markers)
            if indent is not None:
                level -= 1
                out.append('\n' + indent * level)
            out.append('}')
            self._leave(o, markers)
        else:
            self._enter(o, markers)
            self._encode(self.default(o), out, indent, level, markers)
            self._leave(o, markers)

    def _enter(self, o, markers):
        if markers is not None:
            if id(o) in markers:
                raise ValueError('Circular reference detected')
            markers[id(o)] = o

    def _leave(self, o, markers):
        if markers is not None:
            del markers[id(o)]


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True,
          allow_nan=True, cls=None, indent=None, separators=None,
          default=None, sort_keys=False, **kw):
    if cls is None:
        cls = JSONEncoder
    return cls(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
               check_circular=check_circular, allow_nan=allow_nan, indent=indent,
               separators=separators, default=default, sort_keys=sort_keys,
               **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# ---------------------------------------------------------------- decoding

_WS = ' \t\n\r'
_DIGITS = '0123456789'
_SIMPLE_UNESCAPE = {'"': '"', '\\': '\\', '/': '/', 'b': '\b', 'f': '\f',
                    'n': '\n', 'r': '\r', 't': '\t'}
_HEX = '0123456789abcdefABCDEF'
_CONSTANTS = {'NaN': float('nan'), 'Infinity': float('inf'), '-Infinity': -float('inf')}


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _CONSTANTS.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        obj, end = self.raw_decode(s, self._skip(s, 0))
        end = self._skip(s, end)
        if end != len(s):
            raise JSONDecodeError('Extra data', s, end)
        return obj

    def raw_decode(self, s, idx=0):
        try:
            return self._value(s, idx)
        except StopIteration as err:
            raise JSONDecodeError('Expecting value', s, err.value) from None

    @staticmethod
    def _skip(s, i):
        n = len(s)
        while i < n and s[i] in _WS:
            i += 1
        return i

    def _value(self, s, i):
        # Raises StopIteration(i) where no value starts.
        n = len(s)
        if i >= n:
            raise StopIteration(i)
        c = s[i]
        if c == '"':
            return self._string(s, i + 1)
        if c == '{':
            return self._object(s, i + 1)
        if c == '[':
            return self._array(s, i + 1)
        if c == 'n' and s.startswith('null', i):
            return None, i + 4
        if c == 't' and s.startswith('true', i):
            return True, i + 4
        if c == 'f' and s.startswith('false', i):
            return False, i + 5
        if c == 'N' and s.startswith('NaN', i):
            return self.parse_constant('NaN'), i + 3
        if c == 'I' and s.startswith('Infinity', i):
            return self.parse_constant('Infinity'), i + 8
        if c == '-' and s.startswith('-Infinity', i):
            return self.parse_constant('-Infinity'), i + 9
        return self._number(s, i)

    def _number(self, s, start):
        n = len(s)
        i = start
        if i < n and s[i] == '-':
            i += 1
        if i < n and s[i] == '0':
            i += 1
        elif i < n and s[i] in '123456789':
            i += 1
            while i < n and s[i] in _DIGITS:
                i += 1
        else:
            raise StopIteration(start)
        is_float = False
        if i + 1 < n and s[i] == '.' and s[i + 1] in _DIGITS:
            is_float = True
            i += 2
            while i < n and s[i] in _DIGITS:
                i += 1
        if i < n and s[i] in 'eE':
            j = i + 1
            if j < n and s[j] in '+-':
                j += 1
            if j < n and s[j] in _DIGITS:
                j += 1
                while j < n and s[j] in _DIGITS:
                    j += 1
                is_float = True
                i = j
        text = s[start:i]
        if is_float:
            return self.parse_float(text), i
        return self.parse_int(text), i

    def _string(self, s, i):
        # i is just past the opening quote
        begin = i - 1
        n = len(s)
        chunks = []
        add = chunks.append
        while True:
            j = i
            while j < n:
                c = s[j]
                if c == '"' or c == '\\':
                    break
                if c < ' ' and self.strict:
                    raise JSONDecodeError('Invalid control character at', s, j)
                j += 1
            if j >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            if j > i:
                add(s[i:j])
            if s[j] == '"':
                return ''.join(chunks), j + 1
            # backslash
            if j + 1 >= n:
                raise JSONDecodeError('Unterminated string starting at', s, begin)
            e = s[j + 1]
            if e != 'u':
                ch = _SIMPLE_UNESCAPE.get(e)
                if ch is None:
                    raise JSONDecodeError('Invalid \\escape', s, j)
                add(ch)
                i = j + 2
                continue
            code = self._hex4(s, j + 1)
            i = j + 6
            if 0xd800 <= code <= 0xdbff and s.startswith('\\u', i):
                low = self._hex4(s, i + 1)
                if 0xdc00 <= low <= 0xdfff:
                    code = 0x10000 + (((code - 0xd800) << 10) | (low - 0xdc00))
                    i += 6
            add(chr(code))

    @staticmethod
    def _hex4(s, pos):
        # pos is the index of the 'u'
        digits = s[pos + 1:pos + 5]
        if len(digits) != 4 or not all(d in _HEX for d in digits):
            raise JSONDecodeError('Invalid \\uXXXX escape', s, pos)
        return int(digits, 16)

    def _object(self, s, i):
        pairs = []
        i = self._skip(s, i)
        if i < len(s) and s[i] == '}':
            return self._finish_object(pairs), i + 1
        while True:
            if i >= len(s) or s[i] != '"':
                raise JSONDecodeError('Expecting property name enclosed in double quotes', s, i)
            key, i = self._string(s, i + 1)
            i = self._skip(s, i)
            if i >= len(s) or s[i] != ':':
                raise JSONDecodeError("Expecting ':' delimiter", s, i)
            i = self._skip(s, i + 1)
            try:
                value, i = self._value(s, i)
            except StopIteration as err:
                raise JSONDecodeError('Expecting value', s, err.value) from None
            pairs.append((key, value))
            i = self._skip(s, i)
            if i < len(s) and s[i] == '}':
                return self._finish_object(pairs), i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._skip(s, i + 1)

    def _finish_object(self, pairs):
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs)
        obj = dict(pairs)
        if self.object_hook is not None:
            return self.object_hook(obj)
        return obj

    def _array(self, s, i):
        values = []
        i = self._skip(s, i)
        if i < len(s) and s[i] == ']':
            return values, i + 1
        while True:
            try:
                value, i = self._value(s, i)
            except StopIteration as err:
                raise JSONDecodeError('Expecting value', s, err.value) from None
            values.append(value)
            i = self._skip(s, i)
            if i < len(s) and s[i] == ']':
                return values, i + 1
            if i >= len(s) or s[i] != ',':
                raise JSONDecodeError("Expecting ',' delimiter", s, i)
            i = self._skip(s, i + 1)


_default_decoder = JSONDecoder()


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, str):
        if s.startswith('\ufeff'):
            raise JSONDecodeError('Unexpected UTF-8 BOM (decode using utf-8-sig)', s, 0)
    elif isinstance(s, (bytes, bytearray)):
        s = bytes(s).decode('utf-8')
    else:
        raise TypeError('the JSON object must be str, bytes or bytearray, not %s'
                        % type(s).__name__)
    if (cls is None and object_hook is None and parse_int is None and parse_float is None
            and parse_constant is None and object_pairs_hook is None and not kw):
        return _default_decoder.decode(s)
    if cls is None:
        cls = JSONDecoder
    return cls(object_hook=object_hook, parse_float=parse_float, parse_int=parse_int,
               parse_constant=parse_constant, object_pairs_hook=object_pairs_hook,
               **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
