# uncaught ZeroDivisionError from float division inside nested calls
def mean(xs):
    return sum(xs) / len(xs)
def report(groups):
    for name, xs in groups:
        print(name, mean(xs))
report([("a", [1.0, 2.0]), ("b", [4.5]), ("empty", []), ("c", [1.0])])
