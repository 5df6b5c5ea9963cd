# Chained comparisons, identity, membership, boolean ops
x = 5
print(1 < x < 10, 1 < x > 10, 0 <= x <= 5 < 6, 1 == 1 == 1.0, 1 < 2 < 3 < 2)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(5))
print(calls)
E1, E2 = [], []
print(None is None, E1 is E2, tuple() is tuple(), "a" in "abc", 3 not in [1, 2])
print(1 and 2, 0 and 2, 1 or 2, 0 or "", "" or [] or None, not 0, not "x")
print([] == [], [1, 2] < [1, 3], (1, 2) < (1, 2, 0), "abc" < "abd", "Z" < "a")
print({1, 2} < {1, 2, 3}, {1, 2} <= {1, 2}, {1} > set(), frozenset([1]) == {1})
print(1 == 1.0, 2 == 2.0000001, True == 1, False == 0, None == 0, 0.0 == -0.0)
print(float("nan") == float("nan"), float("nan") != float("nan"))
nan = float("nan")
lst = [nan]
print(nan in lst, lst == lst, [nan] == [nan])
print(10 ** 20 == 1e20, 2 ** 53 + 1 == float(2 ** 53 + 1), 1 / 3 == 0.3333333333333333)
print("10" == 10, "a" != "b", b"a" == "a")
try:
    print(1 < "a")
except TypeError as e:
    print("TypeError:", e)
try:
    print([1] < (1,))
except TypeError as e:
    print("TypeError:", e)
try:
    print({} < {})
except TypeError as e:
    print("TypeError:", e)
try:
    print(None > 0)
except TypeError as e:
    print("TypeError:", e)
print(max(3, 3.0), min(3.0, 3), sorted([3, 1.5, True, 2]))
print(all([1, 2, 3]), any([0, "", None]), all([]), any([]))
print((1 if [] else 2), ("yes" if {0: 0} else "no"))
print(3 > 2 == 2, (3 > 2) == 2)
print(1 in {1: "a"}, "a" in {1: "a"}, 2 in range(0, 10, 2), 3 in range(0, 10, 2))
