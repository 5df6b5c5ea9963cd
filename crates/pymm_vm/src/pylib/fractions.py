"""Rational numbers, for pymm.

pymm's own pure-Python implementation of CPython 3.11's fractions.Fraction:
construction from ints, Fractions, floats, decimals, strings and
numerator/denominator pairs; arithmetic mixed with int, float and complex;
comparisons; CPython's hash; str/repr; limit_denominator; rounding.
Imports only math and sys.
"""

import math as _math
import sys as _sys

__all__ = ['Fraction']

_MODULUS = _sys.hash_info.modulus
_HASH_INF = _sys.hash_info.inf

_DIGITS = '0123456789'


def _is_rational(x):
    if isinstance(x, (int, Fraction)):
        return True
    return (not isinstance(x, (float, complex, str))
            and hasattr(x, 'numerator') and hasattr(x, 'denominator')
            and type(x).__name__ != 'Decimal')


def _digits_ok(s):
    # digits with single underscores between them
    if not s or s[0] == '_' or s[-1] == '_' or '__' in s:
        return False
    for c in s:
        if c not in _DIGITS and c != '_':
            return False
    return True


def _parse(text):
    """Parse a Fraction literal; return (numerator, denominator) or None."""
    s = text.strip()
    sign = 1
    if s[:1] in ('+', '-'):
        if s[0] == '-':
            sign = -1
        s = s[1:]
    if '/' in s:
        num, _, den = s.partition('/')
        if not _digits_ok(num) or not _digits_ok(den):
            return None
        return sign * int(num), int(den)
    mant, exp = s, 0
    for e in ('e', 'E'):
        if e in s:
            mant, _, ex = s.partition(e)
            t = ex[1:] if ex[:1] in ('+', '-') else ex
            if not _digits_ok(t):
                return None
            exp = int(ex)
            break
    if '.' in mant:
        whole, _, frac = mant.partition('.')
        if not whole and not frac:
            return None
        if whole and not _digits_ok(whole):
            return None
        if frac and not _digits_ok(frac):
            return None
        frac = frac.replace('_', '')
        n = int(whole or '0') * 10 ** len(frac) + int(frac or '0')
        exp -= len(frac)
    else:
        if not _digits_ok(mant):
            return None
        n = int(mant)
    n *= sign
    if exp >= 0:
        return n * 10 ** exp, 1
    return n, 10 ** -exp


class Fraction:
    """A rational number numerator/denominator in lowest terms."""

    __slots__ = ('_numerator', '_denominator')

    def __new__(cls, numerator=0, denominator=None, *, _normalize=True):
        self = object.__new__(cls)
        if denominator is None:
            if type(numerator) is int:
                self._numerator = numerator
                self._denominator = 1
                return self
            if isinstance(numerator, Fraction):
                self._numerator = numerator._numerator
                self._denominator = numerator._denominator
                return self
            if isinstance(numerator, int):
                self._numerator = int(numerator)
                self._denominator = 1
                return self
            if isinstance(numerator, (float,)) or type(numerator).__name__ == 'Decimal':
                n, d = numerator.as_integer_ratio()
                self._numerator = n
                self._denominator = d
                return self
            if isinstance(numerator, str):
                parsed = _parse(numerator)
                if parsed is None:
                    raise ValueError('Invalid literal for Fraction: %r' % numerator)
                numerator, denominator = parsed
            elif _is_rational(numerator):
                self._numerator = numerator.numerator
                self._denominator = numerator.denominator
                return self
            else:
                raise TypeError('argument should be a string or a Rational instance')
        elif type(numerator) is int and type(denominator) is int:
            pass
        elif _is_rational(numerator) and _is_rational(denominator):
            if isinstance(numerator, Fraction) or isinstance(denominator, Fraction) \
                    or not isinstance(numerator, int) or not isinstance(denominator, int):
                n1, d1 = numerator.numerator, numerator.denominator
                n2, d2 = denominator.numerator, denominator.denominator
                numerator, denominator = n1 * d2, d1 * n2
            else:
                numerator, denominator = int(numerator), int(denominator)
        else:
            raise TypeError('both arguments should be Rational instances')
        if denominator == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % numerator)
        if _normalize:
            g = _math.gcd(numerator, denominator)
            if denominator < 0:
                g = -g
            numerator //= g
            denominator //= g
        self._numerator = numerator
        self._denominator = denominator
        return self

    @classmethod
    def from_float(cls, f):
        if isinstance(f, int):
            return cls(f)
        if not isinstance(f, float):
            raise TypeError('%s.from_float() only takes floats, not %r (%s)'
                            % (cls.__name__, f, type(f).__name__))
        return cls(*f.as_integer_ratio())

    @classmethod
    def from_decimal(cls, dec):
        if isinstance(dec, int):
            return cls(int(dec))
        if type(dec).__name__ != 'Decimal':
            raise TypeError('%s.from_decimal() only takes Decimals, not %r (%s)'
                            % (cls.__name__, dec, type(dec).__name__))
        return cls(*dec.as_integer_ratio())

    @classmethod
    def _raw(cls, n, d):
        self = object.__new__(cls)
        self._numerator = n
        self._denominator = d
        return self

    def as_integer_ratio(self):
        return (self._numerator, self._denominator)

    def limit_denominator(self, max_denominator=1000000):
        """Closest Fraction to self with denominator at most max_denominator."""
        if max_denominator < 1:
            raise ValueError('max_denominator should be at least 1')
        if self._denominator <= max_denominator:
            return Fraction(self)
        # walk the continued fraction expansion, keeping the convergents
        p0, q0, p1, q1 = 0, 1, 1, 0
        n, d = self._numerator, self._denominator
        while True:
            a = n // d
            q2 = q0 + a * q1
            if q2 > max_denominator:
                break
            p0, q0, p1, q1 = p1, q1, p0 + a * p1, q2
            n, d = d, n - a * d
        k = (max_denominator - q0) // q1
        # the better of the last convergent and the best semiconvergent
        if 2 * d * (q0 + k * q1) <= self._denominator:
            return Fraction._raw(p1, q1)
        return Fraction._raw(p0 + k * p1, q0 + k * q1)

    @property
    def numerator(self):
        return self._numerator

    @property
    def denominator(self):
        return self._denominator

    def __repr__(self):
        return '%s(%s, %s)' % (type(self).__name__, self._numerator, self._denominator)

    def __str__(self):
        if self._denominator == 1:
            return str(self._numerator)
        return '%s/%s' % (self._numerator, self._denominator)

    # ------------------------------------------------------------ arithmetic

    @staticmethod
    def _coerce(other):
        """(kind, value): kind 'q' for a rational (as Fraction), 'f' for float,
        'c' for complex, None for unsupported."""
        if isinstance(other, Fraction):
            return 'q', other
        if isinstance(other, int):
            return 'q', Fraction._raw(int(other), 1)
        if isinstance(other, float):
            return 'f', other
        if isinstance(other, complex):
            return 'c', other
        if _is_rational(other):
            return 'q', Fraction(other.numerator, other.denominator)
        return None, None

    def _binary(self, other, op, reflected):
        kind, o = Fraction._coerce(other)
        if kind is None:
            return NotImplemented
        if kind == 'q':
            return op(o, self) if reflected else op(self, o)
        a = complex(self) if kind == 'c' else float(self)
        return _FLOAT_OPS[op.__name__](o, a) if reflected else _FLOAT_OPS[op.__name__](a, o)

    @staticmethod
    def _add(a, b):
        na, da, nb, db = a._numerator, a._denominator, b._numerator, b._denominator
        g = _math.gcd(da, db)
        if g == 1:
            return Fraction._raw(na * db + da * nb, da * db)
        s = da // g
        t = na * (db // g) + nb * s
        g2 = _math.gcd(t, g)
        if g2 == 1:
            return Fraction._raw(t, s * db)
        return Fraction._raw(t // g2, s * (db // g2))

    @staticmethod
    def _sub(a, b):
        return Fraction._add(a, Fraction._raw(-b._numerator, b._denominator))

    @staticmethod
    def _mul(a, b):
        na, da, nb, db = a._numerator, a._denominator, b._numerator, b._denominator
        g1 = _math.gcd(na, db)
        if g1 > 1:
            na //= g1
            db //= g1
        g2 = _math.gcd(nb, da)
        if g2 > 1:
            nb //= g2
            da //= g2
        return Fraction._raw(na * nb, db * da)

    @staticmethod
    def _div(a, b):
        nb, db = b._numerator, b._denominator
        na, da = a._numerator, a._denominator
        g1 = _math.gcd(na, nb)
        if g1 > 1:
            na //= g1
            nb //= g1
        g2 = _math.gcd(db, da)
        if g2 > 1:
            da //= g2
            db //= g2
        n, d = na * db, nb * da
        if d == 0:
            raise ZeroDivisionError('Fraction(%s, 0)' % n)
        if d < 0:
            n, d = -n, -d
        return Fraction._raw(n, d)

    @staticmethod
    def _floordiv(a, b):
        return (a._numerator * b._denominator) // (a._denominator * b._numerator)

    @staticmethod
    def _divmod(a, b):
        da, db = a._denominator, b._denominator
        q, r = divmod(a._numerator * db, da * b._numerator)
        return q, Fraction(r, da * db)

    @staticmethod
    def _mod(a, b):
        da, db = a._denominator, b._denominator
        return Fraction((a._numerator * db) % (b._numerator * da), da * db)

    def __add__(self, other):
        return self._binary(other, Fraction._add, False)

    def __radd__(self, other):
        return self._binary(other, Fraction._add, True)

    def __sub__(self, other):
        return self._binary(other, Fraction._sub, False)

    def __rsub__(self, other):
        return self._binary(other, Fraction._sub, True)

    def __mul__(self, other):
        return self._binary(other, Fraction._mul, False)

    def __rmul__(self, other):
        return self._binary(other, Fraction._mul, True)

    def __truediv__(self, other):
        return self._binary(other, Fraction._div, False)

    def __rtruediv__(self, other):
        return self._binary(other, Fraction._div, True)

    def __floordiv__(self, other):
        return self._binary(other, Fraction._floordiv, False)

    def __rfloordiv__(self, other):
        return self._binary(other, Fraction._floordiv, True)

    def __divmod__(self, other):
        return self._binary(other, Fraction._divmod, False)

    def __rdivmod__(self, other):
        return self._binary(other, Fraction._divmod, True)

    def __mod__(self, other):
        return self._binary(other, Fraction._mod, False)

    def __rmod__(self, other):
        return self._binary(other, Fraction._mod, True)

    def __pow__(self, b):
        if isinstance(b, int) or (isinstance(b, Fraction) and b._denominator == 1):
            power = b if isinstance(b, int) else b._numerator
            n, d = self._numerator, self._denominator
            if power >= 0:
                return Fraction._raw(n ** power, d ** power)
            if n == 0:
                raise ZeroDivisionError('Fraction(%s, 0)' % (d ** -power))
            if n > 0:
                return Fraction._raw(d ** -power, n ** -power)
            return Fraction._raw((-d) ** -power, (-n) ** -power)
        if isinstance(b, (float, complex)):
            return float(self) ** b if isinstance(b, float) else complex(self) ** b
        if isinstance(b, Fraction) or _is_rational(b):
            return float(self) ** (b.numerator / b.denominator)
        return NotImplemented

    def __rpow__(self, a):
        if self._denominator == 1 and self._numerator >= 0:
            return a ** self._numerator
        if isinstance(a, Fraction) or _is_rational(a):
            return Fraction(a.numerator, a.denominator) ** self
        if self._denominator == 1:
            return a ** self._numerator
        return a ** float(self)

    def __pos__(self):
        return Fraction._raw(self._numerator, self._denominator)

    def __neg__(self):
        return Fraction._raw(-self._numerator, self._denominator)

    def __abs__(self):
        return Fraction._raw(abs(self._numerator), self._denominator)

    def __int__(self):
        if self._numerator < 0:
            return -(-self._numerator // self._denominator)
        return self._numerator // self._denominator

    __trunc__ = __int__

    def __float__(self):
        return self._numerator / self._denominator

    def __complex__(self):
        return complex(float(self))

    def __floor__(self):
        return self._numerator // self._denominator

    def __ceil__(self):
        return -(-self._numerator // self._denominator)

    def __round__(self, ndigits=None):
        if ndigits is None:
            q, r = divmod(self._numerator, self._denominator)
            twice = 2 * r
            if twice < self._denominator or (twice == self._denominator and q % 2 == 0):
                return q
            return q + 1
        shift = 10 ** abs(ndigits)
        if ndigits > 0:
            return Fraction(round(self * shift), shift)
        return Fraction(round(self / shift) * shift)

    def __hash__(self):
        try:
            inv = pow(self._denominator, -1, _MODULUS)
        except ValueError:
            h = _HASH_INF
        else:
            h = hash(hash(abs(self._numerator)) * inv)
        if self._numerator < 0:
            h = -h
        return -2 if h == -1 else h

    def __eq__(self, b):
        if type(b) is int:
            return self._numerator == b and self._denominator == 1
        if isinstance(b, Fraction) or _is_rational(b):
            return self._numerator == b.numerator and self._denominator == b.denominator
        if isinstance(b, complex) and b.imag == 0:
            b = b.real
        if isinstance(b, float):
            if _math.isnan(b) or _math.isinf(b):
                return 0.0 == b
            return self == Fraction.from_float(b)
        return NotImplemented

    def _cmp(self, other, op):
        if isinstance(other, Fraction) or _is_rational(other):
            return op(self._numerator * other.denominator, self._denominator * other.numerator)
        if isinstance(other, float):
            if _math.isnan(other) or _math.isinf(other):
                return op(0.0, other)
            return self._cmp(Fraction.from_float(other), op)
        return NotImplemented

    def __lt__(self, other):
        return self._cmp(other, _lt)

    def __gt__(self, other):
        return self._cmp(other, _gt)

    def __le__(self, other):
        return self._cmp(other, _le)

    def __ge__(self, other):
        return self._cmp(other, _ge)

    def __bool__(self):
        return self._numerator != 0

    def __reduce__(self):
        return (self.__class__, (str(self),))

    def __copy__(self):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    def __deepcopy__(self, memo):
        if type(self) == Fraction:
            return self
        return self.__class__(self._numerator, self._denominator)

    @property
    def real(self):
        return +self

    @property
    def imag(self):
        return 0

    def conjugate(self):
        return +self


def _lt(a, b):
    return a < b


def _gt(a, b):
    return a > b


def _le(a, b):
    return a <= b


def _ge(a, b):
    return a >= b


_FLOAT_OPS = {
    '_add': lambda a, b: a + b,
    '_sub': lambda a, b: a - b,
    '_mul': lambda a, b: a * b,
    '_div': lambda a, b: a / b,
    '_floordiv': lambda a, b: a // b,
    '_divmod': lambda a, b: divmod(a, b),
    '_mod': lambda a, b: a % b,
}
