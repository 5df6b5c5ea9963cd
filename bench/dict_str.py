"""Dict- and str-heavy workload: word counting, string building and
splitting, dict merging, key formatting, interning-sensitive lookups.
"""
import sys

WORDS = ("alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi "
         "omicron pi rho sigma tau upsilon phi chi psi omega").split()


def make_text(n, seed):
    out = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        out.append(WORDS[x % len(WORDS)])
        if x % 11 == 0:
            out.append(str(x % 1000))
    return " ".join(out)


def count_words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    return counts


def main(rounds=20):
    checksum = 0
    for r in range(rounds):
        text = make_text(40000, r + 1)
        counts = count_words(text)
        top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
        checksum += sum(c for _, c in top)
        table = {}
        for i in range(20000):
            key = "k%d_%s" % (i % 5000, WORDS[i % len(WORDS)])
            table[key] = table.get(key, 0) + i
        checksum += len(table) + sum(table.values()) % 9973
        merged = {}
        for w, c in counts.items():
            merged.setdefault(w[0], {})[w] = c
        checksum += sum(len(v) for v in merged.values())
        parts = []
        for i in range(20000):
            parts.append(f"{i}:{WORDS[i % 24].upper()}")
        s = ",".join(parts)
        checksum += len(s) + s.count("A") + len(s.split(","))
        rev = {v: k for k, v in enumerate(WORDS)}
        checksum += sum(rev[w] for w in text.split()[:20000] if w in rev)
        checksum += len(text.replace("a", "").lower().upper())
        checksum &= 0xFFFFFFFFFFFF
    print("dict_str checksum=%d" % checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 20)
