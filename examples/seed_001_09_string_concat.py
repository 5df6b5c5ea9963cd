# Seed article 001 ("Memory management in Python", the gc-module article),
# section "String concatenation":
#   a = "Mango"; a = a + " Ice-cream"   versus   a = "".join([a, " Ice-cream"])
a = "Mango"
a = a + " Ice-cream"
print(a)

a = "Mango"
a = "".join([a, " Ice-cream"])
print(a)

# "Or we can use format() or %"
print("{} {}".format("Mango", "Ice-cream"))
print("%s %s" % ("Mango", "Ice-cream"))

# Strings are immutable: + makes a new object and leaves the old one unchanged.
b = "Mango"
c = b + " Ice-cream"
print(b, "|", c, "|", c is not b)

# Building a long string: join creates the result once.
parts = [str(i) for i in range(10)]
glued = ""
for p in parts:
    glued = glued + p
print(glued == "".join(parts), "".join(parts))
