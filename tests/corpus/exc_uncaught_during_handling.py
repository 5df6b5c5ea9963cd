# an exception raised while handling another escapes: last stderr line is the new one
def risky():
    return {}["missing"]
try:
    risky()
except KeyError as e:
    print("handling", repr(e))
    int("not a number")
