"""Basic statistics (pymm's own `statistics`).

Sums are exact (as fractions), so `mean`, `variance` and `stdev` give the correctly
rounded result, and the result type follows the data as in CPython: ints give an
int when the value is whole, a float otherwise; floats give floats; Fractions give
Fractions.
"""
import math
from collections import Counter
from fractions import Fraction

__all__ = ["StatisticsError", "fmean", "geometric_mean", "harmonic_mean", "mean",
           "median", "median_high", "median_low", "mode", "multimode", "pstdev",
           "pvariance", "quantiles", "stdev", "variance"]


class StatisticsError(ValueError):
    pass


def _exact(x):
    if isinstance(x, bool):
        return Fraction(int(x))
    if isinstance(x, (int, Fraction)):
        return Fraction(x)
    if isinstance(x, float):
        if math.isfinite(x):
            return Fraction(*x.as_integer_ratio())
        return x
    raise TypeError("can't convert type '%s' to numerator/denominator" % type(x).__name__)


def _coerce(T, S):
    if T is S:
        return T
    if S is int or S is bool:
        return T
    if T is int or T is bool:
        return S
    if issubclass(S, T):
        return S
    if issubclass(T, S):
        return T
    if issubclass(T, int):
        return S
    if issubclass(S, int):
        return T
    if issubclass(T, Fraction) and issubclass(S, float):
        return S
    if issubclass(T, float) and issubclass(S, Fraction):
        return T
    raise TypeError("can't convert type '%s' to '%s'" % (T.__name__, S.__name__))


def _sum(data):
    """(type, exact total, count)."""
    T = int
    total = Fraction(0)
    count = 0
    special = None
    for x in data:
        T = _coerce(T, type(x))
        e = _exact(x)
        if isinstance(e, float):
            special = e if special is None else special + e
        else:
            total += e
        count += 1
    if special is not None:
        return T, special, count
    return T, total, count


def _convert(value, T):
    if isinstance(value, float) and not isinstance(value, Fraction):
        return value
    if type(value) is T:
        return value
    if issubclass(T, int) and value.denominator != 1:
        T = float
    if T is float:
        return value.numerator / value.denominator
    if T is int or T is bool:
        return int(value)
    return T(value)


def _sqrt_of_frac(n, m):
    """The square root of n/m as a correctly rounded float."""
    if n <= 0:
        return 0.0
    # Enough bits that rounding the integer square root to odd, then to a float,
    # rounds correctly.
    k = max(0, (112 - n.bit_length() + m.bit_length()) // 2 + 1)
    q, r = divmod(n << (2 * k), m)
    s = math.isqrt(q)
    if r or s * s != q:
        s |= 1
    return math.ldexp(float(s), -k)


def mean(data):
    """Return the sample arithmetic mean of data."""
    T, total, n = _sum(data)
    if n < 1:
        raise StatisticsError("mean requires at least one data point")
    return _convert(total / n, T)


def fmean(data, weights=None):
    """Convert data to floats and compute the arithmetic mean."""
    if weights is None:
        data = list(data)
        n = len(data)
        if n == 0:
            raise StatisticsError("fmean requires at least one data point")
        return math.fsum(data) / n
    data = list(data)
    weights = list(weights)
    if len(weights) != len(data):
        raise StatisticsError("data and weights must be the same length")
    total = math.fsum(weights)
    if not total:
        raise StatisticsError("sum of weights must be non-zero")
    return math.fsum(x * w for x, w in zip(data, weights)) / total


def geometric_mean(data):
    """Convert data to floats and compute the geometric mean."""
    try:
        return math.exp(fmean(map(math.log, data)))
    except ValueError:
        raise StatisticsError("geometric mean requires a non-empty dataset "
                              "containing positive numbers") from None


def harmonic_mean(data, weights=None):
    """Return the harmonic mean of data."""
    data = list(data)
    n = len(data)
    if n < 1:
        raise StatisticsError("harmonic_mean requires at least one data point")
    if n == 1 and weights is None:
        x = data[0]
        if isinstance(x, (int, float, Fraction)):
            if x < 0:
                raise StatisticsError("harmonic mean does not support negative values")
            return x
        raise TypeError("unsupported type")
    if weights is None:
        weights = [1] * n
    weights = list(weights)
    if any(x < 0 for x in data):
        raise StatisticsError("harmonic mean does not support negative values")
    if any(x == 0 for x in data):
        return 0
    T, total, count = _sum(w / x if w else 0 for w, x in zip(weights, data))
    sum_weights = sum(weights)
    if total <= 0:
        raise StatisticsError("Weighted sum must be positive")
    return _convert(sum_weights / total, T)


def _sorted_for_median(data):
    data = sorted(data)
    if not data:
        raise StatisticsError("no median for empty data")
    return data, len(data)


def median(data):
    """Return the median (middle value) of numeric data."""
    data, n = _sorted_for_median(data)
    if n % 2 == 1:
        return data[n // 2]
    i = n // 2
    return (data[i - 1] + data[i]) / 2


def median_low(data):
    """Return the low median of numeric data."""
    data, n = _sorted_for_median(data)
    if n % 2 == 1:
        return data[n // 2]
    return data[n // 2 - 1]


def median_high(data):
    """Return the high median of data."""
    data, n = _sorted_for_median(data)
    return data[n // 2]


def mode(data):
    """Return the most common data point from discrete or nominal data."""
    pairs = Counter(iter(data)).most_common(1)
    try:
        return pairs[0][0]
    except IndexError:
        raise StatisticsError("no mode for empty data") from None


def multimode(data):
    """Return a list of the most frequently occurring values."""
    counts = Counter(iter(data))
    if not counts:
        return []
    top = max(counts.values())
    return [value for value, count in counts.items() if count == top]


def _ss(data, c=None):
    """(type, exact sum of squared deviations, count) about c or the mean."""
    data = list(data)
    T, total, n = _sum(data)
    if isinstance(total, float):
        return T, total, n
    centre = Fraction(total, n) if c is None and n else _exact(c if c is not None else 0)
    ss = Fraction(0)
    for x in data:
        d = _exact(x) - centre
        ss += d * d
    return T, ss, n


def variance(data, xbar=None):
    """Return the sample variance of data."""
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("variance requires at least two data points")
    return _convert(ss / (n - 1), T)


def pvariance(data, mu=None):
    """Return the population variance of data."""
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pvariance requires at least one data point")
    return _convert(ss / n, T)


def stdev(data, xbar=None):
    """Return the square root of the sample variance."""
    T, ss, n = _ss(data, xbar)
    if n < 2:
        raise StatisticsError("stdev requires at least two data points")
    mss = ss / (n - 1)
    if isinstance(mss, float):
        return math.sqrt(mss)
    return _sqrt_of_frac(mss.numerator, mss.denominator)


def pstdev(data, mu=None):
    """Return the square root of the population variance."""
    T, ss, n = _ss(data, mu)
    if n < 1:
        raise StatisticsError("pstdev requires at least one data point")
    mss = ss / n
    if isinstance(mss, float):
        return math.sqrt(mss)
    return _sqrt_of_frac(mss.numerator, mss.denominator)


def quantiles(data, *, n=4, method="exclusive"):
    """Divide data into n continuous intervals with equal probability."""
    if n < 1:
        raise StatisticsError("n must be at least 1")
    data = sorted(data)
    ld = len(data)
    if ld < 2:
        raise StatisticsError("must have at least two data points")
    if method == "inclusive":
        m = ld - 1
        result = []
        for i in range(1, n):
            j, delta = divmod(i * m, n)
            interpolated = (data[j] * (n - delta) + data[j + 1] * delta) / n
            result.append(interpolated)
        return result
    if method == "exclusive":
        m = ld + 1
        result = []
        for i in range(1, n):
            j = i * m // n
            j = 1 if j < 1 else ld - 1 if j > ld - 1 else j
            delta = i * m - j * n
            interpolated = (data[j - 1] * (n - delta) + data[j] * delta) / n
            result.append(interpolated)
        return result
    raise ValueError("Unknown method: %r" % (method,))
