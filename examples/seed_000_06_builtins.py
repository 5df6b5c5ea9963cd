# Seed article 000 ("Explain Memory Management In Python: How It Works?"),
# best practice "2. Built-in Functions" min(), max(), sum(). The article has no
# code listing; this script shows what it describes: the built-ins consume an
# iterator directly, without an intermediate list.
data = [(i * 7919) % 1009 for i in range(200)]
print("min", min(data), "max", max(data), "sum", sum(data))

# Hand-written equivalent
lo = hi = data[0]
total = 0
for v in data:
    lo = v if v < lo else lo
    hi = v if v > hi else hi
    total += v
print("min", lo, "max", hi, "sum", total)

# Built-ins accept generator expressions: no list of squares is ever built.
print("sum of squares:", sum(v * v for v in data), "| largest square:", max(v * v for v in data))
