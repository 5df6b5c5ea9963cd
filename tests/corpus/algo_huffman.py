# Huffman coding with heapq; encode/decode round trip
import heapq
from collections import Counter
def build(text):
    freq = Counter(text)
    heap = [(n, i, ch) for i, (ch, n) in enumerate(sorted(freq.items()))]
    heapq.heapify(heap)
    counter = len(heap)
    while len(heap) > 1:
        n1, _, a = heapq.heappop(heap)
        n2, _, b = heapq.heappop(heap)
        heapq.heappush(heap, (n1 + n2, counter, (a, b)))
        counter += 1
    codes = {}
    def walk(node, prefix):
        if isinstance(node, str):
            codes[node] = prefix or "0"
        else:
            walk(node[0], prefix + "0")
            walk(node[1], prefix + "1")
    walk(heap[0][2], "")
    return codes, heap[0][2]
def encode(text, codes):
    return "".join(codes[c] for c in text)
def decode(bits, tree):
    out, node = [], tree
    for b in bits:
        node = node[int(b)]
        if isinstance(node, str):
            out.append(node)
            node = tree
    return "".join(out)
text = "this is an example of a huffman tree, built deterministically for the pymm corpus"
codes, tree = build(text)
for ch in sorted(codes, key=lambda c: (len(codes[c]), c)):
    print(repr(ch), codes[ch])
bits = encode(text, codes)
print(len(bits), len(text) * 8, round(len(bits) / (len(text) * 8), 4))
print(decode(bits, tree) == text, bits[:64])
packed = int(bits, 2).to_bytes((len(bits) + 7) // 8, "big")
print(packed.hex()[:40], len(packed))
h = [5, 3, 8, 1, 9, 2, 7]
heapq.heapify(h)
print(h, [heapq.heappop(h) for _ in range(3)], heapq.nlargest(2, [4, 1, 7, 3]), heapq.nsmallest(3, "zebra"))
print(heapq.heappushpop([1, 5], 3), list(heapq.merge([1, 4], [2, 3])))
