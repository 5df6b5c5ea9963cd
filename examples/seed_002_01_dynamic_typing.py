# Seed article 002 ("Python memory management", lists and tuples article),
# section "let's see how memory management works": x = 10 print(x)
x = 10
print(x)

# No declaration is needed: the name just refers to an object that knows its type.
print(type(x).__name__)
x = "ten"
print(x, type(x).__name__)
