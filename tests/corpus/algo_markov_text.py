# seeded Markov-chain text generation (dicts of lists, random.choice)
import random
corpus = """the cat sat on the mat . the dog sat on the log . the cat saw the dog .
the dog saw the cat and the cat ran . a bird sat on the cat . the bird sang .
the mat was red and the log was brown . the dog ran to the log ."""
words = corpus.split()
chain = {}
for a, b, c in zip(words, words[1:], words[2:]):
    chain.setdefault((a, b), []).append(c)
print(len(chain), sorted(chain)[:5], chain[("the", "cat")])
random.seed(17)
def generate(n):
    key = ("the", "cat")
    out = list(key)
    for _ in range(n):
        nxt = chain.get(key)
        if not nxt:
            break
        w = random.choice(nxt)
        out.append(w)
        key = (key[1], w)
    return " ".join(out)
for _ in range(4):
    print(generate(20))
counts = {}
for w in words:
    counts[w] = counts.get(w, 0) + 1
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8])
bigrams = {}
for a, b in zip(words, words[1:]):
    bigrams[(a, b)] = bigrams.get((a, b), 0) + 1
print(sorted(bigrams.items(), key=lambda kv: (-kv[1], kv[0]))[:5])
random.seed(5)
sample = random.sample(sorted(set(words)), 6)
print(sample, random.choices(words, k=5))
