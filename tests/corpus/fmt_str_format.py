# str.format and format() mini-language
print("{} {} {}".format(1, "two", 3.0))
print("{0} {1} {0}".format("a", "b"), "{name} is {age}".format(name="Ann", age=30), "{0[0]} {0[1]}".format(("x", "y")))
print("{p.real} {p.imag}".format(p=3 + 4j), "{d[key]}".format(d={"key": "v"}), "{:>8}|{:<8}|{:^8}|".format("r", "l", "c"))
print("{:*>10}|{:-<10}|{:0=10}|{:+}|{: }".format("r", "l", -42, 7, 7))
print("{:d} {:5d} {:05d} {:x} {:#x} {:b} {:o} {:c} {:n}".format(42, 42, 42, 255, 255, 5, 8, 97, 1000))
print("{:f} {:.2f} {:10.3f} {:e} {:.1e} {:g} {:G} {:%} {:.0%}".format(3.14159, 3.14159, 3.14159, 31415.9, 31415.9, 0.00001, 1e20, 0.25, 0.5))
print("{:,} {:_} {:,.3f} {:_b}".format(1234567890, 1234567890, 98765.4321, 255))
print("{!r} {!s} {!a}".format("q", "q", "ü"), "{0!r:>10}".format("x"))
print("{:{w}.{p}f}".format(2.71828, w=10, p=2), "{:{}}".format("x", 5) + "|")
print("{{}} {{{}}}".format("in"))
print(format(123, ""), format(123, "10"), format("abc", "^9"), format(0.5, "g"), format(-1.5, "08.2f"), format(True, "d"), format(True))
print("{:.3}".format("abcdef"), "{:10.3}|".format("abcdef"), "{:.3}".format(3.14159), "{:.0f}".format(2.5), "{:.0f}".format(3.5))
print("{:>12,.2f}".format(-1234.5), "{:<+8.1f}|".format(2.25), "{:^+9.2e}|".format(12345.678))
table = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 2.0)]
print("{:<10}{:>5}{:>8}".format("item", "qty", "price"))
for item, q, p in table:
    print("{:<10}{:>5d}{:>8.2f}".format(item, q, p))
print("Total: {:.2f}".format(sum(q * p for _, q, p in table)))
print("{0:b} {0:o} {0:x} {0:#010b}".format(10), "{:,}".format(-10 ** 12), "{:e}".format(0), "{:.2%}".format(1 / 3))
print("{} {}".format([1, 2], {"a": 1}), "{}".format(None), "{:}".format(1.0), "{}".format(1e16), "{}".format(-0.0))
print(str.format("{}-{}", 1, 2), "{:s}".format("s"), "{0}{0}{0}".format("ha"))
try:
    "{:d}".format("x")
except ValueError as e:
    print("ValueError:", e)
try:
    "{:s}".format(1)
except ValueError as e:
    print("ValueError:", e)
try:
    "{".format(1)
except ValueError as e:
    print("ValueError:", e)
try:
    "{0} {}".format(1, 2)
except ValueError as e:
    print("ValueError:", e)
print("{:x<4d}".format(7), "{:=^11}".format(" mid "), "{:.5}".format(1 / 7), "{:10}|".format(1 / 7))
