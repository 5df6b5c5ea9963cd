"""In-memory streams, for pymm.

pymm's own pure-Python implementation of io.StringIO and io.BytesIO (the
in-memory text and binary streams of CPython 3.11's io module), plus the
io.open alias of the built-in open, the SEEK_* constants and the base
classes as plain classes.  Imports only sys.
"""

import sys as _sys

__all__ = ['BytesIO', 'StringIO', 'IOBase', 'TextIOBase', 'BufferedIOBase',
           'RawIOBase', 'UnsupportedOperation', 'open', 'SEEK_SET', 'SEEK_CUR',
           'SEEK_END', 'DEFAULT_BUFFER_SIZE']

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192

open = open


class UnsupportedOperation(OSError, ValueError):
    pass


class IOBase:
    def __enter__(self):
        self._check_closed()
        return self

    def __exit__(self, *exc):
        self.close()

    def __iter__(self):
        self._check_closed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def _check_closed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file.')

    closed = False

    def close(self):
        self.closed = True

    def flush(self):
        self._check_closed()

    def isatty(self):
        self._check_closed()
        return False

    def readable(self):
        self._check_closed()
        return True

    def writable(self):
        self._check_closed()
        return True

    def seekable(self):
        self._check_closed()
        return True

    def fileno(self):
        raise UnsupportedOperation('fileno')

    def readlines(self, hint=-1):
        lines = []
        total = 0
        for line in self:
            lines.append(line)
            total += len(line)
            if 0 < hint <= total:
                break
        return lines

    def writelines(self, lines):
        self._check_closed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


def _index(v, what='integer'):
    if v is None:
        return -1
    try:
        return v.__index__()
    except AttributeError:
        raise TypeError("argument should be integer or None, not '%s'" % type(v).__name__) from None


class _MemoryStream:
    """Shared logic: self._data is a str (text) or bytearray (binary)."""

    def _seek(self, pos, whence):
        self._check_closed()
        if not isinstance(pos, int):
            try:
                pos = pos.__index__()
            except AttributeError:
                raise TypeError("'%s' object cannot be interpreted as an integer"
                                % type(pos).__name__) from None
        if whence == 0:
            if pos < 0:
                raise ValueError('negative seek value %d' % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._data) + pos)
        else:
            raise ValueError('invalid whence (%d, should be 0, 1 or 2)' % whence)
        return self._pos

    def tell(self):
        self._check_closed()
        return self._pos


class StringIO(_MemoryStream, TextIOBase):
    def __init__(self, initial_value='', newline='\n'):
        if newline is not None and not isinstance(newline, str):
            raise TypeError('newline must be str or None, not %s' % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError('illegal newline value: %r' % (newline,))
        if initial_value is None:
            initial_value = ''
        elif not isinstance(initial_value, str):
            raise TypeError('initial_value must be str or None, not %s'
                            % type(initial_value).__name__)
        self._newline = newline
        self._data = ''
        self._pos = 0
        self.closed = False
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)

    def _check_closed(self):
        if self.closed:
            raise ValueError('I/O operation on closed file')

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    def getvalue(self):
        self._check_closed()
        return self._data

    def write(self, s):
        self._check_closed()
        if not isinstance(s, str):
            raise TypeError('string argument expected, got %r' % type(s).__name__)
        n = len(s)
        if self._newline is None:
            s = s.replace('\r\n', '\n').replace('\r', '\n')
        elif self._newline not in ('', '\n'):
            s = s.replace('\n', self._newline)
        data = self._data
        pos = self._pos
        if pos == len(data):
            self._data = data + s
        elif pos > len(data):
            self._data = data + '\0' * (pos - len(data)) + s
        else:
            self._data = data[:pos] + s + data[pos + len(s):]
        self._pos = pos + len(s)
        return n

    def read(self, size=-1):
        self._check_closed()
        size = _index(size)
        data = self._data
        pos = self._pos
        if size < 0:
            end = len(data)
        else:
            end = min(len(data), pos + size)
        if pos >= end:
            return ''
        self._pos = end
        return data[pos:end]

    def readline(self, size=-1):
        self._check_closed()
        size = _index(size)
        data = self._data
        pos = self._pos
        if pos >= len(data):
            return ''
        nl = self._newline
        if nl == '\r' or nl == '\r\n':
            i = data.find(nl, pos)
            end = len(data) if i < 0 else i + len(nl)
        elif nl == '':
            end = len(data)
            for j in range(pos, len(data)):
                c = data[j]
                if c == '\n':
                    end = j + 1
                    break
                if c == '\r':
                    end = j + 2 if data[j + 1:j + 2] == '\n' else j + 1
                    break
        else:
            i = data.find('\n', pos)
            end = len(data) if i < 0 else i + 1
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return data[pos:end]

    def seek(self, pos, whence=0):
        self._check_closed()
        if whence == 1 and pos != 0:
            raise OSError("Can't do nonzero cur-relative seeks")
        if whence == 2 and pos != 0:
            raise OSError("Can't do nonzero end-relative seeks")
        return self._seek(pos, whence)

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError('Negative size value %d' % size)
        if size < len(self._data):
            self._data = self._data[:size]
        return size

    def detach(self):
        raise UnsupportedOperation('detach')

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None


class BytesIO(_MemoryStream, BufferedIOBase):
    def __init__(self, initial_bytes=b''):
        self._data = bytearray()
        self._pos = 0
        self.closed = False
        if initial_bytes:
            self.write(initial_bytes)
            self._pos = 0

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)

    def getvalue(self):
        self._check_closed()
        return bytes(self._data)

    def getbuffer(self):
        self._check_closed()
        return self._data

    def write(self, b):
        self._check_closed()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        try:
            b = bytes(b)
        except TypeError:
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(b).__name__) from None
        pos = self._pos
        data = self._data
        if pos > len(data):
            data.extend(b'\0' * (pos - len(data)))
        data[pos:pos + len(b)] = b
        self._pos = pos + len(b)
        return len(b)

    def read(self, size=-1):
        self._check_closed()
        size = _index(size)
        data = self._data
        pos = self._pos
        end = len(data) if size < 0 else min(len(data), pos + size)
        if pos >= end:
            return b''
        self._pos = end
        return bytes(data[pos:end])

    read1 = read

    def readinto(self, buf):
        chunk = self.read(len(buf))
        buf[:len(chunk)] = chunk
        return len(chunk)

    def readline(self, size=-1):
        self._check_closed()
        size = _index(size)
        data = self._data
        pos = self._pos
        if pos >= len(data):
            return b''
        i = data.find(b'\n', pos)
        end = len(data) if i < 0 else i + 1
        if 0 <= size < end - pos:
            end = pos + size
        self._pos = end
        return bytes(data[pos:end])

    def seek(self, pos, whence=0):
        return self._seek(pos, whence)

    def truncate(self, size=None):
        self._check_closed()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError('negative size value %d' % size)
        if size < len(self._data):
            del self._data[size:]
        return size


TextIOWrapper = type(_sys.stdout)
