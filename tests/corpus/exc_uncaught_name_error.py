# uncaught NameError for a misspelled name (3.11 adds a suggestion only in the traceback display)
values = [1, 2, 3]
total = 0
for v in values:
    total += v
print("total", total)
print("average", totl / len(values))
