# math module
import math
print(math.pi, math.e, math.tau, math.inf, math.nan)
print(math.sqrt(2), math.sqrt(144), math.isqrt(99), math.cbrt(27) if hasattr(math, "cbrt") else 3.0)
print(math.floor(2.7), math.floor(-2.7), math.ceil(2.1), math.ceil(-2.1), math.trunc(9.99), math.trunc(-9.99), type(math.floor(1.5)).__name__)
print(math.factorial(0), math.factorial(20), math.gcd(0, 0), math.gcd(48, 180), math.gcd(12, 18, 27), math.lcm(4, 6, 10))
print(math.comb(10, 3), math.perm(10, 3), math.perm(5), math.prod(range(1, 11)), math.fsum([1e100, 1.0, -1e100, 1.0]))
print(math.log(100, 10), math.log(8, 2), math.log1p(1e-10), math.expm1(1e-10), math.exp(0), math.pow(2, 10), math.log10(0.001))
for ang in (0, 30, 45, 60, 90, 180):
    r = math.radians(ang)
    print(ang, round(math.sin(r), 10), round(math.cos(r), 10), round(math.tan(r), 6) if ang != 90 else "inf")
print(math.asin(1), math.acos(0), math.atan(1), math.atan2(-1, -1), math.sinh(1), math.cosh(1), math.tanh(0.5), math.asinh(1))
print(math.hypot(3, 4, 12), math.dist((0, 0), (3, 4)), math.copysign(3, -0.0), math.fabs(-2), math.fmod(10, 3), math.remainder(10, 3))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1, 1.1, rel_tol=0.2), math.isnan(math.nan), math.isinf(math.inf), math.isfinite(1))
print(math.modf(-3.25), math.frexp(0.1), math.ldexp(3, -2), math.ulp(1.0), math.nextafter(1.0, 2.0))
print(math.degrees(1), math.erf(0.5), math.erfc(0.5), math.gamma(5), math.lgamma(10))
for bad in (lambda: math.sqrt(-1), lambda: math.log(0), lambda: math.factorial(-1), lambda: math.exp(1000), lambda: math.acos(2)):
    try:
        bad()
    except (ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
try:
    math.factorial(2.5)
except (TypeError, ValueError) as e:
    print(type(e).__name__ + ":", e)
print(sum(math.sqrt(i) for i in range(1000)), math.floor(1e300) % 1000)
