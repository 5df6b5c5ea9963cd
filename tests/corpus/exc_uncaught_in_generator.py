# uncaught ZeroDivisionError from inside a generator
def ratios(values):
    for v in values:
        yield 100 // v
for r in ratios([5, 4, 2, 0, 1]):
    print(r)
