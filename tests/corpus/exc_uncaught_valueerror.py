# ends with an uncaught ValueError after some output
def parse(items):
    out = []
    for s in items:
        out.append(int(s))
        print("parsed", s)
    return out
print(parse(["1", "2"]))
parse(["3", "4", "five", "6"])
print("unreachable")
