# smoke test: str literals, concatenation, indexing, len, methods
s = "hello"
t = "world"
print(s + " " + t)
print(len(s))
print(s[0], s[-1], s[1:3])
print(s.upper())
print(s * 3)
print("l" in s, "z" in s)
print(s.replace("l", "L"))
print("a,b,c".split(","))
print("-".join(["x", "y", "z"]))
print(str(123) + "!")
print(int("456") + 1)
print(f"{s} has {len(s)} letters")
words = "the quick brown fox".split()
for w in words:
    print(w, len(w))
