"""Packing values into C-layout bytes and back (pymm's own `struct`, on the native
`_struct` module): byte orders `@ = < > !`, native sizes and alignment for `@`,
standard sizes otherwise, and CPython's errors."""
import _struct

__all__ = ["calcsize", "pack", "pack_into", "unpack", "unpack_from", "iter_unpack",
           "Struct", "error"]


class error(Exception):
    pass


_struct._set_error(error)

calcsize = _struct.calcsize
pack = _struct.pack
unpack = _struct.unpack


def pack_into(fmt, buffer, offset, *v):
    """Pack the values into the writable buffer at offset."""
    data = pack(fmt, *v)
    size = len(data)
    n = len(buffer)
    if offset < 0:
        if offset + size > 0:
            raise error("no space to pack %d bytes at offset %d" % (size, offset))
        if offset + n < 0:
            raise error("offset %d out of range for %d-byte buffer" % (offset, n))
        offset += n
    if n - offset < size:
        raise error("pack_into requires a buffer of at least %d bytes for packing %d "
                    "bytes at offset %d (actual buffer size is %d)"
                    % (size + offset, size, offset, n))
    buffer[offset:offset + size] = data


def unpack_from(fmt, /, buffer, offset=0):
    """Unpack from the buffer starting at offset."""
    size = calcsize(fmt)
    n = len(buffer)
    if offset < 0:
        if offset + n < 0:
            raise error("offset %d out of range for %d-byte buffer" % (offset, n))
        offset += n
    if n - offset < size:
        if offset > n:
            raise error("offset %d out of range for %d-byte buffer" % (offset, n))
        raise error("unpack_from requires a buffer of at least %d bytes for unpacking %d "
                    "bytes at offset %d (actual buffer size is %d)"
                    % (size + offset, size, offset, n))
    return unpack(fmt, bytes(buffer[offset:offset + size]))


def iter_unpack(fmt, buffer):
    """An iterator over the unpacked tuples of consecutive chunks of the buffer."""
    size = calcsize(fmt)
    if size == 0:
        raise error("cannot iteratively unpack with a struct of length 0")
    if len(buffer) % size:
        raise error("iterative unpacking requires a buffer of a multiple of %d bytes" % size)
    return (unpack(fmt, bytes(buffer[i:i + size])) for i in range(0, len(buffer), size))


class Struct:
    """A compiled struct format."""

    def __init__(self, format):
        if isinstance(format, bytes):
            format = format.decode("ascii")
        self.format = format
        self.size = calcsize(format)

    def pack(self, *v):
        return pack(self.format, *v)

    def pack_into(self, buffer, offset, *v):
        return pack_into(self.format, buffer, offset, *v)

    def unpack(self, buffer):
        return unpack(self.format, buffer)

    def unpack_from(self, buffer, offset=0):
        return unpack_from(self.format, buffer, offset)

    def iter_unpack(self, buffer):
        return iter_unpack(self.format, buffer)
