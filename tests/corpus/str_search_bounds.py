# str.find/count/startswith bounds (ADJUST_INDICES): a start past the end finds
# nothing, not even the empty string; an end before the start likewise.
s = "abcabc"
for args in [(), (3,), (6,), (7,), (2**62,), (-2,), (-10,), (2, 1), (4, 4), (1, -1), (None, 3), (3, None)]:
    print(args, s.find("", *args), s.rfind("", *args), s.count("", *args), s.count("bc", *args),
          s.find("c", *args), s.rfind("c", *args), s.startswith("", *args), s.endswith("c", *args),
          s.startswith(("x", "c"), *args))
for bad in ((1,), (["a"],)):
    try:
        s.startswith(*bad, 99)
    except TypeError as e:
        print("TypeError:", e)
try:
    s.index("", 7)
except ValueError as e:
    print("ValueError:", e)
print("héllo".find("", 5), "héllo".count("l", -3), "héllo".rfind("", 2, 9))
