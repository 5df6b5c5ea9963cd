# a formatted text report combining f-strings, str.format, % and alignment
sales = [("North", "Widget", 1200, 3.5), ("South", "Gadget", 85, 120.0), ("East", "Widget", 430, 3.25),
         ("West", "Doohickey", 12, 999.99), ("North", "Gadget", 310, 118.5), ("East", "Doohickey", 3, 1010.0)]
header = f"{'Region':<8}{'Product':<11}{'Units':>7}{'Price':>10}{'Revenue':>13}"
print(header)
print("=" * len(header))
total = 0.0
for region, product, units, price in sales:
    rev = units * price
    total += rev
    print(f"{region:<8}{product:<11}{units:>7,d}{price:>10.2f}{rev:>13,.2f}")
print("-" * len(header))
print("{:<26}{:>23,.2f}".format("TOTAL", total))
by_region = {}
for region, _, units, price in sales:
    by_region[region] = by_region.get(region, 0) + units * price
for region, rev in sorted(by_region.items(), key=lambda kv: -kv[1]):
    share = rev / total
    bar = "#" * round(share * 40)
    print("%-6s %10.2f %5.1f%% %s" % (region, rev, share * 100, bar))
print(f"{'centered title':^40}")
print(f"{'':-^40}")
print("|{:^10}|{:^10}|{:^10}|".format("a", "bb", "ccc"))
for n in (0, 1, 12, 123, 1234, 12345, 123456789):
    print(f"{n:>12,} {n:>12_} {n:>12e} {n:>8.3g} {n:#x}")
for v in (0.000123456, 0.5, 1.0, 123.456, 1e10, -0.0):
    print(f"{v:>14.4f}|{v:>14.4e}|{v:>10.3g}|{v:>8.1%}|{v!r:>16}")
