# uncaught AssertionError with a message
def check(xs):
    for i, x in enumerate(xs):
        assert x >= 0, f"element {i} is negative: {x}"
        print("ok", x)
check([3, 1, 4])
check([1, -5, 9])
