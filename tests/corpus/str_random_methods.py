# str methods on random strings mixing ASCII, Latin-1, Greek (final sigma), special
# casing (ß, İ, ı, ﬁ, ẞ), emoji, tabs and newlines: case maps, splits, searches, slices.
import random
rng = random.Random(9)
alphabet = "abcXYZ 019_-.,éßΣσς€😀\t\nİıﬁẞ"
out = []
for _ in range(600):
    s = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 25)))
    t = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 3)))
    i, j = rng.randrange(-5, 30), rng.randrange(-5, 30)
    out.append(repr((s.upper(), s.lower(), s.casefold(), s.title(), s.swapcase(), s.capitalize(), s.strip(), s.split(), s.split(t or None, 2), s.rsplit(t or None, 1))))
    out.append(repr((s.find(t, i), s.rfind(t, i, j), s.count(t, i), s.startswith(t, i), s.endswith(t, i, j), s.replace(t or "a", "Q", 2), s.partition(t or "a"), s.rpartition(t or "a"))))
    out.append(repr((s[i:j], s[i:j:2], s[::-1], s.center(30, "*"), s.zfill(10), s.expandtabs(4), s.splitlines(), s.splitlines(True), s.isalpha(), s.isalnum(), s.isdigit(), s.isspace(), s.istitle(), s.isidentifier(), s.isprintable())))
    out.append(repr((s.encode("utf-8"), len(s), s.ljust(12, "é"), s.rjust(3), sorted(s), s.translate({ord("a"): "AA", ord("é"): None}), s.removeprefix(t), s.removesuffix(t), hash(s) == hash(s[:]), ascii(s))))
print("\n".join(out))
