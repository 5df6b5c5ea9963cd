# statistics: exact sums, result types, medians, modes, variance and stdev correctly
# rounded, quantiles, the means, and StatisticsError.
import statistics as st
from fractions import Fraction
import random
rng = random.Random(7)
floats = [rng.random() * 100 for _ in range(1000)]
ints = [rng.randrange(1000) for _ in range(999)]
for data in ([1, 2, 3, 4], [1, 2, 3], [2.5, 3.25, 5.75], floats, ints, [Fraction(1, 3), Fraction(2, 3), Fraction(5, 7)], [1, 2.5, Fraction(1, 2)], [True, False, True]):
    print(repr(st.mean(data)), repr(st.median(data)), repr(st.median_low(data)), repr(st.median_high(data)))
    print(repr(st.variance(data)), repr(st.stdev(data)), repr(st.pvariance(data)), repr(st.pstdev(data)), repr(st.fmean(data)))
print(st.mode([1, 1, 2, 3, 3, 3]), st.mode("aabbbc"), st.multimode("aabbcc"), st.multimode([]))
print(st.quantiles([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), st.quantiles(ints, n=10), st.quantiles([1, 5, 9], n=4, method="inclusive"))
print(st.geometric_mean([54, 24, 36]), st.harmonic_mean([40, 60]), st.stdev([1.5, 2.5, 2.5, 2.75, 3.25, 4.75]), st.variance([0, 0, 1, 1e16]))
for bad in [lambda: st.mean([]), lambda: st.variance([1]), lambda: st.median([]), lambda: st.mode([]), lambda: st.stdev([])]:
    try:
        bad()
    except st.StatisticsError as e:
        print(type(e).__name__, e, isinstance(e, ValueError))
